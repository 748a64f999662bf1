import { test } from "uvu";
import * as assert from "uvu/assert";
import { WeekAccumulator } from "../../scripts/aggregate/accumulator.ts";
import { finalizeWeek } from "../../scripts/aggregate/finalize.ts";
import { topList } from "../../scripts/aggregate/counter.ts";
import { weekWindow } from "../../scripts/util/week.ts";
import { serializeSummary } from "../../scripts/store/weeks.ts";
import { maskAddress, SourceFilter } from "../../scripts/enrich/addresses.ts";
import type { HoneypotEvent } from "../../scripts/model/event.ts";
import type { CountryLookup } from "../../scripts/enrich/geo.ts";

const W = weekWindow("2019-W26", "Asia/Tokyo");
const HOUR = 3600_000;
const ATTACK = new Set(["cowrie", "honeytrap", "dionaea"]);
// A stand-in GeoIP: the first octet names the country, so tests read at a glance.
const geo: CountryLookup = {
  info: { name: "test", built: "2019-06-01" },
  country: (ip) => ({ "1": "CN", "36": "ID", "5": "NL", "31": "RU" })[ip.split(".")[0]!] ?? "ZZ",
};
const labels = new Map([["cowrie", "Cowrie"], ["honeytrap", "Honeytrap"], ["dionaea", "Dionaea"]]);

function acc() {
  return new WeekAccumulator(W.startMs, W.endMs, W.timeZone, ATTACK);
}
function finalize(a: WeekAccumulator) {
  return finalizeWeek(a, { window: W, geo, sourceMasking: "full", labels });
}
const at = (hour: number) => W.startMs + hour * HOUR + 1234;

function events(): HoneypotEvent[] {
  const out: HoneypotEvent[] = [];
  for (let i = 0; i < 300; i++) {
    const ip = `${[1, 36, 5, 31][i % 4]}.0.${i % 7}.${i % 11}`;
    const ts = at((i * 37) % 168);
    out.push({ honeypot: "cowrie", ts, kind: "connect", srcIp: ip, dstPort: i % 3 ? 22 : 23, session: `s${i}` });
    out.push({ honeypot: "cowrie", ts, kind: "login", srcIp: ip, username: i % 5 ? "root" : "admin", password: String(i % 13), loginSuccess: i % 10 === 0 });
    out.push({ honeypot: "cowrie", ts, kind: "command", srcIp: ip, command: i % 2 ? "uname -a" : "cat /proc/cpuinfo" });
    out.push({ honeypot: "cowrie", ts, kind: "tunnel", srcIp: ip, tunnelHost: "example.com", tunnelPort: 443 });
    out.push({ honeypot: "honeytrap", ts, kind: "connect", srcIp: ip, dstPort: i % 2 ? 3389 : 7001 });
    out.push({ honeypot: "suricata", ts, kind: "alert", srcIp: ip, alert: { signature: "ET TEST", signatureId: 1, category: "Attempted", severity: 1, cves: ["CVE-2019-2725"] } });
    if (i % 50 === 0) out.push({ honeypot: "cowrie", ts, kind: "download", srcIp: ip, url: "http://x/y.sh", sha256: "ab".repeat(32) });
  }
  return out;
}

test("counting rules: honeypot events vs alerts, connections by attacked port, tunnels apart", () => {
  const a = acc();
  for (const e of events()) a.add(e);
  const s = finalize(a);
  assert.is(s.totals.events, 300 * 5 + 6); // cowrie 4/iteration + honeytrap 1, + downloads; no suricata
  assert.is(s.honeypots.cowrie!.events, 1206);
  assert.is(s.honeypots.honeytrap!.events, 300);
  assert.is(s.suricata.alerts, 300);
  assert.equal(s.suricata.cves.items, [{ key: "CVE-2019-2725", count: 300 }]);
  assert.is(s.totals.connections, 600);
  const ports = Object.fromEntries(s.ports.map((p) => [p.port, p.connections]));
  assert.equal(ports, { 22: 200, 23: 100, 3389: 150, 7001: 150 });
  assert.not.ok(ports[443], "a tunnel target is never an attacked port");
  assert.equal(s.cowrie.tunnelTargets.items, [{ key: "example.com:443", count: 300 }]);
  assert.is(s.cowrie.sessions, 300);
  assert.is(s.cowrie.loginAttempts, 300);
  assert.is(s.cowrie.loginSuccesses, 30);
  assert.is(s.cowrie.commandCount, 300);
  assert.equal(s.cowrie.downloads, [{ sha256: "ab".repeat(32), url: "http://x/y.sh", count: 6 }]);
  assert.is(s.hourly.length, 168);
  assert.is(s.hourly.reduce((n, h) => n + h.events, 0), s.totals.events);
  assert.is(s.countries.total, s.totals.events);
  const p3389 = s.ports.find((p) => p.port === 3389)!;
  assert.is(p3389.perDay.reduce((x, y) => x + y, 0), 150);
  assert.is(p3389.countries.total, 150);
});

test("merge property: two halves merged give the same summary as one pass, byte for byte", () => {
  const all = events();
  const one = acc();
  for (const e of all) one.add(e);
  const left = acc();
  const right = acc();
  all.forEach((e, i) => (i % 3 ? left : right).add(e));
  left.merge(right);
  assert.is(serializeSummary(finalize(left)), serializeSummary(finalize(one)));
});

test("merge that consumes (what the parallel reader does) gives the same summary, into an empty accumulator or not", () => {
  const all = events();
  const one = acc();
  for (const e of all) one.add(e);
  const expected = serializeSummary(finalize(one));
  const parts = [acc(), acc(), acc()];
  all.forEach((e, i) => parts[i % 3]!.add(e));
  const into = acc();
  for (const p of parts) into.merge(p, { consume: true });
  assert.is(serializeSummary(finalize(into)), expected);
  // Taken whole into an empty one, then more added to it: the given-up parts are not what counts.
  const first = acc();
  all.forEach((e, i) => i % 2 || first.add(e));
  const empty = acc();
  empty.merge(first, { consume: true });
  all.forEach((e, i) => i % 2 && empty.add(e));
  assert.is(serializeSummary(finalize(empty)), expected);
});

test("the same input in another order gives a byte-identical summary", () => {
  const all = events();
  const a = acc();
  for (const e of all) a.add(e);
  const b = acc();
  for (const e of [...all].reverse()) b.add(e);
  assert.is(serializeSummary(finalize(b)), serializeSummary(finalize(a)));
});

test("hours and days are local: 6/29 09:00 JST is day 5, hour 5*24+9", () => {
  const a = acc();
  const ts = Date.UTC(2019, 5, 29, 0, 30); // 09:30 JST
  for (let i = 0; i < 10; i++) a.add({ honeypot: "cowrie", ts, kind: "other", srcIp: i < 6 ? "5.1.1.1" : "31.1.1.1" });
  const s = finalize(a);
  assert.is(s.peak!.start, "2019-06-29T09:00:00+09:00");
  assert.equal(s.peak!.countries.items, [{ key: "NL", count: 6 }, { key: "RU", count: 4 }]);
  assert.is(s.honeypots.cowrie!.perDay[5], 10);
  assert.is(s.hourly[5 * 24 + 9]!.uniqueSources, 2);
});

test("a busy honeypot silent for 30 hours is an outage; a quiet one is not", () => {
  const a = acc();
  for (let h = 0; h < 168; h++) {
    if (h >= 30) for (let k = 0; k < 5; k++) a.add({ honeypot: "honeytrap", ts: at(h), kind: "connect", srcIp: "1.2.3.4", dstPort: 80 });
    if (h % 24 === 0) a.add({ honeypot: "dionaea", ts: at(h), kind: "connect", srcIp: "1.2.3.4", dstPort: 445 });
  }
  const s = finalize(a);
  assert.equal(s.health.outages, [{ honeypot: "honeytrap", start: "2019-06-24T00:00:00+09:00", end: "2019-06-25T06:00:00+09:00", hours: 30 }]);
  assert.is(s.health.silentHours.honeytrap, 30);
  assert.is(s.health.silentHours.dionaea, undefined);
});

test("top lists keep an explicit remainder so totals add up", () => {
  const m = new Map([["a", 5], ["b", 3], ["c", 3], ["d", 1]]);
  const t = topList(m, 2);
  assert.equal(t, { items: [{ key: "a", count: 5 }, { key: "b", count: 3 }], other: 4, distinct: 4, total: 12 });
});

// topList selects the top entries instead of sorting the whole counter; this is the full sort it
// replaced, which it must match exactly.
function sortedTopList(m: Map<string, number>, limit: number) {
  const entries = [...m.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const items = entries.slice(0, limit).map(([key, count]) => ({ key, count }));
  const total = entries.reduce((s, [, v]) => s + v, 0);
  return { items, other: total - items.reduce((s, i) => s + i.count, 0), distinct: entries.length, total };
}

test("top lists: ties on count are broken by key in code-unit order, not locale or code points", () => {
  // "Z" < "a" < "é" (U+00E9) < "😀" (surrogates D83D DE00) < "\uFFFF" in code units; in code points
  // or a locale the last two (and the case) would swap.
  const m = new Map([["\uFFFF", 2], ["😀", 2], ["é", 2], ["a", 2], ["Z", 2], ["e\u0301", 2], ["b", 7], ["", 2]]);
  const t = topList(m, 6);
  assert.equal(t.items.map((i) => i.key), ["b", "", "Z", "a", "e\u0301", "é"]);
  assert.equal([t.other, t.distinct, t.total], [4, 8, 21]);
  assert.equal(topList(m, 8).items.map((i) => i.key), ["b", "", "Z", "a", "e\u0301", "é", "😀", "\uFFFF"]);
});

test("top lists: empty counters, a limit of 0 and a limit above the number of entries", () => {
  assert.equal(topList(new Map(), 10), { items: [], other: 0, distinct: 0, total: 0 });
  assert.equal(topList(new Map([["a", 3], ["b", 1]]), 0), { items: [], other: 4, distinct: 2, total: 4 });
  const m = new Map([["x", 1], ["y", 9], ["w", 1]]);
  assert.equal(topList(m, 100), { items: [{ key: "y", count: 9 }, { key: "w", count: 1 }, { key: "x", count: 1 }], other: 0, distinct: 3, total: 11 });
  assert.equal(topList(m, 3), topList(m, 100));
});

test("top lists: the same items, other, distinct and total as a full sort, on many ties", () => {
  let s = 7;
  // High bits of the LCG (its low bits repeat with a short period).
  const rnd = (n: number) => Math.floor(((s = (Math.imul(s, 1664525) + 1013904223) >>> 0) / 2 ** 32) * n);
  const alphabet = ["a", "b", "A", "é", "e\u0301", "😀", "\uFFFF", "0", " "];
  for (let round = 0; round < 200; round++) {
    const m = new Map<string, number>();
    const size = rnd(round < 20 ? 5 : 400);
    // Few distinct counts, so most of the order is decided by the keys; keys built from a small
    // alphabet, so many share prefixes and differ in one code unit.
    const counts = 1 + rnd(6);
    while (m.size < size) {
      let k = "";
      for (let j = rnd(4); j >= 0; j--) k += alphabet[rnd(alphabet.length)];
      m.set(k, 1 + rnd(counts) * (1 + rnd(3)));
    }
    for (const limit of [0, 1, 2, rnd(size + 2), size - 1, size, size + 1, 100]) {
      if (limit < 0) continue;
      assert.equal(topList(m, limit), sortedTopList(m, limit), `round ${round}, ${m.size} entries, limit ${limit}`);
    }
  }
});

test("masking: /24, hidden and full; private and own addresses are not attackers", () => {
  assert.is(maskAddress("36.64.5.9", "/24"), "36.64.5.0/24");
  assert.is(maskAddress("2001:db8:1:2::5", "/24"), "2001:db8:1::/48");
  assert.is(maskAddress("36.64.5.9", "hidden"), null);
  assert.is(maskAddress("36.64.5.9", "full"), "36.64.5.9");
  const f = new SourceFilter(["153.1.2.3"]);
  for (const ip of ["10.1.1.1", "172.20.0.4", "192.168.0.1", "127.0.0.1", "0.0.0.0", "::1", "fe80::1", "153.1.2.3"]) assert.not.ok(f.isAttacker(ip), ip);
  for (const ip of ["1.80.0.1", "36.64.0.1", "2a01:4f8::1"]) assert.ok(f.isAttacker(ip), ip);
  const a = acc();
  a.add({ honeypot: "cowrie", ts: at(1), kind: "other", srcIp: "36.64.5.9" });
  a.add({ honeypot: "cowrie", ts: at(1), kind: "other", srcIp: "36.64.5.10" });
  const s = finalizeWeek(a, { window: W, geo, sourceMasking: "/24", labels });
  assert.equal(s.sources.items, [{ key: "36.64.5.0/24", count: 2 }]);
  const h = finalizeWeek(a, { window: W, geo, sourceMasking: "hidden", labels });
  assert.equal(h.sources.items, []);
  assert.is(h.sources.total, 2);
});

test("ASNs come from the bundled RouteViews/DB-IP table by default, or are left out", async () => {
  const { openAsnLookup } = await import("../../scripts/enrich/asn.ts");
  const asn = await openAsnLookup(null);
  assert.is(asn.asn("8.8.8.8"), "AS15169 Google LLC");
  assert.is(asn.asn("not-an-ip"), null);
  const a = acc();
  a.add({ honeypot: "cowrie", ts: at(1), kind: "other", srcIp: "8.8.8.8" });
  a.add({ honeypot: "cowrie", ts: at(1), kind: "other", srcIp: "8.8.4.4" });
  const s = finalizeWeek(a, { window: W, geo, asn, sourceMasking: "full", labels });
  assert.equal(s.asns!.items, [{ key: "AS15169 Google LLC", count: 2 }]);
  assert.ok(s.provenance.asn!.name.includes("RouteViews"));
  assert.is(finalize(a).asns, undefined);
});

test.run();
