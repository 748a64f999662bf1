import { test } from "uvu";
import { pairKey } from "../../scripts/model/pairs.ts";
import * as assert from "uvu/assert";
import { compareWeek } from "../../scripts/compare/index.ts";
import { historyCoverage } from "../../scripts/compare/history.ts";
import { baselineOf } from "../../scripts/compare/baseline.ts";
import { topCountryChange } from "../../scripts/compare/topCountry.ts";
import { noveltyOf } from "../../scripts/compare/novelty.ts";
import { changesOf } from "../../scripts/compare/changes.ts";
import { parseSubject, normalizeCveId } from "../../scripts/compare/subject.ts";
import { resolveFocus } from "../../scripts/compare/focus.ts";
import type { WeekSummary } from "../../scripts/model/summary.ts";
import { exploitReport, history, makeSummary, seedMirror, seedSite, site } from "../fixtures/history/factory.ts";

const ZONE = "Asia/Tokyo";
const port = (n: number, connections: number, countries: Record<string, number> = {}, honeypots?: Record<string, number>) => ({
  port: n,
  connections,
  countries,
  ...(honeypots ? { honeypots } : {}),
});
const coverage = (week: string, h: Map<string, WeekSummary>, n = 2) => historyCoverage(week, h, n, ZONE);

// ---------------------------------------------------------------- history

test("history: a first week says so, and has no baseline", () => {
  const w = makeSummary("2019-W26");
  const f = compareWeek({ summary: w, history: new Map(), site: seedSite() });
  assert.is(f.history.firstWeek, true);
  assert.equal(f.history.wanted, ["2019-W24", "2019-W25"]);
  assert.equal(f.history.missing, ["2019-W24", "2019-W25"]);
  assert.is(f.baselines.overall, null);
  assert.equal(f.baselines.ports, []);
  assert.equal(f.changes, []);
  assert.ok(f.novelties.every((n) => n.total === 0), "nothing is 'new' in a first week");
});

test("history: a gap among the N weeks is reported as missing", () => {
  const h = history(makeSummary("2019-W24"), makeSummary("2019-W22"));
  const c = coverage("2019-W26", h);
  assert.equal(c.present, ["2019-W24"]);
  assert.equal(c.missing, ["2019-W25"]);
  assert.equal(c.earlier, ["2019-W22", "2019-W24"]);
  assert.is(c.firstWeek, false);
});

test("history: weeks after this one are ignored", () => {
  const w = makeSummary("2019-W26");
  const f = compareWeek({ summary: w, history: history(makeSummary("2019-W27"), w), site: seedSite() });
  assert.is(f.history.firstWeek, true);
});

test("history: baselines cross the year boundary (2020-W01 follows 2019-W52)", () => {
  const c = coverage("2020-W01", history(makeSummary("2019-W51"), makeSummary("2019-W52")));
  assert.equal(c.present, ["2019-W51", "2019-W52"]);
});

// ---------------------------------------------------------------- baselines

test("baseline: the seed post's RDP numbers (431, 409 → avg 420; 334 → below)", () => {
  const { w24, w25, w26 } = seedMirror();
  const f = compareWeek({ summary: w26, history: history(w24, w25), site: seedSite() });
  const rdp = f.baselines.ports.find((b) => b.subject.kind === "port" && b.subject.port === 3389)!;
  assert.is(rdp.average, 420);
  assert.is(rdp.thisWeek, 334);
  assert.is(rdp.verdict, "below");
  assert.equal(rdp.weeks, [
    { week: "2019-W24", value: 431 },
    { week: "2019-W25", value: 409 },
  ]);
  const weblogic = f.baselines.ports.find((b) => b.subject.kind === "port" && b.subject.port === 7001)!;
  assert.is(weblogic.verdict, "same", "8 against 13.5: too few to call");
});

test("baseline: a missing week is left out of the average, never counted as zero", () => {
  const h = history(makeSummary("2019-W24", { ports: [port(3389, 400)] }));
  const w = makeSummary("2019-W26", { ports: [port(3389, 410)] });
  const b = baselineOf(w, h, coverage("2019-W26", h), { kind: "port", port: 3389 })!;
  assert.is(b.average, 400, "not (400 + 0) / 2");
  assert.equal(b.missing, ["2019-W25"]);
  assert.is(b.verdict, "same");
});

test("baseline: a port absent from a stored week counts 0 there (summaries keep every port)", () => {
  const h = history(makeSummary("2019-W24", { ports: [port(3389, 400)] }), makeSummary("2019-W25", { ports: [] }));
  const w = makeSummary("2019-W26", { ports: [port(3389, 200)] });
  const b = baselineOf(w, h, coverage("2019-W26", h), { kind: "port", port: 3389 })!;
  assert.is(b.average, 200);
});

test("baseline: null when every baseline week is missing", () => {
  const h = history(makeSummary("2019-W20"));
  const w = makeSummary("2019-W26");
  assert.is(baselineOf(w, h, coverage("2019-W26", h), { kind: "events" }), null);
});

test("baseline: overall and per honeypot, including a honeypot silent this week", () => {
  const h = history(makeSummary("2019-W25", { honeypots: { cowrie: 1000, dionaea: 500 } }));
  const w = makeSummary("2019-W26", { honeypots: { cowrie: 1500 } });
  const f = compareWeek({ summary: w, history: h, site: site({ baselineWeeks: 1 }) });
  assert.is(f.baselines.overall!.verdict, "same"); // 1500 vs 1500
  const dionaea = f.baselines.honeypots.find((b) => b.subject.kind === "honeypot" && b.subject.name === "dionaea")!;
  assert.is(dionaea.thisWeek, 0);
  assert.is(dionaea.verdict, "below");
});

// ---------------------------------------------------------------- top country

test("top country: Indonesia before (two weeks combined), China now", () => {
  const { w24, w25, w26 } = seedMirror();
  const h = history(w24, w25);
  const t = topCountryChange(w26, h, coverage("2019-W26", h), 3389)!;
  assert.equal(t.before, { key: "ID", count: 330 });
  assert.equal(t.now, { key: "CN", count: 120 });
  assert.is(t.differs, true);
  assert.is(t.changed, true);
});

test("top country: combined weeks can differ from each week's own top", () => {
  const h = history(
    makeSummary("2019-W24", { ports: [port(80, 300, { US: 150, CN: 140 })] }),
    makeSummary("2019-W25", { ports: [port(80, 300, { DE: 160, CN: 150 })] }),
  );
  const w = makeSummary("2019-W26", { ports: [port(80, 300, { CN: 200 })] });
  const t = topCountryChange(w, h, coverage("2019-W26", h), 80)!;
  assert.equal(t.before, { key: "CN", count: 290 });
  assert.is(t.differs, false);
  assert.is(t.changed, false);
});

test("top country: a change on tiny counts differs but is not news", () => {
  const { w24, w25, w26 } = seedMirror();
  const h = history(w24, w25);
  const t = topCountryChange(w26, h, coverage("2019-W26", h), 7001)!;
  assert.is(t.before!.key, "US");
  assert.is(t.now!.key, "CN");
  assert.is(t.differs, true);
  assert.is(t.changed, false);
});

test("top country: unknown (ZZ) is never the top country", () => {
  const h = history(makeSummary("2019-W25", { countries: { ZZ: 900, RU: 100 } }));
  const w = makeSummary("2019-W26", { countries: { ZZ: 900, BR: 100 } });
  const t = topCountryChange(w, h, coverage("2019-W26", h, 1), "all")!;
  assert.is(t.before!.key, "RU");
  assert.is(t.now!.key, "BR");
});

test("top country: overall scope, and none at all for a port nobody hit", () => {
  const { w24, w25, w26 } = seedMirror();
  const f = compareWeek({ summary: w26, history: history(w24, w25), site: seedSite() });
  assert.is(f.topCountries.overall!.now!.key, "CN");
  assert.is(f.topCountries.overall!.changed, false);
  const h = history(makeSummary("2019-W25"));
  assert.is(topCountryChange(makeSummary("2019-W26"), h, coverage("2019-W26", h, 1), 9999), null);
});

// ---------------------------------------------------------------- novelty

test("novelty: credentials, commands, hashes, client versions and CVEs never seen before", () => {
  const { w24, w25, w26 } = seedMirror();
  const f = compareWeek({ summary: w26, history: history(w24, w25), site: seedSite() });
  const get = (c: string) => f.novelties.find((n) => n.category === c)!;
  assert.equal(get("credentials").items, [{ key: pairKey("system", "Passw0rd!"), count: 12 }]);
  assert.equal(get("usernames").items, [{ key: "system", count: 12 }]);
  assert.is(get("commands").total, 1);
  assert.match(get("commands").items[0]!.key, /^curl /);
  assert.equal(get("downloads").items, [{ key: "b".repeat(64), count: 7 }]);
  assert.equal(get("clientVersions").items, [{ key: "SSH-2.0-Go", count: 90 }]);
  assert.equal(get("cves").items, [{ key: "CVE-2019-2725", count: 3 }]);
  assert.is(get("ports").total, 0);
  assert.equal(get("credentials").searched, ["2019-W24", "2019-W25"]);
});

test("novelty: looks at every stored earlier week, not only the baseline weeks", () => {
  const old = makeSummary("2019-W10", { commands: { "uname -a": 5 } });
  const h = history(old, makeSummary("2019-W25"));
  const w = makeSummary("2019-W26", { commands: { "uname -a": 9, "id": 3 } });
  const n = noveltyOf(w, h, coverage("2019-W26", h), "commands");
  assert.equal(n.items, [{ key: "id", count: 3 }]);
});

test("novelty: a new port needs 10 connections to be news; the list is capped at 10", () => {
  const h = history(makeSummary("2019-W25", { ports: [port(22, 100)] }));
  const ports = [port(22, 100), port(5555, 9), port(8081, 10)];
  for (let i = 0; i < 12; i++) ports.push(port(20000 + i, 50 + i));
  const w = makeSummary("2019-W26", { ports });
  const n = noveltyOf(w, h, coverage("2019-W26", h, 1), "ports");
  assert.is(n.total, 13);
  assert.is(n.items.length, 10);
  assert.equal(n.items[0], { key: "20011", count: 61 });
  assert.not.ok(n.items.some((i) => i.key === "5555"));
});

test("novelty: downloads by hash (a known file from a new URL is not new; no hash, not listed)", () => {
  const h = history(makeSummary("2019-W25", { downloads: [{ sha256: "c".repeat(64), url: "http://a/x", count: 1 }] }));
  const w = makeSummary("2019-W26", {
    downloads: [
      { sha256: "c".repeat(64), url: "http://b/y", count: 2 },
      { sha256: "", url: "http://c/z", count: 4 },
    ],
  });
  assert.is(noveltyOf(w, h, coverage("2019-W26", h, 1), "downloads").total, 0);
});

// ---------------------------------------------------------------- surges and drops

test("changes: a surge and a drop past 3× with enough counts; noise and never-seen keys are not", () => {
  const h = history(
    makeSummary("2019-W24", { ports: [port(23, 1000), port(445, 900), port(5900, 20), port(81, 30)] }),
    makeSummary("2019-W25", { ports: [port(23, 1200), port(445, 1100), port(5900, 40), port(81, 30)] }),
  );
  const w = makeSummary("2019-W26", { ports: [port(23, 3300), port(445, 300), port(5900, 99), port(81, 95), port(6379, 5000)] });
  const changes = changesOf(w, h, coverage("2019-W26", h));
  const summary = changes.map((c) => `${c.kind} ${c.subject.kind === "port" ? c.subject.port : "?"}`);
  assert.equal(summary, ["surge 23", "drop 445"]);
  assert.is(changes[0]!.average, 1100);
  assert.is(changes[0]!.ratio, 3);
});

test("changes: countries surge too; nothing without a baseline week", () => {
  const h = history(makeSummary("2019-W25", { countries: { BR: 100, CN: 5000 } }));
  const w = makeSummary("2019-W26", { countries: { BR: 900, CN: 5000 } });
  const changes = changesOf(w, h, coverage("2019-W26", h, 1));
  assert.equal(
    changes.map((c) => c.subject),
    [{ kind: "country", code: "BR" }],
  );
  assert.equal(changesOf(w, new Map(), coverage("2019-W26", new Map(), 1)), []);
});

test("changes: a drop on a port whose honeypot was down names the outage", () => {
  const h = history(makeSummary("2019-W25", { ports: [port(7001, 600, {}, { honeytrap: 600 })] }));
  const w = makeSummary("2019-W26", {
    ports: [port(7001, 100, {}, { honeytrap: 100 })],
    outages: [{ honeypot: "honeytrap", start: "2019-06-26T00:00:00+09:00", end: "2019-06-29T00:00:00+09:00", hours: 72 }],
  });
  const [drop] = changesOf(w, h, coverage("2019-W26", h, 1));
  assert.is(drop!.kind, "drop");
  assert.is(drop!.outage, "honeytrap");
});

// ---------------------------------------------------------------- downtime

test("downtime: honeytrap down 30 h from 6/24 0:00 lowers port 7001 (seed post)", () => {
  const { w24, w25, w26 } = seedMirror();
  const f = compareWeek({ summary: w26, history: history(w24, w25), site: seedSite() });
  assert.is(f.downtime.length, 1);
  const d = f.downtime[0]!;
  assert.is(d.outage.honeypot, "honeytrap");
  assert.is(d.outage.hours, 30);
  assert.is(d.startDay, 0);
  assert.is(d.shareOfWeek, 30 / 168);
  assert.equal(d.ports, [{ port: 7001, connections: 8, atSameRate: 10, verdict: "same", lowPartlyBecauseOfOutage: true }]);
});

test("downtime: a port served by another honeypot is not affected; the port's honeypot comes from history when silent", () => {
  const h = history(makeSummary("2019-W25", { ports: [port(7001, 50, {}, { honeytrap: 50 }), port(3389, 400, {}, { rdpy: 400 })] }));
  const w = makeSummary("2019-W26", {
    ports: [port(3389, 380, {}, { rdpy: 380 })],
    outages: [{ honeypot: "honeytrap", start: "2019-06-29T12:00:00+09:00", end: "2019-07-01T00:00:00+09:00", hours: 36 }],
  });
  const f = compareWeek({ summary: w, history: h, site: seedSite({ baselineWeeks: 1 }) });
  assert.equal(f.downtime[0]!.ports.map((p) => p.port), [7001]);
  assert.is(f.downtime[0]!.startDay, 5);
  assert.is(f.downtime[0]!.ports[0]!.verdict, "below");
});

// ---------------------------------------------------------------- CVEs, focus, subjects

test("cves: watched ones with their alerts, seen ones too; exploit slot only when the summary has it", () => {
  const { w24, w25, w26 } = seedMirror();
  const f = compareWeek({ summary: w26, history: history(w24, w25), site: seedSite() });
  assert.equal(
    f.cves.map((c) => [c.id, c.watched, c.alerts]),
    [
      ["CVE-2019-2725", true, 3],
      ["CVE-2017-0144", false, 55],
    ],
  );
  assert.is(f.cves[0]!.exploits, undefined);
  const report = exploitReport("2019-06-30", [{ id: "CVE-2019-2725", keywords: ["WebLogic"], kev: null }]);
  const g = compareWeek({ summary: { ...w26, exploits: report }, history: history(w24, w25), site: seedSite() });
  assert.is(g.cves[0]!.exploits!.asOf, "2019-06-30");
  assert.equal(g.cves[0]!.exploits!.report.keywords, ["WebLogic"]);
  assert.is(g.cves[0]!.exploits!.sources.exploitDb.status, "ok");
  assert.is(g.cves[1]!.exploits, undefined, "a CVE the report did not ask about has no slot");
});

test("focus: settings by default, a post's front matter overrides; a port added later still works", () => {
  const s = seedSite();
  assert.equal(resolveFocus(s).ports.map((p) => p.port), [3389, 7001]);
  const o = resolveFocus(s, { ports: [7001, 445, 445, 70000], cves: ["cve-2017-0144"] });
  assert.equal(o.ports, [
    { port: 7001, name: "Oracle WebLogic" },
    { port: 445, name: "SMB" },
  ]);
  assert.equal(o.cves, [{ id: "CVE-2017-0144", keywords: [] }]);
  const { w24, w25, w26 } = seedMirror();
  const f = compareWeek({ summary: w26, history: history(w24, w25), site: s, focus: { ports: [445] } });
  assert.equal(f.baselines.ports.map((b) => [b.thisWeek, b.average]), [[1750, 1800]]);
});

test("subjects: parsed from shortcode arguments, junk refused", () => {
  assert.equal(parseSubject(3389), { kind: "port", port: 3389 });
  assert.equal(parseSubject("3389"), { kind: "port", port: 3389 });
  assert.equal(parseSubject("port:22"), { kind: "port", port: 22 });
  assert.equal(parseSubject("events"), { kind: "events" });
  assert.equal(parseSubject("honeypot:cowrie"), { kind: "honeypot", name: "cowrie" });
  assert.equal(parseSubject("country:CN"), { kind: "country", code: "CN" });
  assert.equal(parseSubject("cve:CVE_2019_2725"), { kind: "cve", id: "CVE-2019-2725" });
  for (const bad of [70000, -1, "port:x", "honeypot:<b>", "country:cn", "cve:2019", "__proto__", null, {}]) {
    assert.is(parseSubject(bad), null, String(bad));
  }
  assert.is(normalizeCveId("CVE-2019–9193"), "CVE-2019-9193");
});

test.run();
