/**
 * `npm run bench`: honeyweek's weekly aggregation timed against DuckDB on the same files, in the
 * same call, runs alternating (honeyweek, DuckDB, then DuckDB, honeyweek …) so that a busy machine
 * slows both alike; the ratio reported is the median of the per-pair ratios. Also times a site
 * build of 52 weekly posts. Every timed job runs in its own process (its own peak RSS).
 *
 *   npm run bench -- [--events 2000000] [--sources 50000] [--pairs 3] [--threads N]
 *                    [--only plain,gzip,tpot,site,reference] [--work bench/.work]
 *
 * Samples (generated once, then reused from bench/.work/, which git ignores):
 * - plain: a standalone Cowrie folder with one big live cowrie.json (synth.ts);
 * - gzip:  the same volume as T-Pot keeps it: cowrie.json.N.gz for six days plus the live file;
 * - tpot:  the sample generator's T-Pot tree (Cowrie, Dionaea, Honeytrap, Suricata; both Cowrie
 *          rotation schemes, so duplicates are checked), scale = events / 100,000;
 * - site:  52 sample weeks aggregated and drafted, then `honeyweek build` timed.
 * `reference` adds one run of the old line-by-line reader (HONEYWEEK_READER=reference).
 */
import { execFile } from "node:child_process";
import { closeSync, existsSync, openSync, rmSync, readdirSync, readFileSync, readSync, statSync, writeFileSync, mkdirSync, createReadStream } from "node:fs";
import { availableParallelism } from "node:os";
import { join, resolve, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";
import { weekWindow } from "../util/week.ts";
import { writeSyntheticCowrie } from "./synth.ts";
import type { Job, JobResult } from "./child.ts";

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, "..", "..");
const WEEK = "2019-W26";
const ZONE = "Asia/Tokyo";

interface Args {
  events: number;
  sources: number;
  pairs: number;
  threads: number;
  only: Set<string>;
  work: string;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { events: 2_000_000, sources: 50_000, pairs: 3, threads: availableParallelism(), only: new Set(["plain", "gzip", "tpot", "site", "reference"]), work: join(ROOT, "bench", ".work") };
  for (let i = 0; i < argv.length; i++) {
    const k = argv[i]!;
    const v = argv[i + 1];
    if (k === "--events") a.events = Number(v);
    else if (k === "--sources") a.sources = Number(v);
    else if (k === "--pairs") a.pairs = Number(v);
    else if (k === "--threads") a.threads = Number(v);
    else if (k === "--only") a.only = new Set(v!.split(","));
    else if (k === "--work") a.work = resolve(v!);
    else throw new Error(`unknown option ${k}`);
    i++;
  }
  return a;
}

/** What a sample holds, measured once and kept beside it. */
interface SampleInfo {
  root: string;
  /** Files of the Cowrie honeypot (what DuckDB reads). */
  cowrieFiles: string[];
  diskBytes: number;
  /** Uncompressed bytes and lines of all files. */
  bytes: number;
  lines: number;
  cowrieBytes: number;
}

function log(s: string): void {
  process.stderr.write(s + "\n");
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    if (e.isDirectory()) out.push(...filesUnder(p));
    else if (e.isFile() && e.name !== "ground-truth.json" && e.name !== "bench.json") out.push(p);
  }
  return out.sort();
}

/** Uncompressed bytes and lines of a file. */
async function measure(path: string): Promise<{ bytes: number; lines: number }> {
  const head = Buffer.alloc(2);
  const fd = openSync(path, "r");
  readSync(fd, head, 0, 2, 0);
  closeSync(fd);
  let s: Readable = createReadStream(path);
  if (head[0] === 0x1f && head[1] === 0x8b) s = s.pipe(createGunzip());
  let bytes = 0;
  let lines = 0;
  try {
    for await (const c of s as AsyncIterable<Buffer>) {
      bytes += c.length;
      for (let i = c.indexOf(10); i >= 0; i = c.indexOf(10, i + 1)) lines++;
    }
  } catch {
    // a truncated gzip: what decoded counts
  }
  return { bytes, lines };
}

async function describe(root: string): Promise<SampleInfo> {
  const infoPath = join(root, "bench.json");
  if (existsSync(infoPath)) return JSON.parse(readFileSync(infoPath, "utf8")) as SampleInfo;
  const files = filesUnder(root);
  const info: SampleInfo = { root, cowrieFiles: [], diskBytes: 0, bytes: 0, lines: 0, cowrieBytes: 0 };
  for (const f of files) {
    const m = await measure(f);
    info.diskBytes += statSync(f).size;
    info.bytes += m.bytes;
    info.lines += m.lines;
    if (/cowrie\.json/.test(f)) {
      info.cowrieFiles.push(f);
      info.cowrieBytes += m.bytes;
    }
  }
  writeFileSync(infoPath, JSON.stringify(info, null, 2) + "\n");
  return info;
}

async function synthSample(a: Args, layout: "plain" | "gzip"): Promise<SampleInfo> {
  const root = join(a.work, `cowrie-${layout}-${a.events}-${a.sources}`);
  if (!existsSync(join(root, "bench.json"))) {
    log(`writing the ${layout} sample (${a.events} events, ${a.sources} sources) to ${root} …`);
    const w = weekWindow(WEEK, ZONE);
    await writeSyntheticCowrie({ dir: root, events: a.events, sources: a.sources, weekStartMs: w.startMs, seed: 1, layout });
  }
  return describe(root);
}

async function tpotSample(a: Args): Promise<SampleInfo> {
  const scale = Math.max(0.01, a.events / 100_000);
  const root = join(a.work, `tpot-mix-scale${scale}`);
  if (!existsSync(join(root, "bench.json"))) {
    log(`writing the T-Pot sample (scale ${scale}) to ${root} …`);
    const { generateSample } = await import("../sample/generate.ts");
    await generateSample({ outDir: root, scale, weeks: [WEEK] });
  }
  return describe(root);
}

/** 52 weeks of small sample logs, aggregated and drafted: the workspace the site build is timed on. */
async function siteSample(a: Args): Promise<string> {
  const dir = join(a.work, "site52-v2");
  const done = join(dir, "bench.json");
  if (existsSync(done)) return dir;
  log(`preparing 52 weekly posts in ${dir} (once) …`);
  const { generateSample } = await import("../sample/generate.ts");
  const { demoSettings } = await import("../cli/commands/demo.ts");
  const { writeDemoExploitSources } = await import("../cli/commands/demoSources.ts");
  const { openWorkspace } = await import("../cli/workspace.ts");
  const { runAggregate } = await import("../cli/commands/aggregate.ts");
  const { runDraft } = await import("../cli/commands/draft.ts");
  const { settingsFile } = await import("../util/settings.ts");
  const { openCountryLookup } = await import("../enrich/geo.ts");
  const { weekIdOf } = await import("../util/week.ts");
  const { DateTime } = await import("luxon");
  // Each week's logs in a folder of their own (one tree of 52 weeks would be peeked through whole
  // for every week), small: what is timed is the build.
  const exploits = await writeDemoExploitSources(join(dir, "exploits"));
  mkdirSync(join(dir, "data"), { recursive: true });
  writeFileSync(settingsFile(join(dir, "data")), JSON.stringify(demoSettings(join(dir, "logs"), exploits), null, 2) + "\n");
  const ws = openWorkspace(dir);
  const geo = await openCountryLookup(ws.settings.geoipCountryDb);
  // The 52 weeks up to 2019-W26, going further back past any week the sample generator cannot
  // make (it fails to place its planted events in some weeks, whatever the seed).
  const weeks: string[] = [];
  for (let t = DateTime.fromISO("2019-06-24T00:00:00", { zone: ZONE }); weeks.length < 52; t = t.minus({ weeks: 1 })) {
    const id = weekIdOf(t);
    if (!existsSync(join(ws.weeksDir, `${id}.json`))) {
      const logs = join(dir, "logs", id);
      let made = false;
      for (let attempt = 0; attempt < 3 && !made; attempt++) {
        try {
          rmSync(logs, { recursive: true, force: true });
          await generateSample({ outDir: logs, scale: 0.1, seed: 20190630 + attempt, weeks: [id] });
          made = true;
        } catch {
          // another seed, then another week
        }
      }
      if (!made) {
        rmSync(logs, { recursive: true, force: true });
        continue;
      }
      await runAggregate(ws, { logs, week: id, geo, quiet: true });
    }
    weeks.unshift(id);
  }
  for (const id of weeks) if (!existsSync(join(ws.reportsDir, `${id}.md`))) await runDraft(ws, { week: id, quiet: true });
  writeFileSync(done, JSON.stringify({ weeks }, null, 2) + "\n");
  return dir;
}

function runJob(job: Job): Promise<JobResult> {
  return new Promise((ok, fail) => {
    execFile(
      process.execPath,
      ["--import", "tsx", join(HERE, "child.ts"), JSON.stringify(job)],
      { cwd: ROOT, maxBuffer: 1 << 20, env: { ...process.env, TZ: "UTC" } },
      (err, stdout, stderr) => {
        if (err) return fail(new Error(`${job.kind} job failed: ${err.message}\n${stderr}`));
        const last = stdout.trim().split("\n").pop()!;
        ok(JSON.parse(last) as JobResult);
      },
    );
  });
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const fmt = (n: number, d = 0) => n.toLocaleString("en-US", { maximumFractionDigits: d, minimumFractionDigits: d });

interface PairResult {
  hw: JobResult[];
  db: JobResult[];
  ratios: number[];
}

async function pairs(a: Args, s: SampleInfo, duckFiles: string[]): Promise<PairResult> {
  const w = weekWindow(WEEK, ZONE);
  const hwJob: Job = { kind: "honeyweek", root: s.root, week: WEEK, timeZone: ZONE, threads: a.threads };
  const dbJob: Job = { kind: "duckdb", spec: { files: duckFiles, startMs: w.startMs, endMs: w.endMs, threads: a.threads } };
  const r: PairResult = { hw: [], db: [], ratios: [] };
  for (let i = 0; i < a.pairs; i++) {
    let h: JobResult;
    let d: JobResult;
    if (i % 2 === 0) {
      h = await runJob(hwJob);
      d = await runJob(dbJob);
    } else {
      d = await runJob(dbJob);
      h = await runJob(hwJob);
    }
    r.hw.push(h);
    r.db.push(d);
    r.ratios.push(h.ms / d.ms);
    const ph = h.phases ? ` (discover ${fmt(h.phases.discover)}, read ${fmt(h.phases.read)}, finalize ${fmt(h.phases.finalize)})` : "";
    log(`  pair ${i + 1}: honeyweek ${fmt(h.ms)} ms${ph}, DuckDB ${fmt(d.ms)} ms`);
  }
  return r;
}

/** Whether both engines counted the same week events in every run (a faster wrong answer is no answer). */
function agreement(name: string, r: PairResult): string {
  const counts = new Set([...r.hw, ...r.db].map((x) => x.events));
  return counts.size === 1 ? `${name}: both engines count ${fmt([...counts][0]!)} week events in every run` : `${name}: ENGINES DISAGREE on week events: ${[...counts].join(" vs ")}`;
}

function row(name: string, engine: string, runs: JobResult[], bytes: number, lines: number): string {
  const ms = median(runs.map((x) => x.ms));
  const rss = Math.max(...runs.map((x) => x.rssMiB));
  const cpu = median(runs.map((x) => x.cpuMs ?? NaN));
  return `| ${name} | ${engine} | ${fmt(ms)} | ${fmt(bytes / 1e6 / (ms / 1000))} | ${fmt(lines / (ms / 1000))} | ${fmt(cpu)} | ${fmt(rss)} | ${runs[0]!.events !== undefined ? fmt(runs[0]!.events) : ""} |`;
}

async function main(): Promise<void> {
  const a = parseArgs(process.argv.slice(2));
  mkdirSync(a.work, { recursive: true });
  const out: string[] = [];
  out.push(`honeyweek bench: ${WEEK} (${ZONE}), ${a.threads} threads, ${a.pairs} alternating pairs; median wall time of the aggregation (process start excluded)`);
  out.push("");
  out.push("| sample | engine | wall ms | MB/s | lines/s | CPU ms (all threads, incl. set-up) | peak RSS MiB | week events |");
  out.push("|---|---|---:|---:|---:|---:|---:|---:|");
  const notes: string[] = [];
  let plainMs: number | undefined;
  let plainRatio: number | undefined;

  if (a.only.has("plain") || a.only.has("reference")) {
    const s = await synthSample(a, "plain");
    log(`plain: ${fmt(s.bytes / 1e6)} MB, ${fmt(s.lines)} lines`);
    if (a.only.has("plain")) {
      const r = await pairs(a, s, s.cowrieFiles);
      out.push(row("plain Cowrie", "honeyweek", r.hw, s.bytes, s.lines));
      out.push(row("plain Cowrie", "DuckDB", r.db, s.bytes, s.lines));
      plainMs = median(r.hw.map((x) => x.ms));
      plainRatio = median(r.ratios);
      notes.push(`plain Cowrie: honeyweek/DuckDB wall time ${plainRatio.toFixed(2)} (median of pairs ${r.ratios.map((x) => x.toFixed(2)).join(", ")}); target ≤ 1.0`);
      notes.push(agreement("plain Cowrie", r));
    }
    if (a.only.has("reference")) {
      const ref = await runJob({ kind: "honeyweek", root: s.root, week: WEEK, timeZone: ZONE, reader: "reference", threads: 1 });
      out.push(row("plain Cowrie", "honeyweek reference reader (1 thread, JSON.parse)", [ref], s.bytes, s.lines));
    }
  }
  if (a.only.has("gzip")) {
    const s = await synthSample(a, "gzip");
    log(`gzip: ${fmt(s.diskBytes / 1e6)} MB on disk, ${fmt(s.bytes / 1e6)} MB of lines`);
    const r = await pairs(a, s, s.cowrieFiles);
    out.push(row(`gzip-rotated Cowrie (${fmt(s.diskBytes / 1e6)} MB on disk)`, "honeyweek", r.hw, s.bytes, s.lines));
    out.push(row(`gzip-rotated Cowrie (${fmt(s.diskBytes / 1e6)} MB on disk)`, "DuckDB", r.db, s.bytes, s.lines));
    const gzMs = median(r.hw.map((x) => x.ms));
    notes.push(`gzip-rotated Cowrie: honeyweek/DuckDB ${median(r.ratios).toFixed(2)} (pairs ${r.ratios.map((x) => x.toFixed(2)).join(", ")})`);
    notes.push(agreement("gzip-rotated Cowrie", r));
    if (plainMs !== undefined) notes.push(`gzip-rotated / plain, honeyweek: ${(gzMs / plainMs).toFixed(2)}; target ≤ 1.2`);
  }
  if (a.only.has("tpot")) {
    const s = await tpotSample(a);
    log(`tpot: ${fmt(s.bytes / 1e6)} MB of lines (${fmt(s.cowrieBytes / 1e6)} MB Cowrie), ${fmt(s.lines)} lines`);
    const r = await pairs(a, s, s.cowrieFiles);
    out.push(row("T-Pot mix (all honeypots)", "honeyweek", r.hw, s.bytes, s.lines));
    out.push(row("T-Pot mix (Cowrie files only)", "DuckDB", r.db, s.cowrieBytes, s.lines));
    notes.push(`T-Pot mix: no like-for-like ratio (DuckDB reads only the Cowrie files; honeyweek reads every honeypot and deduplicates)`);
  }
  if (a.only.has("site")) {
    const dir = await siteSample(a);
    const runs: JobResult[] = [];
    for (let i = 0; i < Math.max(1, Math.min(a.pairs, 3)); i++) runs.push(await runJob({ kind: "site", dir }));
    const ms = median(runs.map((x) => x.ms));
    out.push(`| site, 52 weekly posts (${runs[0]!.pages} pages) | honeyweek build | ${fmt(ms)} | | | ${fmt(median(runs.map((x) => x.cpuMs ?? NaN)))} | ${fmt(Math.max(...runs.map((x) => x.rssMiB)))} | |`);
    notes.push(`site build of 52 posts: ${(ms / 1000).toFixed(1)} s; target < 10 s`);
  }
  out.push("");
  for (const n of notes) out.push(`- ${n}`);
  if (a.events < 5_000_000) out.push(`- the RSS target is for 5M events with 50k sources: run with --events 5000000 to check it`);
  process.stdout.write(out.join("\n") + "\n");
}

await main();
