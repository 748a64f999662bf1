import { test } from "uvu";
import * as assert from "uvu/assert";
import { safeText } from "../../scripts/cli/terminal.ts";
import { HOSTILE_CORPUS } from "../../scripts/hostile/corpus.ts";

// Anything a terminal would act on: C0/C1 controls, DEL, bidi controls, line separators.
const ACTIVE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/;

test("control characters are shown as escapes, never sent", () => {
  assert.is(safeText("\u001b[31mred\u001b[0m"), "\\x1b[31mred\\x1b[0m");
  assert.is(safeText("a\u0000b\rc\nd"), "a\\x00b\\x0dc\\nd");
  assert.is(safeText("\u202Eevil"), "\\u202eevil");
  assert.is(safeText("日本語 root"), "日本語 root");
});

test("no corpus payload reaches the terminal with an active character, and long ones are shortened", () => {
  for (const p of HOSTILE_CORPUS) {
    const s = safeText(p.text);
    assert.not.ok(ACTIVE.test(s), `${p.family}: ${JSON.stringify(s.slice(0, 40))}`);
    assert.ok(s.length <= 200);
  }
});

test.run();
