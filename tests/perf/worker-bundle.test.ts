/**
 * The reading workers' bundle (aggregate/workerBundle.ts) is reused only while every file it was
 * made from is unchanged: a changed size or time, a missing input or bundle, a bad manifest mean
 * bundling again.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { MANIFEST, unchangedBundle, workerEntry } from "../../scripts/aggregate/workerBundle.ts";

const dir = mkdtempSync(join(tmpdir(), "hw-bundle-"));

test("the bundle made is found again, with the worker's own sources among its inputs", async () => {
  const url = await workerEntry();
  assert.ok(url.href.endsWith(".mjs") && !url.href.endsWith("worker.mjs"), url.href);
  assert.is(await unchangedBundle(), fileURLToPath(url));
  const m = JSON.parse(readFileSync(MANIFEST, "utf8"));
  assert.ok(m.inputs.some((i: { path: string }) => i.path.endsWith("aggregate/worker.ts")));
  assert.ok(m.inputs.some((i: { path: string }) => i.path.endsWith("parse/fast/cowrie.ts")));
});

test("any change means bundling again", async () => {
  await workerEntry();
  const m = JSON.parse(readFileSync(MANIFEST, "utf8"));
  const variant = (name: string, f: (x: typeof m) => void | string): string => {
    const copy = structuredClone(m);
    const text = f(copy);
    const p = join(dir, name);
    writeFileSync(p, typeof text === "string" ? text : JSON.stringify(copy));
    return p;
  };
  assert.is(await unchangedBundle(variant("same.json", () => {})), m.bundle);
  assert.is(await unchangedBundle(variant("size.json", (x) => void (x.inputs[3].size += 1))), null);
  assert.is(await unchangedBundle(variant("time.json", (x) => void (x.inputs[0].mtimeMs -= 1))), null);
  assert.is(await unchangedBundle(variant("gone.json", (x) => void x.inputs.push({ path: join(dir, "nope.ts"), size: 1, mtimeMs: 1 }))), null);
  assert.is(await unchangedBundle(variant("nobundle.json", (x) => void (x.bundle = join(dir, "missing.mjs")))), null);
  assert.is(await unchangedBundle(variant("bad.json", () => "{not json")), null);
  assert.is(await unchangedBundle(join(dir, "absent.json")), null);
});

test.run();
