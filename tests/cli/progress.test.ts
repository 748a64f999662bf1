import { test } from "uvu";
import * as assert from "uvu/assert";
import { PassThrough } from "node:stream";
import { terminalProgress } from "../../scripts/cli/progress.ts";

test("progress is silent when the output is not a terminal", () => {
  const stream = Object.assign(new PassThrough(), { isTTY: false }) as unknown as NodeJS.WriteStream;
  assert.is(terminalProgress("reading", stream), undefined);
});

test("on a terminal it shows files, bytes, rate and time left", async () => {
  const chunks: string[] = [];
  const stream = Object.assign(new PassThrough(), { isTTY: true, columns: 160, cursorTo: () => true, clearLine: () => true, moveCursor: () => true }) as unknown as NodeJS.WriteStream;
  stream.on("data", (c: Buffer) => chunks.push(c.toString()));
  const p = terminalProgress("reading 2019-W26", stream)!;
  assert.ok(p);
  p.start(2, 4_000_000);
  p.advance(2_000_000);
  p.fileDone("a");
  await new Promise((r) => setTimeout(r, 150));
  p.advance(2_000_000);
  p.fileDone("b");
  p.finish();
  const out = chunks.join("");
  assert.match(out, /reading 2019-W26/);
  assert.match(out, /\d\/2 files/);
  assert.match(out, /MB/);
  assert.match(out, /ETA/);
});

test.run();
