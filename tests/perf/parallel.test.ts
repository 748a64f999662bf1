/**
 * Parallel reading gives the reference's summary, byte for byte: on a T-Pot tree with gzip and
 * plain rotations, overlapping files (duplicates), a copy, junk of every kind, a big live file cut
 * into many parts; read in this thread, by 2 and by 3 workers; on the sample generator's tree; and
 * on the real logs in ../shared/realdata when present. Parts are made tiny here (HONEYWEEK_PART_BYTES) so that every
 * file boundary, line offset and duplicate rule is crossed many times.
 */
import { MAX_LINE_BYTES } from "../../scripts/read/lines.ts";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, mkdtempSync, mkdirSync, symlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { aggregateWeek } from "../../scripts/aggregate/run.ts";
import { weekWindow } from "../../scripts/util/week.ts";
import { DEFAULT_SETTINGS } from "../../scripts/util/settings.ts";
import type { SiteSettings } from "../../scripts/model/settings.ts";
import { openCountryLookup } from "../../scripts/enrich/geo.ts";

const realdata = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "realdata");
const geo = await openCountryLookup(null);

type Mode = "reference" | "in-process" | "2 workers" | "3 workers";

async function summaryJson(root: string, week: string, settings: SiteSettings, mode: Mode): Promise<string> {
  const saved = { ...process.env };
  try {
    delete process.env.HONEYWEEK_READER;
    if (mode === "reference") process.env.HONEYWEEK_READER = "reference";
    process.env.HONEYWEEK_THREADS = mode === "in-process" ? "1" : mode === "2 workers" ? "2" : mode === "3 workers" ? "3" : "1";
    process.env.HONEYWEEK_MIN_WORKER_BYTES = "1";
    process.env.HONEYWEEK_PART_BYTES = "16384";
    process.env.HONEYWEEK_OPTIMISTIC_MIN_BYTES = "1";
    const r = await aggregateWeek({ logs: { root }, window: weekWindow(week, settings.timeZone), settings, geo });
    return JSON.stringify(r.summary, null, 1);
  } finally {
    for (const k of ["HONEYWEEK_READER", "HONEYWEEK_THREADS", "HONEYWEEK_MIN_WORKER_BYTES", "HONEYWEEK_PART_BYTES", "HONEYWEEK_OPTIMISTIC_MIN_BYTES"]) {
      if (saved[k] === undefined) delete process.env[k];
      else process.env[k] = saved[k];
    }
  }
}

async function assertAllEqual(root: string, week: string, settings: SiteSettings, modes: Mode[] = ["in-process", "2 workers", "3 workers"]): Promise<Record<string, unknown>> {
  const ref = await summaryJson(root, week, settings, "reference");
  for (const mode of modes) {
    const got = await summaryJson(root, week, settings, mode);
    if (got !== ref) {
      const a = ref.split("\n");
      const b = got.split("\n");
      const i = a.findIndex((l, k) => l !== b[k]);
      assert.unreachable(`${mode} differs from the reference at line ${i}:\n${a.slice(Math.max(0, i - 3), i + 3).join("\n")}\n---\n${b.slice(Math.max(0, i - 3), i + 3).join("\n")}`);
    }
  }
  return JSON.parse(ref);
}

// A deterministic T-Pot tree for 2019-W26 (Asia/Tokyo: 2019-06-23T15:00Z .. 2019-06-30T15:00Z).
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function cowrieLines(rnd: () => number, fromMs: number, toMs: number, n: number): string[] {
  const out: string[] = [];
  const ids = ["cowrie.session.connect", "cowrie.login.failed", "cowrie.login.success", "cowrie.command.input", "cowrie.client.version", "cowrie.client.kex", "cowrie.session.file_download", "cowrie.direct-tcpip.request", "cowrie.session.closed"];
  const ips = ["1.80.1.2", "36.64.0.9", "203.0.113.7", "45.9.1.1", "192.168.1.5", "10.0.0.9", "2001:db8::5", "::ffff:91.2.3.4"];
  for (let i = 0; i < n; i++) {
    const ts = fromMs + Math.floor(((toMs - fromMs) * i) / n) + Math.floor(rnd() * 1000);
    const eventid = ids[Math.floor(rnd() * ids.length)]!;
    const rec: Record<string, unknown> = {
      eventid,
      src_ip: ips[Math.floor(rnd() * ips.length)],
      session: `s${Math.floor(rnd() * 50)}`,
      timestamp: new Date(ts).toISOString().replace("Z", "123Z"),
      sensor: "t",
    };
    if (eventid === "cowrie.session.connect") Object.assign(rec, { src_port: Math.floor(rnd() * 65536), dst_port: rnd() < 0.7 ? 22 : 23, protocol: "ssh" });
    if (eventid.startsWith("cowrie.login")) Object.assign(rec, { username: ["root", "admin", "", "jos\u00e9", 'a"b'][Math.floor(rnd() * 5)], password: ["123456", "x\\y", "\u00fc", "1"][Math.floor(rnd() * 4)] });
    if (eventid === "cowrie.command.input") rec.input = ["uname -a", 'echo "eventid":"cowrie.login.success"', "cat /proc/cpuinfo", "\u0000ls"][Math.floor(rnd() * 4)];
    if (eventid === "cowrie.client.version") rec.version = ["SSH-2.0-Go", "'SSH-2.0-PUTTY'"][Math.floor(rnd() * 2)];
    if (eventid === "cowrie.client.kex") Object.assign(rec, { hassh: "ec7378c1a92f5a8dde7e8b7a1ddf33d1", kexAlgs: ["a", "b"] });
    if (eventid === "cowrie.session.file_download") Object.assign(rec, { url: `http://198.51.100.9/${i % 7}.sh`, shasum: `sha${i % 5}` });
    if (eventid === "cowrie.direct-tcpip.request") Object.assign(rec, { dst_ip: "mail.example", dst_port: 25 });
    // Cowrie 1.5.3's spacing on some lines
    out.push(i % 11 === 0 ? JSON.stringify(rec).replace(/","/g, '", "') : JSON.stringify(rec));
  }
  return out;
}

function tree(): string {
  const root = mkdtempSync(join(tmpdir(), "hw-perf-"));
  const cow = join(root, "cowrie", "log");
  const dio = join(root, "dionaea", "log");
  const ht = join(root, "honeytrap", "log");
  for (const d of [cow, dio, ht]) mkdirSync(d, { recursive: true });
  const rnd = rng(7);
  const H = 3600_000;
  const w0 = Date.parse("2019-06-23T15:00:00Z");
  const g3 = cowrieLines(rnd, w0 - 30 * H, w0 + 5 * H, 400); // before and into the week
  const g2 = cowrieLines(rnd, w0 + 5 * H, w0 + 40 * H, 900);
  const g1 = cowrieLines(rnd, w0 + 40 * H, w0 + 80 * H, 900);
  const live = cowrieLines(rnd, w0 + 80 * H, w0 + 172 * H, 3000); // runs past the week's end
  const junk = [
    "this is not json",
    "",
    "   ",
    '{"eventid":"cowrie.login.failed","timestamp":"2019-06-25T10:00:01Z","username":"tab\there"}',
    '{"eventid":"cowrie.login.failed","username":"x"}',
    "\u0000\u0001binary\u0002",
  ];
  // .2.gz with junk; .1.gz repeats the last 50 lines of .2.gz (logrotate copied without truncating)
  writeFileSync(join(cow, "cowrie.json.3.gz"), gzipSync(g3.join("\n") + "\n"));
  writeFileSync(join(cow, "cowrie.json.2.gz"), gzipSync([...g2.slice(0, 300), ...junk, ...g2.slice(300)].join("\n") + "\n"));
  writeFileSync(join(cow, "cowrie.json.1.gz"), gzipSync([...g2.slice(-50), ...g1].join("\r\n") + "\r\n"));
  // Cowrie's own dated file holds part of the same day again (two rotation schemes)
  writeFileSync(join(cow, "cowrie.json.2019-06-24"), g2.slice(100, 400).join("\n") + "\n");
  // A truncated gzip (cut mid-stream)
  const trunc = gzipSync(cowrieLines(rnd, w0 + 20 * H, w0 + 22 * H, 300).join("\n") + "\n");
  writeFileSync(join(cow, "cowrie.json.4.gz"), trunc.subarray(0, Math.floor(trunc.length * 0.6)));
  // The live file: CRLF lines, raw UTF-8 and invalid bytes, a too-long line, a cut-off last line
  const liveBuf = Buffer.concat([
    Buffer.from(live.slice(0, 1000).join("\n") + "\n"),
    Buffer.from('{"eventid":"cowrie.login.failed","username":"caf\u00e9","timestamp":"2019-06-27T10:00:01Z","src_ip":"8.8.4.4"}\r\n'),
    Buffer.concat([Buffer.from('{"eventid":"cowrie.login.failed","username":"'), Buffer.from([0xff, 0xc3]), Buffer.from('","timestamp":"2019-06-27T10:00:02Z","src_ip":"8.8.4.4"}\n')]),
    Buffer.from('{"eventid":"cowrie.command.input","input":"' + "A".repeat(MAX_LINE_BYTES + 1024) + '","timestamp":"2019-06-27T10:00:03Z"}\n'),
    Buffer.from(live.slice(1000).join("\n") + "\n"),
    Buffer.from('{"eventid":"cowrie.session.closed","timestamp":"2019-06-29T12:0'),
  ]);
  writeFileSync(join(cow, "cowrie.json"), liveBuf);
  // A saved copy of the live file's first part
  writeFileSync(join(cow, "cowrie.json.AT-2019-06-28T00-00Z"), live.slice(0, 700).join("\n") + "\n");
  // Dionaea and Honeytrap through their reference parsers
  const dl: string[] = [];
  for (let i = 0; i < 400; i++) {
    const ts = new Date(w0 + i * 1500_000).toISOString().slice(0, 19);
    dl.push(JSON.stringify({ timestamp: ts + ".123456", src_ip: `::ffff:45.1.${i % 9}.2`, src_port: 4000 + i, dst_ip: "10.0.0.5", dst_port: [445, 1433, 3306][i % 3], connection: { type: "accept", protocol: "smbd", transport: "tcp" } }));
  }
  writeFileSync(join(dio, "dionaea.json"), dl.join("\n") + "\n");
  writeFileSync(join(dio, "dionaea.json.1.gz"), Buffer.alloc(0));
  const hl: string[] = [];
  for (let i = 0; i < 300; i++) {
    hl.push(JSON.stringify({ "@timestamp": new Date(w0 + i * 1900_000).toISOString(), attack_connection: { protocol: "tcp", remote_ip: `36.64.${i % 13}.9`, remote_port: 5000 + i, local_ip: "10.0.0.5", local_port: [7001, 8080, 5900][i % 3], payload: { length: 0 } } }));
  }
  hl.push(JSON.stringify({ "@timestamp": "1970-01-01T00:00:00Z", attack_connection: { protocol: "tcp", remote_ip: "0.0.0.0", remote_port: 0, local_ip: "10.0.0.5", local_port: 0, payload: { length: 0 } } }));
  writeFileSync(join(ht, "attackers.json"), hl.join("\n") + "\n");
  writeFileSync(join(ht, "attackers.json.1.gz"), hl.slice(0, 20).join("\n") + "\n"); // named .gz, plain text
  return root;
}

test("a T-Pot tree with gzip, overlaps, copies and junk: reference = in process = 2 workers = 3 workers", async () => {
  const root = tree();
  const settings: SiteSettings = { ...DEFAULT_SETTINGS, sensorAddresses: ["203.0.113.7"] };
  const s = (await assertAllEqual(root, "2019-W26", settings)) as {
    quality: { duplicates: number; skipped: Record<string, number>; notes: Record<string, number>; excludedSources: number; samples: unknown[] };
    totals: { events: number };
  };
  // Not vacuous: every kind of bookkeeping the parts have to agree on is there.
  assert.ok(s.totals.events > 3000, `events ${s.totals.events}`);
  assert.ok(s.quality.duplicates > 300, `duplicates ${s.quality.duplicates}`);
  assert.ok(s.quality.excludedSources > 0);
  for (const k of ["not-json", "cut-off", "too-long", "no-timestamp", "impossible-record"]) assert.ok(s.quality.skipped[k]! > 0, `skipped ${k}: ${JSON.stringify(s.quality.skipped)}`);
  for (const k of ["truncated-gzip", "invalid-utf8", "not-gzip", "empty-file"]) assert.ok(s.quality.notes[k]! > 0, `note ${k}: ${JSON.stringify(s.quality.notes)}`);
  assert.ok(s.quality.samples.length > 5);
});

test("the sample generator's T-Pot tree (both Cowrie rotation schemes, every format): reference = 2 workers", async () => {
  const { generateSample } = await import("../../scripts/sample/generate.ts");
  const root = mkdtempSync(join(tmpdir(), "hw-perf-sample-"));
  let made = false;
  for (const scale of [0.2, 0.5, 1]) {
    try {
      await generateSample({ outDir: root, scale, weeks: ["2019-W26"] });
      made = true;
      break;
    } catch {
      // the generator cannot plant its events at some scales; try a bigger one
    }
  }
  assert.ok(made, "sample generated");
  const s = (await assertAllEqual(root, "2019-W26", DEFAULT_SETTINGS, ["2 workers"])) as { totals: { events: number }; quality: { duplicates: number } };
  assert.ok(s.totals.events > 10000, `events ${s.totals.events}`);
});

test("real logs (../shared/realdata): T-Pot 2022 (its Cowrie, Dionaea, Honeytrap, Adbhoney, Conpot) and Cowrie 2017", async () => {
  const tpot = join(realdata, "tpot-2022", "data");
  if (!existsSync(tpot)) {
    console.log("  (../shared/realdata not found: skipped)");
    return;
  }
  // The busiest honeypots of that tree are left out to keep this test short (the bench checks the
  // whole tree); these five hold both rotation schemes, copies, gzip and cut-off lines.
  const root = mkdtempSync(join(tmpdir(), "hw-perf-real-"));
  for (const hp of ["cowrie", "dionaea", "honeytrap", "adbhoney", "conpot"]) symlinkSync(join(tpot, hp), join(root, hp));
  const utc: SiteSettings = { ...DEFAULT_SETTINGS, timeZone: "UTC" };
  const t = (await assertAllEqual(root, "2022-W22", utc, ["2 workers"])) as { totals: { events: number }; quality: { duplicates: number } };
  assert.ok(t.totals.events > 10000, `events ${t.totals.events}`);
  const c = (await assertAllEqual(join(realdata, "cowrie-2017"), "2017-W44", utc)) as { totals: { events: number } };
  assert.ok(c.totals.events > 1000, `events ${c.totals.events}`);
});

test.run();
