/**
 * A reading worker (started by parallel.ts with the bundle of workerBundle.ts, or worker.mjs):
 * reads the parts it is sent into one accumulator (an optimistic part into an accumulator and
 * tallies of its own, taken over or dropped when the main thread says), reports each part's
 * bookkeeping; on "finish" flushes its tallies and says "ready", on "send" sends its accumulator;
 * then waits for the next week's "init". Gzip is decoded here too.
 */
import { parentPort } from "node:worker_threads";
import { SourceFilter } from "../enrich/addresses.ts";
import { WeekAccumulator } from "./accumulator.ts";
import { SourceTally } from "./tally.ts";
import { getHeapStatistics } from "node:v8";
import { runPart, type FromWorker, type PartDedupWire, type ToWorker, type WorkerInit } from "./parallel.ts";
import type { PartDedup } from "./file.ts";

const port = parentPort!;
// The run this worker reads for (each run starts with "init").
let init: WorkerInit;
let attack: Set<string>;
let acc: WeekAccumulator;
let filter: SourceFilter;
/** Tallies bound to `acc`, kept across parts, flushed at "finish". */
let tallies = new Map<string, SourceTally>();
let started = 0;
/** Known-line sets by file (the parts of a file share one), for this run. */
const knownByFile = new Map<number, { wire: Float64Array; set: Set<number> }>();
const KNOWN_FILES_KEPT = 4;
function dedupOf(w: PartDedupWire): PartDedup {
  let k = knownByFile.get(w.fileId);
  if (k === undefined || k.wire.length !== w.known.length) {
    k = { wire: w.known, set: new Set(w.known) };
    knownByFile.set(w.fileId, k);
    // Parts come file after file: the sets of files read long ago are not kept (one is made again
    // if a part of such a file still comes).
    if (knownByFile.size > KNOWN_FILES_KEPT) knownByFile.delete(knownByFile.keys().next().value!);
  }
  return { fileId: w.fileId, rememberFrom: w.rememberFrom, known: k.set, knownMaxTs: w.knownMaxTs };
}
/** Optimistic parts' accumulators, until this thread is told to merge or drop them. */
const held = new Map<number, { acc: WeekAccumulator; tallies: Map<string, SourceTally> }>();
const PROGRESS_BYTES = 4 << 20;
let unreported = 0;
const onBytes = (n: number): void => {
  unreported += n;
  if (unreported >= PROGRESS_BYTES) {
    port.postMessage({ type: "bytes", n: unreported } satisfies FromWorker);
    unreported = 0;
  }
};

// One message at a time, in order.
let queue = Promise.resolve();
port.on("message", (m: ToWorker) => {
  queue = queue.then(() => handle(m)).catch((err: unknown) => {
    port.postMessage({ type: "error", message: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies FromWorker);
    process.exit(1);
  });
});

async function handle(m: ToWorker): Promise<void> {
  if (m.type === "init") {
    started = performance.now();
    init = m.init;
    attack = new Set(init.attackHoneypots);
    acc = new WeekAccumulator(init.startMs, init.endMs, init.timeZone, attack);
    filter = new SourceFilter(init.sensorAddresses);
    tallies = new Map();
    held.clear();
    knownByFile.clear();
    unreported = 0;
    return;
  }
  if (m.type === "finish") {
    if (process.env.HONEYWEEK_TIMING) process.stderr.write(`worker: parts read in ${(performance.now() - started).toFixed(0)} ms (cpu ${(process.cpuUsage().user / 1000).toFixed(0)} ms)\n`);
    if (unreported > 0) port.postMessage({ type: "bytes", n: unreported } satisfies FromWorker);
    unreported = 0;
    const t0 = performance.now();
    for (const t of tallies.values()) t.flushInto();
    tallies = new Map();
    acc.hourSources.compact(); // one span per (hour, source): what is cloned is no bigger than needed
    if (process.env.HONEYWEEK_TIMING) process.stderr.write(`worker: flush ${(performance.now() - t0).toFixed(0)} ms\n`);
    // The accumulator goes when the main thread asks (parallel.ts: one in flight at a time).
    port.postMessage({ type: "ready" } satisfies FromWorker);
    return;
  }
  if (m.type === "send") {
    const t0 = performance.now();
    port.postMessage({ type: "final", acc } satisfies FromWorker);
    if (process.env.HONEYWEEK_TIMING) {
      const h = getHeapStatistics();
      const sizes = `sources ${acc.bySource.size}, usernames ${acc.usernames.size}, passwords ${acc.passwords.size}, pairs ${acc.pairs.size}, commands ${acc.cowrie.commands.size}`;
      process.stderr.write(`worker: send ${(performance.now() - t0).toFixed(0)} ms; ${sizes}; heap used ${(h.used_heap_size / 2 ** 20).toFixed(0)} MiB, total ${(h.total_heap_size / 2 ** 20).toFixed(0)} MiB\n`);
    }
    acc = undefined as unknown as WeekAccumulator; // nothing of a finished week stays in the worker
    return;
  }
  if (m.type === "commit") {
    // The part's tallies join this run's (array additions, not Maps), then its accumulator.
    const h = held.get(m.index)!;
    for (const [honeypot, t] of h.tallies) {
      let into = tallies.get(honeypot);
      if (into === undefined) tallies.set(honeypot, (into = new SourceTally(acc, honeypot)));
      into.absorb(t);
    }
    acc.merge(h.acc, { consume: true });
    held.delete(m.index);
    return;
  }
  if (m.type === "drop") {
    held.delete(m.index);
    return;
  }
  if (m.optimistic) {
    const own = new WeekAccumulator(init.startMs, init.endMs, init.timeZone, attack);
    const times: number[] = [];
    // Its tallies are kept unflushed: a commit adds them to this run's.
    const ownTallies = new Map<string, SourceTally>();
    const report = await runPart(own, filter, init.sensorTimeZone, m.file, m.range, dedupOf(m.dedup), onBytes, times, ownTallies);
    held.set(m.index, { acc: own, tallies: ownTallies });
    const t = Float64Array.from(times);
    port.postMessage({ type: "part", index: m.index, report, times: t } satisfies FromWorker, [t.buffer]);
    return;
  }
  const report = await runPart(acc, filter, init.sensorTimeZone, m.file, m.range, dedupOf(m.dedup), onBytes, undefined, tallies);
  port.postMessage({ type: "part", index: m.index, report } satisfies FromWorker);
}
