import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, writeFileSync, readFileSync, readdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { WeekAccumulator } from "../../scripts/aggregate/accumulator.ts";
import { finalizeWeek } from "../../scripts/aggregate/finalize.ts";
import { weekWindow } from "../../scripts/util/week.ts";
import { writeSummary, readSummary, parseSummary, listWeekIds, SummaryError } from "../../scripts/store/weeks.ts";
import { validateSummary } from "../../scripts/store/validate.ts";

const W = weekWindow("2019-W26", "Asia/Tokyo");
function summary() {
  const a = new WeekAccumulator(W.startMs, W.endMs, W.timeZone, new Set(["cowrie"]));
  a.add({ honeypot: "cowrie", ts: W.startMs + 5000, kind: "connect", srcIp: "1.80.0.1", dstPort: 22 });
  return finalizeWeek(a, { window: W, geo: { info: { name: "t", built: null }, country: () => "CN" }, sourceMasking: "/24", labels: new Map() });
}

test("a written summary validates against the JSON Schema, reads back equal, and leaves no temp file", async () => {
  const dir = mkdtempSync(join(tmpdir(), "hw-store-"));
  const s = summary();
  assert.equal(validateSummary(s), []);
  const path = await writeSummary(dir, s);
  assert.equal(await readSummary(path), s);
  assert.equal(readdirSync(dir), ["2019-W26.json"]);
  assert.equal(await listWeekIds(dir), ["2019-W26"]);
  const first = readFileSync(path);
  await writeSummary(dir, summary());
  assert.ok(first.equals(readFileSync(path)), "re-writing the same week is byte-identical");
});

test("an invalid summary is refused before anything is written", async () => {
  const dir = mkdtempSync(join(tmpdir(), "hw-store-"));
  const bad = { ...summary(), totals: { events: -1, uniqueSources: 0, connections: 0 } };
  try {
    await writeSummary(dir, bad);
    assert.unreachable();
  } catch (e) {
    assert.ok(e instanceof SummaryError);
    assert.match((e as Error).message, "/totals/events");
  }
  assert.equal(readdirSync(dir), []);
});

test("older, newer and foreign files get a clear message naming the file", () => {
  const s = summary();
  const older = JSON.stringify({ ...s, schemaVersion: 0 });
  assert.throws(() => parseSummary(older, "data/weeks/2019-W26.json"), (e: Error) => /2019-W26.json: no schema version/.test(e.message));
  const newer = JSON.stringify({ ...s, schemaVersion: 99 });
  assert.throws(() => parseSummary(newer, "x.json"), (e: Error) => /newer than this honeyweek understands/.test(e.message));
  assert.throws(() => parseSummary("{}", "x.json"), (e: Error) => /x.json: not a honeyweek week summary/.test(e.message));
  assert.throws(() => parseSummary("{", "x.json"), (e: Error) => /x.json: not JSON/.test(e.message));
});

test.run();
