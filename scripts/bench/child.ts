/**
 * One timed job in its own process (so each has its own peak RSS): honeyweek's aggregation of a
 * week, DuckDB's, or a site build. Prints one JSON line: { ms, rssMiB, events?, pages? }.
 *   node --import tsx scripts/bench/child.ts '<job as JSON>'
 */
import { aggregateWeek } from "../aggregate/run.ts";
import { weekWindow } from "../util/week.ts";
import { DEFAULT_SETTINGS } from "../util/settings.ts";
import { openCountryLookup } from "../enrich/geo.ts";
import { openAsnLookup } from "../enrich/asn.ts";
import type { DuckSpec } from "./duck.ts";

export type Job =
  | { kind: "honeyweek"; root: string; week: string; timeZone: string; reader?: "reference"; threads?: number }
  | { kind: "duckdb"; spec: DuckSpec }
  | { kind: "site"; dir: string };

export interface JobResult {
  ms: number;
  /** CPU time of the job, all threads (less sensitive than wall time to a busy machine). */
  cpuMs?: number;
  /** honeyweek: the phases (discover + first-event peeks, reading, finalize + enrich). */
  phases?: { discover: number; read: number; finalize: number };
  rssMiB: number;
  events?: number;
  pages?: number;
}

async function run(job: Job): Promise<JobResult> {
  if (job.kind === "honeyweek") {
    if (job.reader) process.env.HONEYWEEK_READER = job.reader;
    if (job.threads !== undefined) process.env.HONEYWEEK_THREADS = String(job.threads);
    const settings = { ...DEFAULT_SETTINGS, timeZone: job.timeZone };
    // Lookup tables are opened first: loading them is set-up, like DuckDB's; the lookups count.
    const geo = await openCountryLookup(null);
    // (The bundled ASN tables load on their first look-up, during finalisation, as in a real run:
    // after the reading workers are gone, so they do not add to the reading peak.)
    const asn = await openAsnLookup(null);
    const window = weekWindow(job.week, job.timeZone);
    let readStart = 0;
    let readEnd = 0;
    const progress = {
      start: () => {
        readStart = performance.now();
        memo("before reading");
      },
      advance: () => {},
      fileDone: () => {},
      finish: () => {
        readEnd = performance.now();
        memo("after reading");
      },
    };
    const t0 = performance.now();
    const r = await aggregateWeek({ logs: { root: job.root }, window, settings, geo, asn, progress });
    const t1 = performance.now();
    memo("after finalize");
    const phases = { discover: readStart - t0, read: readEnd - readStart, finalize: t1 - readEnd };
    return { ms: t1 - t0, phases, rssMiB: rss(), events: r.summary.totals.events };
  }
  if (job.kind === "duckdb") {
    // DuckDB and Eleventy are loaded only by the jobs that use them: honeyweek's peak RSS holds
    // what `honeyweek aggregate` loads, nothing more.
    const { duckWeek } = await import("./duck.ts");
    const t0 = performance.now();
    const events = await duckWeek(job.spec);
    return { ms: performance.now() - t0, rssMiB: rss(), events };
  }
  const { buildSite } = await import("../render/build.ts");
  const t0 = performance.now();
  const r = await buildSite({ dir: job.dir, quiet: true });
  return { ms: performance.now() - t0, rssMiB: rss(), pages: r.pages };
}

function memo(what: string): void {
  if (!process.env.HONEYWEEK_TIMING) return;
  const m = process.memoryUsage();
  const mib = (n: number) => (n / 2 ** 20).toFixed(0);
  process.stderr.write(`${what}: rss ${mib(m.rss)} MiB, heap used ${mib(m.heapUsed)} / ${mib(m.heapTotal)} MiB, external ${mib(m.external)} MiB, maxRSS ${rss().toFixed(0)} MiB\n`);
}

function rss(): number {
  return process.resourceUsage().maxRSS / 1024;
}

const c0 = process.cpuUsage();
const result = await run(JSON.parse(process.argv[2]!) as Job);
const cu = process.cpuUsage(c0);
result.cpuMs = (cu.user + cu.system) / 1000;
process.stdout.write(JSON.stringify(result) + "\n");
process.exit(0);
