/**
 * The sample generator: determinism, a manifest that matches an independent recount of the files,
 * the seed post's planted facts, and T-Pot's rotation layout.
 *
 * The recount here is deliberately plain (JSON.parse every line, dedupe exact lines, filter by
 * timestamp) and shares no code with the generator, so it checks the manifest rather than repeats it.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { createHash } from "node:crypto";
import { mkdtemp, mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import maxmind from "maxmind";
import { generateSample } from "../../scripts/sample/generate.ts";
import type { SampleManifest } from "../../scripts/sample/generate.ts";
import { bundledCountryDbPath } from "../../scripts/sample/addresses.ts";

const HONEYPOT_DIRS = { cowrie: "cowrie/log", dionaea: "dionaea/log", honeytrap: "honeytrap/log", suricata: "suricata/log" } as const;
type Honeypot = keyof typeof HONEYPOT_DIRS;
const SENSOR = new Set(["10.0.0.5", "198.51.100.2"]);

const temps: string[] = [];
async function tempDir(label: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), `honeyweek-sample-${label}-`));
  temps.push(dir);
  return dir;
}

// Generated once and shared by the tests that only read.
const small = (async () => {
  const dir = await tempDir("small");
  return { dir, manifest: await generateSample({ outDir: dir, scale: 0.05 }) };
})();
const medium = (async () => {
  const dir = await tempDir("medium");
  return { dir, manifest: await generateSample({ outDir: dir, scale: 0.2 }) };
})();

// ---------------------------------------------------------------------------------------------
// An independent reader of the tree

interface Line {
  file: string;
  honeypot: Honeypot;
  raw: Buffer;
  terminated: boolean;
}

async function* treeLines(dir: string): AsyncGenerator<Line> {
  for (const [honeypot, sub] of Object.entries(HONEYPOT_DIRS) as Array<[Honeypot, string]>) {
    for (const name of (await readdir(join(dir, sub))).sort()) {
      const bytes = await readFile(join(dir, sub, name));
      const text = name.endsWith(".gz") ? gunzipSync(bytes) : bytes;
      let start = 0;
      while (start < text.length) {
        const nl = text.indexOf(0x0a, start);
        const end = nl < 0 ? text.length : nl;
        yield { file: `${sub}/${name}`, honeypot, raw: text.subarray(start, end), terminated: nl >= 0 };
        start = end + 1;
      }
    }
  }
}

const utf8 = new TextDecoder("utf-8", { fatal: true });

/** The event time of a parsed line, ms UTC, or null for records that cannot be true. */
function eventTime(honeypot: Honeypot, e: Record<string, any>): number | null {
  switch (honeypot) {
    case "cowrie":
      return Date.parse(e.timestamp);
    case "dionaea":
      return Date.parse(`${e.timestamp}Z`);
    case "honeytrap":
      return e["@timestamp"].startsWith("1970-") ? null : Date.parse(e["@timestamp"]);
    case "suricata":
      return Date.parse(String(e.timestamp).replace(/\+0000$/, "+00:00"));
  }
}

interface Recount {
  events: Record<Honeypot, number>;
  sources: Record<Honeypot, Set<string>>;
  ports: Record<Honeypot, Map<number, number>>;
  cowrieTypes: Map<string, number>;
  alerts: number;
  cveAlertsOn7001: Map<string, number>;
  hourly: Map<number, { events: number; ips: string[] }>;
  /** Honeytrap events by destination port and source address (to geolocate afterwards). */
  honeytrapByPort: Map<number, string[]>;
  honeytrapTimes: number[];
  junk: Map<string, number>;
  duplicates: number;
}

/** Counts one week the plain way: parse, drop junk and exact duplicates, filter by time. */
async function recount(dir: string, week: { startUtc: string; endUtc: string }): Promise<Recount> {
  const from = Date.parse(week.startUtc);
  const to = Date.parse(week.endUtc);
  const r: Recount = {
    events: { cowrie: 0, dionaea: 0, honeytrap: 0, suricata: 0 },
    sources: { cowrie: new Set(), dionaea: new Set(), honeytrap: new Set(), suricata: new Set() },
    ports: { cowrie: new Map(), dionaea: new Map(), honeytrap: new Map(), suricata: new Map() },
    cowrieTypes: new Map(),
    alerts: 0,
    cveAlertsOn7001: new Map(),
    hourly: new Map(),
    honeytrapByPort: new Map(),
    honeytrapTimes: [],
    junk: new Map(),
    duplicates: 0,
  };
  const bump = <K>(m: Map<K, number>, k: K): void => void m.set(k, (m.get(k) ?? 0) + 1);
  const seen = new Set<string>();
  for await (const line of treeLines(dir)) {
    if (!line.terminated) {
      bump(r.junk, "cut-off");
      continue;
    }
    if (line.raw.includes(0)) {
      bump(r.junk, "binary");
      continue;
    }
    let text: string;
    try {
      text = utf8.decode(line.raw);
    } catch {
      // A damaged record: repaired and still counted, as the pipeline's reader does.
      bump(r.junk, "invalid-utf8");
      text = line.raw.toString("utf8");
    }
    let e: Record<string, any>;
    try {
      e = JSON.parse(text);
    } catch {
      bump(r.junk, "not-json");
      continue;
    }
    const t = eventTime(line.honeypot, e);
    if (t === null) {
      bump(r.junk, "impossible-record");
      continue;
    }
    const key = `${line.honeypot}\u0000${text}`;
    if (seen.has(key)) {
      r.duplicates++;
      continue;
    }
    seen.add(key);
    if (t < from || t >= to) continue;

    const hp = line.honeypot;
    let src: string;
    let port: number | undefined;
    if (hp === "honeytrap") {
      src = e.attack_connection.remote_ip;
      port = e.attack_connection.local_port;
      r.honeytrapTimes.push(t);
      const list = r.honeytrapByPort.get(port!) ?? [];
      list.push(src);
      r.honeytrapByPort.set(port!, list);
    } else if (hp === "dionaea") {
      src = String(e.src_ip).replace(/^::ffff:/, "");
      port = e.dst_port;
    } else if (hp === "cowrie") {
      src = e.src_ip;
      bump(r.cowrieTypes, e.eventid);
      if (e.eventid === "cowrie.session.connect") port = e.dst_port;
    } else {
      src = e.src_ip;
      if (e.event_type === "alert") {
        r.alerts++;
        if (e.dest_port === 7001) for (const c of e.alert.metadata?.cve ?? []) bump(r.cveAlertsOn7001, String(c).replaceAll("_", "-"));
      }
    }
    r.events[hp]++;
    r.sources[hp].add(src);
    if (port !== undefined) bump(r.ports[hp], port);
    if (hp !== "suricata") {
      const hour = Math.floor((t - from) / 3_600_000);
      const h = r.hourly.get(hour) ?? { events: 0, ips: [] };
      h.events++;
      h.ips.push(src);
      r.hourly.set(hour, h);
    }
  }
  return r;
}

const asRecord = (m: Map<number, number>): Record<string, number> => Object.fromEntries([...m].sort((a, b) => a[0] - b[0]).map(([k, v]) => [String(k), v]));
const weekOf = (m: SampleManifest, id: string) => {
  const w = m.weeks.find((x) => x.id === id);
  assert.ok(w, `week ${id} in the manifest`);
  return w!;
};

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

// ---------------------------------------------------------------------------------------------

test("should write byte-identical trees for the same seed and scale", async () => {
  const { dir } = await small;
  const again = await tempDir("again");
  await generateSample({ outDir: again, scale: 0.05 });
  const a = await sha256Tree(dir);
  const b = await sha256Tree(again);
  assert.ok(a.size > 100, `expected a full tree, got ${a.size} files`);
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

test("should hold exactly what the manifest says for the seed week (independent recount)", async () => {
  const { dir, manifest } = await small;
  const w = weekOf(manifest, "2019-W26");
  const r = await recount(dir, w);
  for (const hp of ["cowrie", "dionaea", "honeytrap"] as const) {
    const truth = w.honeypots[hp]!;
    assert.is(r.events[hp], truth.events, `${hp} events`);
    assert.is(r.sources[hp].size, truth.uniqueSources, `${hp} unique sources`);
    assert.equal(asRecord(r.ports[hp]), truth.ports, `${hp} ports`);
    assert.is([...r.ports[hp].values()].reduce((a, b) => a + b, 0), truth.connections, `${hp} connections`);
  }
  assert.is(r.events.cowrie + r.events.dionaea + r.events.honeytrap, w.totals.events);
  const types = r.cowrieTypes;
  assert.is(types.get("cowrie.session.connect") ?? 0, w.cowrie.sessions);
  assert.is((types.get("cowrie.login.failed") ?? 0) + (types.get("cowrie.login.success") ?? 0), w.cowrie.loginAttempts);
  assert.is(types.get("cowrie.command.input") ?? 0, w.cowrie.commands);
  assert.is(types.get("cowrie.direct-tcpip.request") ?? 0, w.cowrie.tunnelRequests);
  assert.ok(w.cowrie.tunnelRequests > 0, "some direct-tcpip tunnels");
  // Tunnel targets are not attacked ports.
  assert.not.ok(r.ports.cowrie.has(443) || r.ports.cowrie.has(25));
  assert.is(r.events.suricata, w.suricata.events);
  assert.is(r.alerts, w.suricata.alerts);
  // Busiest hour and hourly series.
  const hourly = Array.from({ length: 168 }, (_, i) => r.hourly.get(i)?.events ?? 0);
  assert.equal(hourly, w.hourly);
  // Duplicates and junk over the whole tree.
  assert.is(r.duplicates, manifest.duplicates.records);
  assert.ok(manifest.duplicates.records > 0, "unclean restarts planted duplicates");
  assert.equal(Object.fromEntries([...r.junk].sort()), Object.fromEntries(Object.entries(manifest.junk.byKind).sort()));
});

test("should plant the seed post's facts at scale 0.2", async () => {
  const { dir, manifest } = await medium;
  const geo = await maxmind.open(bundledCountryDbPath());
  // DB-IP Lite records are {country_code: "CN"}, not MaxMind's nested shape.
  const country = (ip: string): string => (geo.get(ip) as { country_code?: string } | null)?.country_code ?? "??";
  const topCountry = (ips: string[]): [string, number][] => {
    const counts = new Map<string, number>();
    for (const ip of ips) counts.set(country(ip), (counts.get(country(ip)) ?? 0) + 1);
    return [...counts].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  };

  const expected3389: Record<string, [number, string]> = { "2019-W24": [431, "ID"], "2019-W25": [409, "ID"], "2019-W26": [334, "CN"] };
  const recounts = new Map<string, Recount>();
  for (const [id, [count, top]] of Object.entries(expected3389)) {
    const w = weekOf(manifest, id);
    const r = await recount(dir, w);
    recounts.set(id, r);
    const rdp = r.honeytrapByPort.get(3389) ?? [];
    assert.is(rdp.length, count, `${id} 3389 connections in the files`);
    assert.is(w.watchedPorts["3389"]!.connections, count, `${id} 3389 in the manifest`);
    const ranking = topCountry(rdp);
    assert.is(ranking[0]![0], top, `${id} top country on 3389`);
    assert.ok(ranking[0]![1] > ranking[1]![1], `${id} top country on 3389 is unambiguous`);
    assert.is(w.watchedPorts["3389"]!.topCountry, top);
  }
  assert.is((431 + 409) / 2, 420);

  const w26 = weekOf(manifest, "2019-W26");
  const r26 = recounts.get("2019-W26")!;
  assert.is(r26.honeytrapByPort.get(7001)?.length, 8, "7001 connections in W26");
  assert.is(w26.watchedPorts["7001"]!.connections, 8);
  for (const id of ["2019-W23", "2019-W24", "2019-W25"]) {
    const n = weekOf(manifest, id).watchedPorts["7001"]!.connections;
    assert.ok(n > 0 && n < 8, `${id}: a handful of 7001 connections (${n})`);
  }
  assert.ok((r26.cveAlertsOn7001.get("CVE-2019-2725") ?? 0) > 0, "Suricata alerts on 7001 with CVE-2019-2725");
  assert.is(w26.suricata.cveAlertsByDestPort["7001"]?.["CVE-2019-2725"], r26.cveAlertsOn7001.get("CVE-2019-2725"));

  // Honeytrap down 6/24 00:00 to 6/25 06:00 JST.
  const outage = manifest.timeline.outages.find((o) => o.honeypot === "honeytrap");
  assert.ok(outage);
  assert.is(outage!.start, "2019-06-24T00:00:00+09:00");
  assert.is(outage!.end, "2019-06-25T06:00:00+09:00");
  assert.is(outage!.hours, 30);
  const [from, to] = [Date.parse(outage!.start), Date.parse(outage!.end)];
  assert.is(r26.honeytrapTimes.filter((t) => t >= from && t < to).length, 0, "no honeytrap events during the outage");
  assert.ok(r26.honeytrapTimes.some((t) => t >= to && t < to + 3_600_000 * 3), "honeytrap back after the outage");

  // The busiest hour: 6/29 09:00 JST, from NL and RU.
  assert.is(w26.busiestHour.start, "2019-06-29T09:00:00+09:00");
  const peakHour = (Date.parse(w26.busiestHour.start) - Date.parse(w26.start)) / 3_600_000;
  const peak = r26.hourly.get(peakHour)!;
  assert.is(peak.events, w26.busiestHour.events);
  for (const [hour, h] of r26.hourly) if (hour !== peakHour) assert.ok(h.events < peak.events / 2, `hour ${hour} is far below the peak`);
  const peakCountries = topCountry(peak.ips).slice(0, 2).map(([cc]) => cc).sort();
  assert.equal(peakCountries, ["NL", "RU"]);
  assert.equal(w26.busiestHour.topCountries.slice(0, 2).map((c) => c.key).sort(), ["NL", "RU"]);

  // Countries in the manifest are what GeoIP gives (sample a week's ranking).
  const all = [...r26.honeytrapByPort.values()].flat();
  const byGeo = topCountry(all);
  assert.ok(byGeo.every(([cc]) => cc !== "??"), "every honeytrap source has a country");
  // Attackers are never private or the sensor.
  assert.ok(all.every((ip) => !SENSOR.has(ip) && !/^(10|127|192\.168|172\.(1[6-9]|2\d|3[01]))\./.test(ip)));
});

test("should lay out files as T-Pot rotation leaves them", async () => {
  const { dir, manifest } = await small;
  const names = await readdir(join(dir, "cowrie/log"));
  const rotated = names.filter((n) => /^cowrie\.json\.\d+\.gz$/.test(n)).map((n) => Number(n.split(".")[2])).sort((a, b) => a - b);
  assert.equal(rotated, Array.from({ length: rotated.length }, (_, i) => i + 1), "generations .1.gz .. .N.gz without gaps");
  assert.ok(rotated.length >= 28);
  assert.ok(names.includes("cowrie.json"), "live file");
  assert.ok(names.includes("cowrie.json.2019-06-24"), "Cowrie's own dated file");
  // Restarts are not at midnight and .1.gz is the newest.
  for (const r of manifest.timeline.restarts) assert.ok(!r.at.endsWith("T00:00:00Z") && Number(r.at.slice(11, 13)) < 5, `restart ${r.at}`);
  const file = (path: string) => manifest.files.find((f) => f.path === path)!;
  assert.ok(file("cowrie/log/cowrie.json.1.gz").writtenTo > file("cowrie/log/cowrie.json.2.gz").writtenTo);
  // gzip header: no mtime, no name, OS = Unix.
  const gz = await readFile(join(dir, "dionaea/log/dionaea.json.1.gz"));
  assert.equal([...gz.subarray(0, 10)], [0x1f, 0x8b, 8, 0, 0, 0, 0, 0, 0, 3]);
  // The live Cowrie file ends in a cut-off record.
  const live = await readFile(join(dir, "cowrie/log/cowrie.json"));
  assert.is.not(live[live.length - 1], 0x0a);
  // Dionaea lines are written at connection end: some line is older than the line before it.
  const lines = gunzipSync(await readFile(join(dir, "dionaea/log/dionaea.json.3.gz"))).toString("utf8").trim().split("\n");
  const times = lines.flatMap((l) => {
    try {
      return [JSON.parse(l).timestamp as string];
    } catch {
      return [];
    }
  });
  assert.ok(times.some((t, i) => i > 0 && t < times[i - 1]!), "Dionaea lines are not in timestamp order");
  // An unclean restart copies without truncating: the same lines in a .N.gz and a dated file.
  assert.ok(manifest.duplicates.groups.some((g) => g.honeypot === "cowrie" && g.files.some((f) => /\.gz$/.test(f)) && g.files.some((f) => /\d{4}-\d\d-\d\d$/.test(f))));
  // Every manifest file exists and the counts per file add up.
  for (const f of manifest.files) assert.ok(names.includes(f.path.split("/").pop()!) || !f.path.startsWith("cowrie/"));
  assert.ok(manifest.files.every((f) => f.lines >= f.records));
});

test("should keep every line valid JSON with the hostile hook on (only planted junk fails)", async () => {
  const dir = await tempDir("hostile");
  const m = await generateSample({ outDir: dir, scale: 0.05, weeks: ["2019-W26"], hostile: true });
  assert.is(m.generator.hostile, true);
  let failures = 0;
  let hostileSeen = 0;
  for await (const line of treeLines(dir)) {
    const text = line.raw.toString("utf8");
    if (text.includes("<script>") || text.includes("\\u202e")) hostileSeen++;
    try {
      JSON.parse(text);
    } catch {
      failures++;
    }
  }
  assert.ok(hostileSeen > 0, "hostile values reach the files");
  // Impossible records and invalid UTF-8 lines still parse; the rest of the junk does not.
  const junk = m.junk.byKind;
  assert.is(failures, (junk["not-json"] ?? 0) + (junk.binary ?? 0) + (junk["cut-off"] ?? 0));
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
  await Promise.all([small, medium]).catch(() => {});
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

test.run();
