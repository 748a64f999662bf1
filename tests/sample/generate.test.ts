/**
 * The sample generator: determinism, a manifest that matches two recounts of the files (an
 * independent plain reading, and the pipeline's own parsers), every T-Pot format present and
 * readable, the seed post's planted facts, T-Pot's and the honeypots' own rotation, the RDP owner
 * choice, and hostile mode (every corpus payload in every kind of field, files still valid).
 *
 * The plain recount (plain.ts) shares no code with the generator or the parsers: it checks the
 * manifest rather than repeats it.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createHash } from "node:crypto";
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { parse as parseCsv } from "csv-parse/sync";
import maxmind from "maxmind";
import { generateSample } from "../../scripts/sample/generate.ts";
import type { SampleManifest } from "../../scripts/sample/generate.ts";
import { bundledCountryDbPath } from "../../scripts/sample/addresses.ts";
import { HOSTILE_CORPUS } from "../../scripts/hostile/corpus.ts";
import { PARSERS } from "../../scripts/parse/registry.ts";
import { parsePythonDict } from "../../scripts/parse/python-literal.ts";
import { readPlain } from "./plain.ts";
import { isTooLong, isValidUtf8, lineText, parserCount, plainCount, readTree } from "./tree.ts";
import type { TreeCount, WeekCount } from "./tree.ts";

const SENSOR = new Set(["10.0.0.5", "198.51.100.2"]);
/** Written only where they own 3389 (not in the default 24.x tree, where Honeytrap does). */
const RDP_ONLY = new Set(["rdpy", "rdphoneypot"]);

const temps: string[] = [];
async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `honeyweek-sample-${label}-`));
  temps.push(dir);
  return dir;
}

// Generated once and shared by the tests that only read.
const small = (async () => {
  const dir = await tempDir("small");
  const manifest = await generateSample({ outDir: dir, scale: 0.05 });
  return { dir, manifest, tree: await readTree(dir) };
})();
const medium = (async () => {
  const dir = await tempDir("medium");
  return { dir, manifest: await generateSample({ outDir: dir, scale: 0.2 }) };
})();
const hostile = (async () => {
  const dir = await tempDir("hostile");
  const manifest = await generateSample({ outDir: dir, scale: 0.05, weeks: ["2019-W26"], hostile: true });
  return { dir, manifest, tree: await readTree(dir) };
})();
const geo = maxmind.open(bundledCountryDbPath());

const asRecord = (m: Map<number, number>): Record<string, number> => Object.fromEntries([...m].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k), v]));
const weekOf = (m: SampleManifest, id: string) => {
  const w = m.weeks.find((x) => x.id === id);
  assert.ok(w, `week ${id} in the manifest`);
  return w!;
};

async function countryOf(): Promise<(ip: string) => string> {
  const db = await geo;
  // DB-IP Lite records are {country_code: "CN"}, not MaxMind's nested shape.
  return (ip) => (db.get(ip) as { country_code?: string } | null)?.country_code ?? "??";
}

async function ranking(ips: Iterable<string> | Map<string, number>): Promise<Array<[string, number]>> {
  const country = await countryOf();
  const counts = new Map<string, number>();
  const entries: Iterable<[string, number]> = ips instanceof Map ? ips : [...ips].map((ip): [string, number] => [ip, 1]);
  for (const [ip, n] of entries) counts.set(country(ip), (counts.get(country(ip)) ?? 0) + n);
  return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

async function sha256Tree(dir: string): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  const walk = async (sub: string): Promise<void> => {
    for (const entry of await readdir(join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${entry.name}` : entry.name;
      if (entry.isDirectory()) await walk(rel);
      else out.set(rel, createHash("sha256").update(await readFile(join(dir, rel))).digest("hex"));
    }
  };
  await walk("");
  return out;
}

/** Per-honeypot numbers of a recount week vs the manifest's. */
function assertHoneypots(label: string, count: WeekCount, truth: SampleManifest["weeks"][number]): void {
  const names = new Set([...count.honeypots.keys(), ...Object.keys(truth.honeypots)]);
  let events = 0;
  let connections = 0;
  for (const hp of names) {
    const c = count.honeypots.get(hp);
    const t = truth.honeypots[hp];
    assert.ok(c && t, `${label} ${truth.id}: ${hp} in both the files and the manifest`);
    assert.is(c!.events, t!.events, `${label} ${truth.id}: ${hp} events`);
    assert.is(c!.sources.size, t!.uniqueSources, `${label} ${truth.id}: ${hp} unique sources`);
    assert.is(c!.connections, t!.connections, `${label} ${truth.id}: ${hp} connections`);
    assert.equal(asRecord(c!.ports), t!.ports, `${label} ${truth.id}: ${hp} ports`);
    events += c!.events;
    connections += c!.connections;
  }
  assert.is(events, truth.totals.events, `${label} ${truth.id}: total events`);
  assert.is(connections, truth.totals.connections, `${label} ${truth.id}: total connections`);
  assert.is(new Set([...count.bySource.keys()]).size, truth.totals.uniqueSources, `${label} ${truth.id}: unique sources`);
  const ports = new Map<number, number>();
  for (const h of count.honeypots.values()) for (const [p, n] of h.ports) ports.set(p, (ports.get(p) ?? 0) + n);
  assert.equal(asRecord(ports), truth.ports, `${label} ${truth.id}: ports of all honeypots`);
  for (const [name, s] of count.sensors) {
    const t = truth.fingerprints[name];
    assert.ok(t, `${label} ${truth.id}: ${name} in the manifest`);
    assert.is(s.events, t!.events, `${label} ${truth.id}: ${name} lines`);
    assert.is(s.sources.size, t!.uniqueSources, `${label} ${truth.id}: ${name} sources`);
    assert.equal(Object.fromEntries([...s.os].sort()), t!.os, `${label} ${truth.id}: ${name} OS guesses`);
  }
  assert.equal([...count.sensors.keys()].sort(), Object.keys(truth.fingerprints).sort(), `${label} ${truth.id}: sensors`);
}

/** The junk a tree holds, by kind, and every line that is no valid line of its format is planted junk. */
function assertJunk(label: string, c: TreeCount, m: SampleManifest): void {
  assert.equal(c.invalid, [], `${label}: lines not valid for their format`);
  assert.equal(Object.fromEntries([...c.junk].sort()), Object.fromEntries(Object.entries(m.junk.byKind).sort()), `${label}: junk by kind`);
}

// ---------------------------------------------------------------------------------------------

test("should write byte-identical trees for the same seed and scale", async () => {
  const { dir } = await small;
  const again = await tempDir("again");
  await generateSample({ outDir: again, scale: 0.05 });
  const a = await sha256Tree(dir);
  const b = await sha256Tree(again);
  assert.ok(a.size > 300, `expected a full tree, got ${a.size} files`);
  assert.equal([...b.keys()].sort(), [...a.keys()].sort());
  for (const [file, hash] of a) assert.is(b.get(file), hash, `${file} differs between runs`);
});

test("should write a different tree for another seed", async () => {
  const { manifest } = await small;
  const other = await tempDir("other-seed");
  const m = await generateSample({ outDir: other, scale: 0.05, seed: 7, weeks: ["2019-W26"] });
  const w = weekOf(m, "2019-W26");
  // Planted facts hold for any seed; the background differs.
  assert.is(w.watchedPorts["3389"]!.connections, 334);
  assert.is.not(w.honeypots.cowrie!.events, weekOf(manifest, "2019-W26").honeypots.cowrie!.events);
});

test("should hold every T-Pot format the parsers know, each line readable by its parser", async () => {
  const { manifest, tree } = await small;
  const withFiles = new Set(tree.map((f) => f.honeypot));
  const withEvents = new Set(manifest.weeks.flatMap((w) => [...Object.keys(w.honeypots), ...Object.keys(w.fingerprints), "suricata"]));
  for (const p of PARSERS) {
    if (RDP_ONLY.has(p.name)) {
      assert.not.ok(withFiles.has(p.name), `${p.name} is not in the default tree`);
      assert.ok(manifest.layout.notWritten.some((n) => n.name === p.name));
      continue;
    }
    assert.ok(withFiles.has(p.name), `${p.name} has files`);
    assert.ok(withEvents.has(p.name), `${p.name} has events in the weeks`);
  }
  // No parser fails on any line (a failure would be "parser-error", a bug).
  let lines = 0;
  for (const f of tree) {
    for (const l of f.lines) {
      if (isTooLong(l)) continue;
      lines++;
      const r = l.parser.parse(lineText(l), { sensorTimeZone: "UTC", file: join("/data", l.file) });
      for (const x of Array.isArray(r) ? r : [r]) assert.is.not(x, "parser-error", `${l.file}:${l.lineNo}`);
    }
  }
  assert.ok(lines > 50_000);
  // Files of formats with several: conpot templates, ddospot pots, qeeqbox servers, heralding's two.
  const names = new Set(tree.map((f) => f.file.split("/").pop()!.replace(/\.\d+\.gz$|\.\d{4}-\d\d-\d\d$/, "")));
  for (const n of ["conpot_IEC104.json", "conpot_guardian_ast.json", "conpot_ipmi.json", "conpot_kamstrup_382.json", "dnspot.log", "ntpot.log", "chargenpot.log", "ssdpot.log", "genericpot.log", "auth.csv", "log_session.json", "ftp.log", "server.log"]) {
    assert.ok(names.has(n), `${n} in the tree`);
  }
});

test("should hold exactly what the manifest says (independent recount, every format, every week)", async () => {
  const { manifest, tree } = await small;
  const c = plainCount(tree, manifest.weeks);
  assertJunk("plain", c, manifest);
  assert.is(c.duplicates, manifest.duplicates.records, "duplicate records");
  assert.ok(manifest.duplicates.records > 0, "unclean restarts planted duplicates");
  manifest.weeks.forEach((w, k) => {
    const r = c.weeks[k]!;
    assertHoneypots("plain", r, w);
    const types = r.cowrieTypes;
    assert.is(types.get("cowrie.session.connect") ?? 0, w.cowrie.sessions);
    assert.is((types.get("cowrie.login.failed") ?? 0) + (types.get("cowrie.login.success") ?? 0), w.cowrie.loginAttempts);
    assert.is(types.get("cowrie.command.input") ?? 0, w.cowrie.commands);
    assert.is(types.get("cowrie.direct-tcpip.request") ?? 0, w.cowrie.tunnelRequests);
    assert.ok(w.cowrie.tunnelRequests > 0, "some direct-tcpip tunnels");
    // Tunnel targets are not attacked ports.
    assert.not.ok(r.honeypots.get("cowrie")!.ports.has(443) || r.honeypots.get("cowrie")!.ports.has(25));
    assert.is(r.suricata.events, w.suricata.events, `${w.id} suricata events`);
    assert.is(r.suricata.alerts, w.suricata.alerts, `${w.id} suricata alerts`);
    assert.equal(r.hourly, w.hourly, `${w.id} hourly`);
  });
});

test("should count every format exactly as the pipeline's parsers do", async () => {
  const { dir, manifest, tree } = await small;
  const c = parserCount(tree, manifest.weeks, dir);
  assertJunk("parsers", c, manifest);
  for (const [k, w] of manifest.weeks.entries()) {
    const r = c.weeks[k]!;
    assertHoneypots("parsers", r, w);
    assert.is(r.suricata.alerts, w.suricata.alerts, `${w.id} alerts`);
    const countries = (await ranking(r.bySource)).map(([key, count]) => ({ key, count }));
    assert.equal(countries, w.countries, `${w.id} countries`);
    for (const port of ["3389", "7001"]) {
      const ips = r.portIps.get(Number(port)) ?? [];
      assert.is(ips.length, w.watchedPorts[port]!.connections, `${w.id} ${port}`);
      if (ips.length > 0) assert.is((await ranking(ips))[0]![0], w.watchedPorts[port]!.topCountry, `${w.id} ${port} top country`);
    }
    // Nobody but Honeytrap answers on 3389 and 7001 in this tree.
    for (const [hp, h] of r.honeypots) if (hp !== "honeytrap") assert.not.ok(h.ports.has(3389) || h.ports.has(7001), `${hp} on a watched port`);
    // Every source is a public attacker address, never the sensor.
    for (const ip of r.bySource.keys()) assert.ok(!SENSOR.has(ip) && !/^(10|127|192\.168|172\.(1[6-9]|2\d|3[01]))\./.test(ip), ip);
  }
});

test("should plant the seed post's facts at scale 0.2", async () => {
  const { dir, manifest } = await medium;
  const tree = await readTree(dir);
  const c = plainCount(tree, manifest.weeks);
  const expected3389: Record<string, [number, string]> = { "2019-W24": [431, "ID"], "2019-W25": [409, "ID"], "2019-W26": [334, "CN"] };
  for (const [id, [count, top]] of Object.entries(expected3389)) {
    const k = manifest.weeks.findIndex((w) => w.id === id);
    const w = manifest.weeks[k]!;
    const r = c.weeks[k]!;
    const rdp = r.portIps.get(3389) ?? [];
    assert.is(rdp.length, count, `${id} 3389 connections in the files`);
    assert.is(r.honeypots.get("honeytrap")!.ports.get(3389), count, `${id} 3389 all Honeytrap's`);
    assert.is(w.watchedPorts["3389"]!.connections, count, `${id} 3389 in the manifest`);
    const order = await ranking(rdp);
    assert.is(order[0]![0], top, `${id} top country on 3389`);
    assert.ok(order[0]![1] > order[1]![1], `${id} top country on 3389 is unambiguous`);
    assert.is(w.watchedPorts["3389"]!.topCountry, top);
  }
  assert.is((431 + 409) / 2, 420);

  const k26 = manifest.weeks.findIndex((w) => w.id === "2019-W26");
  const w26 = manifest.weeks[k26]!;
  const r26 = c.weeks[k26]!;
  assert.is(r26.portIps.get(7001)?.length, 8, "7001 connections in W26");
  assert.is(w26.watchedPorts["7001"]!.connections, 8);
  for (const id of ["2019-W23", "2019-W24", "2019-W25"]) {
    const n = weekOf(manifest, id).watchedPorts["7001"]!.connections;
    assert.ok(n > 0 && n < 8, `${id}: a handful of 7001 connections (${n})`);
  }
  assert.ok((r26.suricata.cve7001.get("CVE-2019-2725") ?? 0) > 0, "Suricata alerts on 7001 with CVE-2019-2725");
  assert.is(w26.suricata.cveAlertsByDestPort["7001"]?.["CVE-2019-2725"], r26.suricata.cve7001.get("CVE-2019-2725"));

  // Honeytrap down 6/24 00:00 to 6/25 06:00 JST.
  const outage = manifest.timeline.outages.find((o) => o.honeypot === "honeytrap");
  assert.ok(outage);
  assert.is(outage!.start, "2019-06-24T00:00:00+09:00");
  assert.is(outage!.end, "2019-06-25T06:00:00+09:00");
  assert.is(outage!.hours, 30);
  const [from, to] = [Date.parse(outage!.start), Date.parse(outage!.end)];
  const ht = r26.times.get("honeytrap")!;
  assert.is(ht.filter((t) => t >= from && t < to).length, 0, "no honeytrap events during the outage");
  assert.ok(ht.some((t) => t >= to && t < to + 3_600_000 * 3), "honeytrap back after the outage");

  // The busiest hour: 6/29 09:00 JST, from NL and RU, far above every other hour.
  assert.is(w26.busiestHour.start, "2019-06-29T09:00:00+09:00");
  const peakHour = (Date.parse(w26.busiestHour.start) - Date.parse(w26.start)) / 3_600_000;
  assert.is(r26.hourly[peakHour], w26.busiestHour.events);
  r26.hourly.forEach((n, hour) => {
    if (hour !== peakHour) assert.ok(n < w26.busiestHour.events / 2, `hour ${hour} is far below the peak`);
  });
  assert.equal((await ranking(r26.hourIps.get(peakHour)!)).slice(0, 2).map(([cc]) => cc).sort(), ["NL", "RU"]);
  assert.equal(w26.busiestHour.topCountries.slice(0, 2).map((x) => x.key).sort(), ["NL", "RU"]);
  assert.ok(w26.honeypots.cowrie!.events / w26.totals.events > 0.85, "mostly Cowrie");
});

test("should keep the seed week at about 110,000 events, over 100,000 of them Cowrie, in the default tree", async () => {
  const dir = await tempDir("scale1");
  const m = await generateSample({ outDir: dir, scale: 1 });
  const w = weekOf(m, "2019-W26");
  // "およそ11万件" rounds to two figures: 105,000 .. 114,999.
  assert.ok(w.totals.events >= 105_000 && w.totals.events < 115_000, `${w.totals.events} events`);
  assert.ok(w.honeypots.cowrie!.events > 100_000, `${w.honeypots.cowrie!.events} Cowrie events`);
  assert.is(w.busiestHour.start, "2019-06-29T09:00:00+09:00");
  // The other honeypots see far less: tens to a few hundred a week each.
  for (const [hp, h] of Object.entries(w.honeypots)) if (!["cowrie", "dionaea", "honeytrap"].includes(hp)) assert.ok(h.events >= 5 && h.events < 1000, `${hp}: ${h.events}`);
});

test("should lay out files as T-Pot rotation and the honeypots' own rotation leave them", async () => {
  const { dir, manifest } = await small;
  const ls = async (sub: string): Promise<string[]> => (await readdir(join(dir, sub))).sort();
  const names = await ls("cowrie/log");
  const rotated = names.filter((n) => /^cowrie\.json\.\d+\.gz$/.test(n)).map((n) => Number(n.split(".")[2])).sort((a, b) => a - b);
  assert.equal(rotated, Array.from({ length: rotated.length }, (_, i) => i + 1), "generations .1.gz .. .N.gz without gaps");
  assert.ok(rotated.length >= 28);
  assert.ok(names.includes("cowrie.json"), "live file");
  assert.ok(names.includes("cowrie.json.2019-06-24"), "Cowrie's own dated file");
  for (const r of manifest.timeline.restarts) assert.ok(!r.at.endsWith("T00:00:00Z") && Number(r.at.slice(11, 13)) < 5, `restart ${r.at}`);
  const file = (path: string) => manifest.files.find((f) => f.path === path)!;
  assert.ok(file("cowrie/log/cowrie.json.1.gz").writtenTo > file("cowrie/log/cowrie.json.2.gz").writtenTo);
  const gz = await readFile(join(dir, "dionaea/log/dionaea.json.1.gz"));
  assert.equal([...gz.subarray(0, 10)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  const live = await readFile(join(dir, "cowrie/log/cowrie.json"));
  assert.is.not(live[live.length - 1], 0x0a);
  const lines = gunzipSync(await readFile(join(dir, "dionaea/log/dionaea.json.3.gz"))).toString("utf8").trim().split("\n");
  const times = lines.flatMap((l) => {
    try {
      return [JSON.parse(l).timestamp as string];
    } catch {
      return [];
    }
  });
  assert.ok(times.some((t, i) => i > 0 && t < times[i - 1]!), "Dionaea lines are not in timestamp order");
  assert.ok(manifest.duplicates.groups.some((g) => g.honeypot === "cowrie" && g.files.some((f) => /\.gz$/.test(f)) && g.files.some((f) => /\d{4}-\d\d-\d\d$/.test(f))));
  // Every other honeypot has T-Pot's generations too, from one logrotate per restart.
  // (notifempty: a generation exists only if lines were written; Heralding writes its header at every clean start.)
  for (const [hp, least] of [["heralding/log/auth.csv", 28], ["p0f/log/p0f.json", 28], ["fatt/log/fatt.log", 28], ["tanner/log/tanner_report.json", 10], ["conpot/log/conpot_guardian_ast.json", 5], ["ddospot/log/dnspot.log", 3]] as const) {
    const [sub, base] = [hp.slice(0, hp.lastIndexOf("/")), hp.slice(hp.lastIndexOf("/") + 1)];
    const gens = (await ls(sub)).filter((n) => n.startsWith(`${base}.`) && n.endsWith(".gz")).map((n) => Number(n.split(".").at(-2))).sort((a, b) => a - b);
    assert.ok(gens.length >= least, `${hp}: ${gens.length} generations`);
    assert.equal(gens, Array.from({ length: gens.length }, (_, i) => i + 1), `${hp}: numbered without gaps`);
  }
  // The bontchev pots rename at UTC midnight like Cowrie.
  for (const base of ["elasticpot/log/elasticpot.json", "ipphoney/log/ipphoney.json"]) {
    const sub = base.slice(0, base.lastIndexOf("/"));
    assert.ok((await ls(sub)).includes(`${base.split("/").pop()}.2019-06-24`), `${base}.2019-06-24`);
  }
  // CitrixHoneypot's server.log is never rotated (logrotate.template's typo).
  assert.equal(await ls("citrixhoneypot/log"), ["server.log"]);
  // Size rotation: Wordpot's RotatingFileHandler and Dicompot's lumberjack, after the planted floods.
  const wp = await ls("wordpot/log");
  assert.ok(wp.includes("wordpot.log.1") && wp.includes("wordpot.log"), wp.join(" "));
  const wp1 = file("wordpot/log/wordpot.log.1");
  assert.is(wp1.kind, "backup");
  assert.ok(wp1.bytes <= 2 * 1024 * 1024 && wp1.bytes > 2 * 1024 * 1024 - 2000, `wordpot.log.1 is ${wp1.bytes} bytes`);
  const dp = (await ls("dicompot/log")).filter((n) => /^dicompot-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d\.\d{3}\.log$/.test(n));
  assert.is(dp.length, 1, "one lumberjack backup");
  assert.ok(file(`dicompot/log/${dp[0]}`).bytes <= 10 * 1024 * 1024);
  for (const f of manifest.planted.floods) assert.ok(f.start > manifest.weeks[manifest.weeks.length - 1]!.endUtc, "floods are after the last week");
  // Heralding: a CSV header at the start of every fresh file, CRLF line ends.
  const auth = gunzipSync(await readFile(join(dir, "heralding/log/auth.csv.5.gz"))).toString("utf8");
  assert.ok(auth.startsWith("timestamp,auth_id,session_id,source_ip,source_port,destination_ip,destination_port,protocol,username,password,password_hash\r\n"));
  assert.ok(auth.split("\n").slice(0, -1).every((l) => l.endsWith("\r")), "CRLF rows");
  // Every manifest file exists; counts per file add up.
  const all = new Set((await sha256Tree(dir)).keys());
  for (const f of manifest.files) {
    assert.ok(all.has(f.path), f.path);
    assert.ok(f.lines >= f.records + f.notEvents, f.path);
  }
  assert.is(all.size, manifest.files.length + 1);
});

test("should hand port 3389 to Rdpy or RDPHoneypot where they own it, with the same planted counts", async () => {
  const rdpyDir = await tempDir("rdpy");
  const m = await generateSample({ outDir: rdpyDir, scale: 0.02, weeks: ["2019-W26"], rdp: "rdpy" });
  assert.is(m.generator.rdpOwner, "rdpy");
  const w = weekOf(m, "2019-W26");
  assert.is(w.watchedPorts["3389"]!.connections, 334);
  assert.is(w.watchedPorts["3389"]!.topCountry, "CN");
  assert.is(w.honeypots.rdpy!.ports["3389"], 334);
  assert.not.ok(w.honeypots.honeytrap!.ports["3389"]);
  const tree = await readTree(rdpyDir);
  const c = parserCount(tree, m.weeks, rdpyDir);
  assertJunk("rdpy", c, m);
  assertHoneypots("rdpy", c.weeks[0]!, w);
  assert.ok(tree.some((f) => f.file === "rdpy/log/rdpy.log"));

  const rdphDir = await tempDir("rdphoneypot");
  const m2 = await generateSample({ outDir: rdphDir, scale: 0.02, weeks: ["2026-W24"] });
  assert.is(m2.generator.rdpOwner, "rdphoneypot", "RDPHoneypot owns 3389 from June 2026");
  const w2 = m2.weeks[0]!;
  const planned = m2.planted.weeks.find((x) => x.weekId === "2026-W24")!.watched["3389"]!.connections;
  assert.is(w2.watchedPorts["3389"]!.connections, planned);
  assert.is(w2.honeypots.rdphoneypot!.ports["3389"], planned);
  const tree2 = await readTree(rdphDir);
  const c2 = parserCount(tree2, m2.weeks, rdphDir);
  assertJunk("rdphoneypot", c2, m2);
  assertHoneypots("rdphoneypot", c2.weeks[0]!, w2);
  assert.ok((await readdir(join(rdphDir, "rdphoneypot/log"))).some((n) => /^rdphoneypot\.json\.\d{4}-\d\d-\d\d$/.test(n)), "daily files");
});

// ---------------------------------------------------------------------------------------------
// Hostile mode

/** Corpus indexes by the text a reader shows (invalid-UTF-8 payloads repaired). */
const BY_TEXT = new Map<string, number[]>();
HOSTILE_CORPUS.forEach((p, i) => BY_TEXT.set(p.text, [...(BY_TEXT.get(p.text) ?? []), i]));

test("should put every corpus payload into every kind of attacker field (hostile mode, by parsing)", async () => {
  const { manifest, tree } = await hostile;
  const kinds = Object.keys(manifest.hostile!.kinds);
  const found = new Map<string, Set<number>>(kinds.map((k) => [k, new Set()]));
  const byFormat = new Map<string, Set<number>>();
  for (const f of tree) {
    for (const l of f.lines) {
      if (!l.terminated || l.raw[0] === 0) continue;
      const r = readPlain(l.honeypot, l.file, lineText(l), parsePythonDict);
      if (r.kind === "invalid") continue;
      for (const [kind, value] of r.fields) {
        const hits = BY_TEXT.get(value);
        if (!hits) continue;
        assert.ok(found.has(kind), `unknown field kind ${kind}`);
        for (const i of hits) found.get(kind)!.add(i);
        const set = byFormat.get(l.honeypot) ?? new Set();
        for (const i of hits) set.add(i);
        byFormat.set(l.honeypot, set);
      }
    }
  }
  for (const [kind, seen] of found) {
    const missing = HOSTILE_CORPUS.map((p, i) => ({ p, i })).filter(({ p, i }) => !seen.has(i) && !manifest.hostile!.exemptions.some((e) => e.kind === kind && e.family === p.family));
    assert.equal(missing.map(({ p, i }) => `${i} ${p.family}`), [], `${kind}: payloads in no field`);
  }
  // The one exemption: Mailoney writes BIGSIZE instead of data over 4096 characters.
  assert.equal(manifest.hostile!.exemptions.map((e) => `${e.kind}/${e.family}`), ["smtp-data/huge"]);
  // The 1 MiB payload sits in a username and a command.
  const mib = HOSTILE_CORPUS.findIndex((p) => p.text.length === 1024 * 1024);
  assert.ok(found.get("username")!.has(mib) && found.get("command")!.has(mib));
  // Every format with attacker fields holds a good part of the corpus.
  for (const [hp, fields] of Object.entries(manifest.hostile!.fields)) {
    assert.ok((byFormat.get(hp)?.size ?? 0) >= 100, `${hp} holds ${byFormat.get(hp)?.size ?? 0} payloads`);
    for (const field of Object.keys(fields)) assert.ok(manifest.weeks[0]!.hostile!.fields.some((x) => x.honeypot === hp && x.field === field && x.values > 0), `${hp} ${field} in the ledger`);
  }
  // The manifest's ledger agrees: every kind complete but the exemption.
  for (const [kind, k] of Object.entries(manifest.weeks[0]!.hostile!.kinds)) {
    const exempt = manifest.hostile!.exemptions.filter((e) => e.kind === kind).flatMap((e) => HOSTILE_CORPUS.flatMap((p, i) => (p.family === e.family ? [i] : [])));
    assert.equal(k.missing, exempt, `${kind} in the ledger`);
  }
});

test("should keep hostile files valid for their format and the planted facts intact", async () => {
  const { dir, manifest, tree } = await hostile;
  const junkAt = new Map(manifest.junk.entries.map((e) => [`${e.file}:${e.line}`, e]));
  let invalidUtf8 = 0;
  let tooLong = 0;
  for (const f of tree) {
    for (const l of f.lines) {
      const planted = junkAt.get(`${l.file}:${l.lineNo}`);
      if (isTooLong(l)) {
        tooLong++;
        assert.is(planted?.kind, "too-long", `${l.file}:${l.lineNo} is over the reader's limit`);
      }
      if (!isValidUtf8(l.raw)) {
        invalidUtf8++;
        assert.ok(planted, `${l.file}:${l.lineNo} has invalid UTF-8 unlisted`);
      }
      if (planted && planted.kind !== "invalid-utf8" && planted.kind !== "too-long") continue;
      // Valid for the format (after U+FFFD repair): JSON, CSV, Python repr or the format's text.
      const r = readPlain(l.honeypot, l.file, lineText(l), parsePythonDict);
      assert.is.not(r.kind, "invalid", `${l.file}:${l.lineNo} ${r.kind === "invalid" ? r.why : ""}`);
      if (isTooLong(l)) continue;
      const p = l.parser.parse(lineText(l), { sensorTimeZone: "UTC", file: join(dir, l.file) });
      for (const x of Array.isArray(p) ? p : [p]) assert.ok(typeof x !== "string" || x === "not-an-event", `${l.file}:${l.lineNo} parser says ${String(x)}`);
    }
  }
  assert.ok(invalidUtf8 > 100, `${invalidUtf8} lines with raw invalid UTF-8`);
  assert.is(tooLong, manifest.hostile!.tooLongLines, "lines over the reader's limit");
  // CSV files parse whole, RFC 4180, 11 columns a row.
  for (const f of tree.filter((x) => x.file.includes("heralding/log/auth.csv"))) {
    const text = Buffer.concat(f.lines.flatMap((l) => [l.raw, Buffer.from("\n")])).toString("utf8");
    const rows: string[][] = parseCsv(text, { record_delimiter: "\r\n" });
    assert.ok(rows.every((r) => r.length === 11), f.file);
  }
  // Planted facts and counts hold; the manifest still counts what the parsers count.
  const w = manifest.weeks[0]!;
  assert.is(w.watchedPorts["3389"]!.connections, 334);
  assert.is(w.watchedPorts["3389"]!.topCountry, "CN");
  assert.is(w.watchedPorts["7001"]!.connections, 8);
  assert.is(w.busiestHour.start, "2019-06-29T09:00:00+09:00");
  assert.equal(w.busiestHour.topCountries.slice(0, 2).map((x) => x.key).sort(), ["NL", "RU"]);
  const c = parserCount(tree, manifest.weeks, dir);
  assertJunk("hostile", c, manifest);
  assertHoneypots("hostile", c.weeks[0]!, w);
  assert.is(c.weeks[0]!.portIps.get(3389)?.length, 334);
});

test("should write byte-identical hostile trees for the same options", async () => {
  const { dir } = await hostile;
  const again = await tempDir("hostile-again");
  await generateSample({ outDir: again, scale: 0.05, weeks: ["2019-W26"], hostile: true });
  const a = await sha256Tree(dir);
  const b = await sha256Tree(again);
  assert.equal([...b.keys()].sort(), [...a.keys()].sort());
  for (const [file, hash] of a) assert.is(b.get(file), hash, `${file} differs between runs`);
});

test("should refuse to write into a directory that holds something else", async () => {
  const dir = await tempDir("busy");
  await mkdir(join(dir, "cowrie"), { recursive: true });
  await writeFile(join(dir, "notes.txt"), "real data\n");
  try {
    await generateSample({ outDir: dir, scale: 0.01, weeks: ["2019-W26"] });
    assert.unreachable("expected an error");
  } catch (error) {
    assert.match(String(error), /non-empty output directory/);
  }
});

test("should replace a previous sample in the same directory", async () => {
  const dir = await tempDir("replace");
  await generateSample({ outDir: dir, scale: 0.01, weeks: ["2019-W25", "2019-W26"] });
  const m = await generateSample({ outDir: dir, scale: 0.01, weeks: ["2019-W26"] });
  const onDisk = await sha256Tree(dir);
  assert.is(onDisk.size, m.files.length + 1, "only the new sample's files and its ground truth");
});

test.after(async () => {
  await Promise.all([small, medium, hostile]).catch(() => {});
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

test.run();
