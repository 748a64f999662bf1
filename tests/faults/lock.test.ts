import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { withLock, LockedError } from "../../scripts/cli/lock.ts";

test("a second run on the same week is refused while the first holds the lock", async () => {
  const lock = join(mkdtempSync(join(tmpdir(), "hw-lock-")), ".2019-W26.lock");
  let release!: () => void;
  const first = withLock(lock, "honeyweek on week 2019-W26", () => new Promise<void>((r) => (release = r)));
  await new Promise((r) => setTimeout(r, 20));
  // The lock holds this process's pid; a run from another process sees it alive.
  writeFileSync(lock, String(process.ppid));
  try {
    await withLock(lock, "honeyweek on week 2019-W26", async () => assert.unreachable("ran concurrently"));
    assert.unreachable();
  } catch (e) {
    assert.ok(e instanceof LockedError);
    assert.match((e as Error).message, "honeyweek on week 2019-W26 is already running");
  }
  release();
  await first;
  assert.not.ok(existsSync(lock), "the lock is removed when the run ends");
});

test("a lock left by a killed process is taken over", async () => {
  const lock = join(mkdtempSync(join(tmpdir(), "hw-lock-")), ".2019-W26.lock");
  writeFileSync(lock, "999999999"); // no such process
  let ran = false;
  await withLock(lock, "x", async () => {
    ran = true;
  });
  assert.ok(ran);
});

test.run();
