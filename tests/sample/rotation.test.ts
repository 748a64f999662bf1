/** Rotation planning: which write-time window each file of a honeypot holds. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { RotatingSink, planFiles } from "../../scripts/sample/rotation.ts";
import type { SizeRotation } from "../../scripts/sample/format.ts";
import type { World } from "../../scripts/sample/world.ts";

const H = 3_600_000_000; // one hour in µs
const day = (n: number): number => Date.UTC(2019, 5, n) * 1000;

// Span 6/26 12:00Z .. 6/28 12:00Z; restarts 6/27 02:00Z (clean) and 6/28 03:00Z (unclean).
const world: World = {
  timeZone: "Asia/Tokyo",
  weeks: [],
  spanStartUs: day(26) + 12 * H,
  spanEndUs: day(28) + 12 * H,
  restarts: [
    { index: 0, atUs: day(27) + 2 * H, downtimeUs: 0, unclean: false },
    { index: 1, atUs: day(28) + 3 * H, downtimeUs: 0, unclean: true },
  ],
  outages: [],
};
const windows = (plans: ReturnType<typeof planFiles>) =>
  plans.map((p) => [p.kind, p.name, (p.fromUs - world.spanStartUs) / H, p.toUs === Infinity ? "end" : (p.toUs - world.spanStartUs) / H]);

test("should cut a honeypot without self-rotation at every restart, keeping copied lines after an unclean one", () => {
  const plans = planFiles({ name: "dionaea", dir: "dionaea/log", liveFile: "dionaea.json", selfRotation: "none" }, world, 0);
  assert.equal(windows(plans), [
    ["logrotate", null, 0, 14],
    ["logrotate", null, 14, 39],
    // The unclean restart did not truncate: the live file still starts at the clean one.
    ["live", "dionaea.json", 14, "end"],
  ]);
});

test("should interleave Cowrie's UTC-midnight files with logrotate generations", () => {
  const plans = planFiles({ name: "cowrie", dir: "cowrie/log", liveFile: "cowrie.json", selfRotation: "daily-utc" }, world, 10);
  assert.equal(windows(plans), [
    ["dated", "cowrie.json.2019-06-26", 0, 12],
    ["logrotate", null, 12, 14],
    ["dated", "cowrie.json.2019-06-27", 14, 36],
    ["logrotate", null, 36, 39],
    // Unclean: [00:00Z, restart) is in the .gz above and again in the live file (later the dated file).
    ["live", "cowrie.json", 36, "end"],
  ]);
  assert.equal(plans.map((p) => p.id), [10, 11, 12, 13, 14]);
});

test("should never cut a file logrotate does not know (CitrixHoneypot's server.log)", () => {
  const plans = planFiles({ name: "citrixhoneypot", dir: "citrixhoneypot/log", liveFile: "server.log", selfRotation: "none", logrotate: false }, world, 0);
  assert.equal(windows(plans), [["live", "server.log", 0, "end"]]);
});

/** Writes `lines` lines of `bytes` bytes each (newline included), one per second, through a size-rotating sink. */
async function sizeRotated(rotation: SizeRotation, lines: number, bytes: number): Promise<{ names: string[]; sizes: Record<string, number>; kinds: Record<string, string> }> {
  const dir = await mkdtemp(join(tmpdir(), "honeyweek-rotation-"));
  try {
    const calm: World = { ...world, restarts: [] };
    const plans = planFiles({ name: "x", dir: ".", liveFile: "x.log", selfRotation: rotation }, calm, 0);
    const sink = new RotatingSink(dir, plans, calm.spanEndUs, rotation);
    for (let i = 0; i < lines; i++) sink.write({ writeUs: calm.spanStartUs + i * 1_000_000, line: String(i % 10).repeat(bytes - 1), fact: null });
    const result = await sink.finish();
    const names = (await readdir(dir)).sort();
    const sizes: Record<string, number> = {};
    for (const n of names) sizes[n] = (await readFile(join(dir, n))).length;
    return { names, sizes, kinds: Object.fromEntries(result.files.map((f) => [f.path.replace("./", ""), f.kind])) };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

test("should roll a file over by size as Python's RotatingFileHandler does (name.1 newest)", async () => {
  // maxBytes 100: a 10-byte line is written while size + 10 < 100, so 9 lines a file.
  const r = await sizeRotated({ kind: "size", style: "python", maxBytes: 100, backups: 10 }, 25, 10);
  assert.equal(r.names, ["x.log", "x.log.1", "x.log.2"]);
  assert.equal(r.sizes, { "x.log": 70, "x.log.1": 90, "x.log.2": 90 });
  assert.equal(r.kinds, { "x.log.2": "backup", "x.log.1": "backup", "x.log": "live" });
});

test("should roll a file over by size as lumberjack does (name-<UTC time>.ext)", async () => {
  // lumberjack rotates when size + line would exceed maxBytes: 10 lines fit in 100 bytes.
  const r = await sizeRotated({ kind: "size", style: "lumberjack", maxBytes: 100, backups: 3 }, 15, 10);
  assert.equal(r.names, ["x-2019-06-26T12-00-10.000.log", "x.log"]);
  assert.equal(r.sizes, { "x-2019-06-26T12-00-10.000.log": 100, "x.log": 50 });
});

test.run();
