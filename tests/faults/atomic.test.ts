import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, readdirSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { writeFileAtomic, createFileAtomic, WriteError } from "../../scripts/util/atomic.ts";
import { mountTmpfs, remountReadOnly } from "./helpers.ts";

const here = new URL(".", import.meta.url).pathname;

test("kill -9 at random moments of a rewrite never leaves a half-written file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "hw-kill-"));
  const path = join(dir, "2019-W26.json");
  writeFileSync(path, JSON.stringify({ version: "old" }));
  for (let round = 0; round < 8; round++) {
    const child = spawn(process.execPath, ["--import", "tsx", join(here, "atomic-writer.ts"), path], { stdio: ["ignore", "pipe", "inherit"] });
    await new Promise<void>((resolve) => child.stdout.once("data", () => resolve()));
    await new Promise((r) => setTimeout(r, 20 + Math.floor(Math.random() * 300)));
    child.kill("SIGKILL");
    await new Promise((r) => child.once("exit", r));
    const v = JSON.parse(readFileSync(path, "utf8")) as { version: string };
    assert.ok(["old", "A", "B"].includes(v.version), `round ${round}: ${v.version}`);
  }
});

test("a full disk gives one clear error and leaves the old file and no temp file", async () => {
  const m = mountTmpfs(256);
  try {
    const path = join(m.dir, "week.json");
    writeFileSync(path, "old");
    try {
      await writeFileAtomic(path, "x".repeat(1024 * 1024));
      assert.unreachable("wrote 1 MB into 256 KB");
    } catch (e) {
      assert.ok(e instanceof WriteError, String(e));
      assert.match((e as Error).message, `cannot write ${path}: no space left on the disk (ENOSPC); nothing was changed`);
    }
    assert.is(readFileSync(path, "utf8"), "old");
    assert.equal(readdirSync(m.dir), ["week.json"]);
  } finally {
    m.unmount();
  }
});

test("a read-only folder gives one clear error and no partial file", async () => {
  const m = mountTmpfs(256);
  try {
    writeFileSync(join(m.dir, "keep.md"), "the author's post");
    remountReadOnly(m.dir);
    for (const write of [writeFileAtomic, createFileAtomic]) {
      try {
        await write(join(m.dir, "new.json"), "data");
        assert.unreachable();
      } catch (e) {
        assert.match((e as Error).message, "read-only file system (EROFS)");
      }
    }
    assert.equal(readdirSync(m.dir), ["keep.md"]);
  } finally {
    m.unmount();
  }
});

test("createFileAtomic never replaces a file that exists", async () => {
  const dir = mkdtempSync(join(tmpdir(), "hw-create-"));
  const post = join(dir, "2019-W26.md");
  writeFileSync(post, "edited by the author");
  try {
    await createFileAtomic(post, "new draft");
    assert.unreachable();
  } catch (e) {
    assert.match((e as Error).message, "it exists already");
  }
  assert.is(readFileSync(post, "utf8"), "edited by the author");
  assert.equal(readdirSync(dir), ["2019-W26.md"]);
  await createFileAtomic(join(dir, "2019-W27.md"), "fresh");
  assert.ok(existsSync(join(dir, "2019-W27.md")));
});

test.run();
