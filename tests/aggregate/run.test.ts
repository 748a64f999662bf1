import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { aggregateWeek, AggregateError } from "../../scripts/aggregate/run.ts";
import { weekWindow } from "../../scripts/util/week.ts";
import { DEFAULT_SETTINGS } from "../../scripts/util/settings.ts";
import { discoverFiles, rotationOf, classify } from "../../scripts/discover/layout.ts";
import { PARSERS } from "../../scripts/parse/registry.ts";

const settings = { ...DEFAULT_SETTINGS, timeZone: "UTC" };
const W = weekWindow("2019-W26", "UTC");

function cowrieLine(ts: string, eventid: string, extra: Record<string, unknown> = {}): string {
  return JSON.stringify({ eventid, src_ip: "1.80.1.2", session: "abcdef012345", timestamp: ts, sensor: "t", ...extra });
}

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), "hw-tpot-"));
  const cow = join(root, "cowrie", "log");
  const ht = join(root, "honeytrap", "log");
  mkdirSync(cow, { recursive: true });
  mkdirSync(ht, { recursive: true });
  // Three restarts: .2.gz holds the week before, .1.gz the first days, live the rest.
  const older = [cowrieLine("2019-06-10T01:00:00.000000Z", "cowrie.session.connect", { dst_port: 22, src_port: 1 })];
  const day1 = [
    cowrieLine("2019-06-22T12:00:00.000000Z", "cowrie.session.connect", { dst_port: 22, src_port: 2 }), // before the week (and its margin)
    cowrieLine("2019-06-24T00:00:01.000000Z", "cowrie.session.connect", { dst_port: 22, src_port: 3 }),
    cowrieLine("2019-06-24T00:00:02.000000Z", "cowrie.login.failed", { username: "root", password: "123456" }),
  ];
  const live = [
    cowrieLine("2019-06-25T10:00:00.000000Z", "cowrie.session.connect", { dst_port: 23, src_port: 4 }),
    cowrieLine("2019-06-25T10:00:01.000000Z", "cowrie.direct-tcpip.request", { dst_ip: "mail.example", dst_port: 25 }),
    "this is not json",
    cowrieLine("2019-06-30T23:59:59.999000Z", "cowrie.command.input", { input: "uname -a" }),
    cowrieLine("2019-07-01T00:00:00.000000Z", "cowrie.command.input", { input: "after the week" }),
    '{"eventid":"cowrie.session.closed","timestamp":"2019-06-30T12:0', // cut off: no newline at the end
  ];
  writeFileSync(join(cow, "cowrie.json.2.gz"), gzipSync(older.join("\n") + "\n"));
  writeFileSync(join(cow, "cowrie.json.1.gz"), gzipSync(day1.join("\n") + "\n"));
  // Cowrie's own dated file holds the same day-1 records again: counted once.
  writeFileSync(join(cow, "cowrie.json.2019-06-24"), day1.slice(1).join("\n") + "\n");
  writeFileSync(join(cow, "cowrie.json"), live.join("\n"));
  writeFileSync(
    join(ht, "attackers.json"),
    [
      JSON.stringify({ "@timestamp": "2019-06-26T10:00:00Z", attack_connection: { protocol: "tcp", remote_ip: "36.64.0.9", remote_port: 5, local_ip: "10.0.0.5", local_port: 7001, payload: { length: 0 } } }),
      JSON.stringify({ "@timestamp": "1970-01-01T00:00:00Z", attack_connection: { protocol: "tcp", remote_ip: "0.0.0.0", remote_port: 0, local_ip: "10.0.0.5", local_port: 0, payload: { length: 0 } } }),
    ].join("\n") + "\n",
  );
  return root;
}

test("rotation names", () => {
  assert.equal(rotationOf("cowrie.json.12.gz"), { base: "cowrie.json", scheme: "numbered", generation: 12, date: null });
  assert.equal(rotationOf("cowrie.json.2019-06-24"), { base: "cowrie.json", scheme: "dated", generation: null, date: "2019-06-24" });
  assert.equal(rotationOf("attackers.json"), { base: "attackers.json", scheme: "live", generation: null, date: null });
  const copy = classify("cowrie", "cowrie.json.AT-2022-06-02T12-00Z", PARSERS)!;
  assert.equal([copy.parser.name, copy.base, copy.scheme], ["cowrie", "cowrie.json", "copy"]);
  assert.is(classify("cowrie", "cowrie.log", PARSERS), undefined);
});

test("a T-Pot tree: files tagged by path, the week filtered by event time, duplicates counted once", async () => {
  const root = tree();
  const d = await discoverFiles(root, PARSERS);
  assert.is(d.layout, "T-Pot data folder");
  assert.equal(d.files.map((f) => f.honeypot + ":" + f.path.slice(root.length + 1)).sort(), [
    "cowrie:cowrie/log/cowrie.json",
    "cowrie:cowrie/log/cowrie.json.1.gz",
    "cowrie:cowrie/log/cowrie.json.2.gz",
    "cowrie:cowrie/log/cowrie.json.2019-06-24",
    "honeytrap:honeytrap/log/attackers.json",
  ]);
  const r = await aggregateWeek({ logs: { root }, window: W, settings });
  const s = r.summary;
  assert.not.ok(r.filesRead.some((f) => f.path.endsWith(".2.gz")), "the file that ended before the week is not read");
  assert.is(s.honeypots.cowrie!.events, 5); // connect, login, connect, tunnel, command
  assert.is(s.quality.duplicates, 2);
  assert.is(s.honeypots.honeytrap!.events, 1);
  assert.equal(Object.fromEntries(s.ports.map((p) => [p.port, p.connections])), { 22: 1, 23: 1, 7001: 1 });
  assert.is(s.quality.skipped["not-json"], 1);
  assert.is(s.quality.skipped["cut-off"], 1);
  assert.is(s.quality.skipped["impossible-record"], 1);
  const sample = s.quality.samples.find((x) => x.reason === "not-json")!;
  assert.ok(sample.file.endsWith("cowrie/log/cowrie.json") && sample.line === 3, JSON.stringify(sample));
  assert.equal(s.countries.items.map((c) => c.key), ["CN", "ID"]);
});

test("an unclean restart (copied, not truncated) repeats lines in the next generation: counted once; a line written twice in one file counts twice", async () => {
  const root = mkdtempSync(join(tmpdir(), "hw-unclean-"));
  const dir = join(root, "dionaea", "log");
  mkdirSync(dir, { recursive: true });
  const line = (h: number, port: number, extra = "") =>
    JSON.stringify({ connection: { protocol: "smbd", transport: "tcp", type: "accept" }, dst_ip: "172.20.0.6", dst_port: port, src_ip: "1.80.1.2", src_port: 1000 + h, timestamp: `2019-06-2${Math.floor(h / 24) + 4}T${String(h % 24).padStart(2, "0")}:00:00.000001${extra}` });
  const older = [line(1, 445), line(2, 445), line(3, 445), line(3, 445)]; // the last record written twice by the honeypot
  const newer = [line(2, 445), line(3, 445), line(3, 445), line(30, 1433)]; // starts with a copy of the older file's tail
  writeFileSync(join(dir, "dionaea.json.2.gz"), gzipSync(older.join("\n") + "\n"));
  writeFileSync(join(dir, "dionaea.json.1.gz"), gzipSync(newer.join("\n") + "\n"));
  const r = await aggregateWeek({ logs: { root }, window: W, settings });
  assert.is(r.summary.honeypots.dionaea!.events, 5);
  assert.is(r.summary.quality.duplicates, 3);
});

test("a missing log folder is one clear error", async () => {
  try {
    await aggregateWeek({ logs: { root: "/nonexistent/honeyweek" }, window: W, settings });
    assert.unreachable();
  } catch (e) {
    assert.ok(e instanceof AggregateError);
    assert.match((e as Error).message, "/nonexistent/honeyweek: does not exist");
  }
});

test("a standalone Cowrie log folder is read as it is", async () => {
  const dir = mkdtempSync(join(tmpdir(), "hw-cowrie-"));
  writeFileSync(join(dir, "cowrie.json"), cowrieLine("2019-06-27T00:00:00Z", "cowrie.session.connect", { dst_port: 2222 }) + "\n");
  writeFileSync(join(dir, "cowrie.log"), "text log, not read\n");
  const r = await aggregateWeek({ logs: { root: dir }, window: W, settings });
  assert.is(r.summary.honeypots.cowrie!.events, 1);
  assert.is(r.discovery.files.length, 1);
});

test.run();
