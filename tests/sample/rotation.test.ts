/** Rotation planning: which write-time window each file of a honeypot holds. */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { planFiles } from "../../scripts/sample/rotation.ts";
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

test.run();
