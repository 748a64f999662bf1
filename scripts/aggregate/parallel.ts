/**
 * The selected files of a week into one accumulator, on all cores.
 *
 * Work is cut into parts: a gzip file is one part (decoded in the worker that parses it); a big
 * plain file is cut at line starts into several parts. Worker threads (one per core) each keep
 * one accumulator for the parts they read; at the end the accumulators are merged (merge is
 * exact: accumulator.ts), and each part's own bookkeeping (line counts, problems with line
 * numbers, per-file counters) is merged in part order, line numbers shifted by the lines of the
 * parts before. One small file, or one core, is read in this thread with the same code.
 *
 * Duplicates (dedup.ts OverlapDedup) depend on the reading order of a honeypot's files: a file is
 * judged given what earlier files remembered (dedupChain.ts). So the parts of a file are given
 * that state when every earlier file of its honeypot is done. A worker that would otherwise wait
 * takes a part of a later file anyway, optimistically, into an accumulator of its own, and reports
 * its week lines' times: when the state for that file is known, the part stands if none of its
 * lines has the time of a remembered line (a duplicate is the same line, so it has the same time):
 * the worker is told to merge it; otherwise to drop it, and the part is read again with the state.
 * Either way the result is the reference's. (One caveat, by design: where the reference itself
 * errs, two different lines with the same 52-bit hash (dedup.ts: ~1e-6 per million remembered
 * lines), this reader may not repeat the same false duplicate.)
 *
 * Workers run worker.ts bundled by esbuild (workerBundle.ts); HONEYWEEK_THREADS sets their number
 * (0 or 1: in this thread), HONEYWEEK_READER=reference the old reader, HONEYWEEK_TIMING=1 prints
 * where the time goes.
 */
import { Worker } from "node:worker_threads";
import { open } from "node:fs/promises";
import { workerEntry } from "./workerBundle.ts";
import { availableParallelism } from "node:os";
import type { SelectedFile } from "../discover/window.ts";
import type { LogFile } from "../discover/layout.ts";
import { SourceFilter } from "../enrich/addresses.ts";
import { WeekAccumulator, type FileAcc } from "./accumulator.ts";
import { HourIndex } from "./hours.ts";
import { HourSources } from "./hourSources.ts";
import { DedupChain, type FileStartState } from "./dedupChain.ts";
import type { SourceTally } from "./tally.ts";
import { readFileInto, scanFileInto, type PartDedup, type PartReport } from "./file.ts";
import { OverlapDedup } from "./dedup.ts";
import type { ByteRange } from "../read/lines.ts";

/** Below this many bytes in all, workers cost more than they save. */
export const IN_PROCESS_BYTES = 48 << 20;
/** Plain files are cut into parts of about this size (more parts than workers, for balance). */
export const PART_BYTES = 32 << 20;

/** Parts of files smaller than this are never read optimistically. */
export const OPTIMISTIC_MIN_BYTES = 4 << 20;

/** Sizes from the environment (tests use tiny ones to exercise parts and workers on small files). */
function sizeFromEnv(name: string, fallback: number): number {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

export interface ReadFilesInput {
  acc: WeekAccumulator;
  /** Files grouped by honeypot, each honeypot's files in reading order (dedup.ts readingOrder). */
  files: SelectedFile[];
  sensorTimeZone: string;
  sensorAddresses: readonly string[];
  /** Worker threads; default os.availableParallelism() or HONEYWEEK_THREADS; ≤1 reads in process. */
  threads?: number;
  onBytes?: (n: number) => void;
  onFileDone?: (path: string) => void;
}

/** A unit of work: a file or a part of one. */
interface Part {
  index: number;
  file: SelectedFile;
  fileId: number;
  range: ByteRange | undefined;
}

interface PartResult {
  report: PartReport;
  /**
   * For an optimistic part: the worker holding its accumulator (told to merge it into its own if
   * the part stands, or to drop it) and the times of its week lines.
   */
  holder?: Worker;
  times?: Float64Array;
}

/** Read `files` into `acc`; resolves with the bytes read from disk. */
export async function readFiles(input: ReadFilesInput): Promise<number> {
  if (process.env.HONEYWEEK_READER === "reference") return readFilesReference(input);
  const threads = input.threads ?? threadsFromEnv() ?? availableParallelism();
  const totalBytes = input.files.reduce((s, f) => s + f.size, 0);
  const parallel = threads > 1 && totalBytes >= sizeFromEnv("HONEYWEEK_MIN_WORKER_BYTES", IN_PROCESS_BYTES);
  const partBytes = sizeFromEnv("HONEYWEEK_PART_BYTES", PART_BYTES);
  const parts = await planParts(input.files, parallel ? threads : 1, partBytes);
  const chains = chainsOf(input.files);
  const workers = parallel ? Math.min(threads, parts.length) : 0;
  const results = workers === 0 ? await readInProcess(input, parts, chains) : await readInWorkers(input, parts, chains, workers);
  return applyReports(input.acc, parts, results, input.onFileDone);
}

/**
 * The reference: one file after the other in this thread, every line decoded and parsed by its
 * parser, duplicates through OverlapDedup (HONEYWEEK_READER=reference; tests and the bench).
 */
export async function readFilesReference(input: ReadFilesInput): Promise<number> {
  const { acc, files } = input;
  const filter = new SourceFilter(input.sensorAddresses);
  const byHoneypot = new Map<string, { id: number; firstEventMs: number | null }[]>();
  files.forEach((f, id) => byHoneypot.set(f.honeypot, [...(byHoneypot.get(f.honeypot) ?? []), { id, firstEventMs: f.firstEventMs }]));
  const dedups = new Map([...byHoneypot].map(([hp, list]) => [hp, new OverlapDedup(list)]));
  let bytes = 0;
  for (let fileId = 0; fileId < files.length; fileId++) {
    const file = files[fileId]!;
    const dedup = dedups.get(file.honeypot)!;
    dedup.beginFile({ id: fileId, firstEventMs: file.firstEventMs });
    bytes += await readFileInto(acc, file, {
      ctx: { sensorTimeZone: input.sensorTimeZone, file: file.path },
      filter,
      dedup,
      fileId,
      onBytes: input.onBytes,
    });
    input.onFileDone?.(file.path);
  }
  return bytes;
}

function threadsFromEnv(): number | undefined {
  const v = process.env.HONEYWEEK_THREADS;
  if (v === undefined || v === "") return undefined;
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 ? n : undefined;
}

/** Per honeypot: its files' chain (in the given order) and file ids (index in `files`). */
function chainsOf(files: SelectedFile[]): Map<string, DedupChain> {
  const byHoneypot = new Map<string, { id: number; firstEventMs: number | null }[]>();
  files.forEach((f, id) => {
    const list = byHoneypot.get(f.honeypot) ?? [];
    list.push({ id, firstEventMs: f.firstEventMs });
    byHoneypot.set(f.honeypot, list);
  });
  return new Map([...byHoneypot].map(([hp, list]) => [hp, new DedupChain(list)]));
}

/** Files → parts: big plain files cut at line starts. */
async function planParts(files: SelectedFile[], threads: number, partBytes: number): Promise<Part[]> {
  const parts: Part[] = [];
  for (let fileId = 0; fileId < files.length; fileId++) {
    const file = files[fileId]!;
    const cuts = threads > 1 && file.size >= 2 * partBytes ? await lineCuts(file.path, file.size, threads, partBytes) : [];
    if (cuts.length === 0) {
      parts.push({ index: parts.length, file, fileId, range: undefined });
      continue;
    }
    let start = 0;
    for (const cut of cuts) {
      parts.push({ index: parts.length, file, fileId, range: { start, end: cut } });
      start = cut;
    }
    // The last part reads to the end of the file as it is then (a live file may have grown).
    parts.push({ index: parts.length, file, fileId, range: { start, end: null } });
  }
  return parts;
}

/** Offsets just after a newline, about `partBytes` apart; none for gzip (or unreadable) files. */
async function lineCuts(path: string, size: number, threads: number, partBytes: number): Promise<number[]> {
  let fh;
  try {
    fh = await open(path, "r");
  } catch {
    return [];
  }
  try {
    const head = Buffer.alloc(2);
    const { bytesRead } = await fh.read(head, 0, 2, 0);
    if (bytesRead === 2 && head[0] === 0x1f && head[1] === 0x8b) return [];
    const n = Math.max(threads * 2, Math.round(size / partBytes));
    const step = Math.ceil(size / n);
    const cuts: number[] = [];
    const window = Buffer.alloc(64 * 1024);
    let from = 0;
    for (let k = 1; k < n; k++) {
      let pos = Math.max(k * step, from);
      let cut = -1;
      while (pos < size) {
        const { bytesRead: got } = await fh.read(window, 0, window.length, pos);
        if (got === 0) break;
        const nl = window.subarray(0, got).indexOf(10);
        if (nl >= 0) {
          cut = pos + nl + 1;
          break;
        }
        pos += got;
      }
      if (cut < 0 || cut >= size) break;
      if (cut > from) cuts.push(cut);
      from = cut;
    }
    return cuts;
  } finally {
    await fh.close();
  }
}

/** One part, in this thread (also what a worker runs). */
export async function runPart(
  acc: WeekAccumulator,
  filter: SourceFilter,
  sensorTimeZone: string,
  file: LogFile,
  range: ByteRange | undefined,
  dedup: PartDedup | undefined,
  onBytes?: (n: number) => void,
  times?: number[],
  tallies?: Map<string, SourceTally>,
): Promise<PartReport> {
  return scanFileInto(acc, file, { ctx: { sensorTimeZone, file: file.path }, filter, range, dedup, onBytes, times, tallies });
}

/** The dedup state for the parts of one file (the set built once per file). */
const knownSets = new WeakMap<FileStartState, Set<number>>();
function partDedup(fileId: number, state: FileStartState): PartDedup {
  let known = knownSets.get(state);
  if (known === undefined) knownSets.set(state, (known = new Set(state.known.keys())));
  return { fileId, rememberFrom: state.rememberFrom, known, knownMaxTs: state.knownMaxTs };
}

/** The same as sent to a worker: hashes as an array (cloned as one block), made into a set there. */
export interface PartDedupWire {
  fileId: number;
  rememberFrom: number;
  known: Float64Array;
  knownMaxTs: number;
}
const knownArrays = new WeakMap<FileStartState, Float64Array>();
function partDedupWire(fileId: number, state: FileStartState): PartDedupWire {
  let known = knownArrays.get(state);
  if (known === undefined) knownArrays.set(state, (known = Float64Array.from(state.known.keys())));
  return { fileId, rememberFrom: state.rememberFrom, known, knownMaxTs: state.knownMaxTs };
}

async function readInProcess(input: ReadFilesInput, parts: Part[], chains: Map<string, DedupChain>): Promise<PartResult[]> {
  const filter = new SourceFilter(input.sensorAddresses);
  const results: PartResult[] = [];
  const tallies = new Map<string, SourceTally>();
  // Parts are grouped by file, files by honeypot in reading order: the chain advances in step.
  let state: FileStartState | undefined;
  let remembered: number[] = [];
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const chain = chains.get(p.file.honeypot)!;
    const firstOfFile = i === 0 || parts[i - 1]!.fileId !== p.fileId;
    if (firstOfFile) {
      state = chain.beginNext();
      remembered = [];
    }
    const report = await runPart(input.acc, filter, input.sensorTimeZone, p.file, p.range, partDedup(p.fileId, state!), input.onBytes, undefined, tallies);
    for (const x of report.remembered) remembered.push(x);
    results.push({ report });
    const lastOfFile = i === parts.length - 1 || parts[i + 1]!.fileId !== p.fileId;
    if (lastOfFile) chain.endFile(remembered);
  }
  for (const t of tallies.values()) t.flushInto();
  return results;
}

/** Messages between this thread and the workers (worker.ts). */
export interface WorkerInit {
  startMs: number;
  endMs: number;
  timeZone: string;
  attackHoneypots: string[];
  sensorTimeZone: string;
  sensorAddresses: string[];
}
export type ToWorker =
  | { type: "init"; init: WorkerInit }
  | { type: "part"; index: number; file: LogFile; range: ByteRange | undefined; dedup: PartDedupWire; optimistic: boolean }
  | { type: "commit"; index: number }
  | { type: "drop"; index: number }
  | { type: "finish" }
  | { type: "send" };
export type FromWorker =
  | { type: "bytes"; n: number }
  | { type: "part"; index: number; report: PartReport; times?: Float64Array }
  | { type: "ready" }
  | { type: "final"; acc: WeekAccumulator }
  | { type: "error"; message: string };

/** Where each file's parts stand. */
interface FileProgress {
  parts: Part[];
  state: FileStartState | undefined;
  /** Parts done (validated), by index. */
  done: Map<number, PartResult>;
  /** Optimistic results waiting for the file's state. */
  pending: Map<number, PartResult>;
  dispatched: Set<number>;
  ended: boolean;
}

async function readInWorkers(input: ReadFilesInput, parts: Part[], chains: Map<string, DedupChain>, count: number): Promise<PartResult[]> {
  const { acc } = input;
  const init: WorkerInit = {
    startMs: acc.startMs,
    endMs: acc.endMs,
    timeZone: acc.timeZone,
    attackHoneypots: [...acc.attackHoneypots],
    sensorTimeZone: input.sensorTimeZone,
    sensorAddresses: [...input.sensorAddresses],
  };
  const files = new Map<number, FileProgress>();
  for (const p of parts) {
    let f = files.get(p.fileId);
    if (!f) files.set(p.fileId, (f = { parts: [], state: undefined, done: new Map(), pending: new Map(), dispatched: new Set(), ended: false }));
    f.parts.push(p);
  }
  // Per honeypot, the file ids in reading order; the head of each list is the file being judged.
  const order = new Map<string, number[]>();
  for (const [hp, chain] of chains) order.set(hp, chain.files.map((f) => f.id));
  const startFile = (hp: string): void => {
    const ids = order.get(hp)!;
    const chain = chains.get(hp)!;
    while (ids.length > 0) {
      const f = files.get(ids[0]!)!;
      if (f.state === undefined) f.state = chain.beginNext();
      // Optimistic results of this file: keep those no duplicate can touch, redo the others.
      const times = new Set(f.state.known.values());
      for (const [index, r] of f.pending) {
        f.pending.delete(index);
        if (r.times !== undefined && times.size > 0 && r.times.some((t) => times.has(t))) {
          r.holder!.postMessage({ type: "drop", index } satisfies ToWorker);
          f.dispatched.delete(index);
          if (process.env.HONEYWEEK_TIMING) process.stderr.write(`part ${index} read again (a line has the time of a remembered line)\n`);
        } else {
          r.holder!.postMessage({ type: "commit", index } satisfies ToWorker);
          f.done.set(index, r);
        }
      }
      if (f.done.size < f.parts.length) return;
      const remembered: number[] = [];
      for (const p of f.parts) {
        const r = f.done.get(p.index)!;
        for (const x of r.report.remembered) remembered.push(x);
        // Only the per-part bookkeeping is kept to the end.
        r.report.remembered = [];
        r.times = undefined;
      }
      if (process.env.HONEYWEEK_TIMING && remembered.length > 0) process.stderr.write(`file ${ids[0]} remembered ${remembered.length / 2} lines; known at its start ${f.state.known.size}\n`);
      chain.endFile(remembered);
      f.ended = true;
      // Its start state (a copy of the remembered lines) is needed no more: not kept to the end.
      f.state = undefined;
      ids.shift();
    }
  };

  const results = new Array<PartResult>(parts.length);
  let finals = 0;
  const workers: Worker[] = [];
  let failure: Error | null = null;

  const optimisticMin = sizeFromEnv("HONEYWEEK_OPTIMISTIC_MIN_BYTES", OPTIMISTIC_MIN_BYTES);
  /** The next part for an idle worker: a judged file's part first, else an optimistic one. */
  const nextPart = (): { part: Part; optimistic: boolean } | null => {
    let optimistic: Part | null = null;
    for (const ids of order.values()) {
      for (let k = 0; k < ids.length; k++) {
        const f = files.get(ids[k]!)!;
        for (const p of f.parts) {
          if (f.dispatched.has(p.index)) continue;
          if (k === 0 && f.state !== undefined) return { part: p, optimistic: false };
          // A small part waits for its turn: an accumulator of its own would cost more than it.
          if (p.file.size >= optimisticMin) optimistic ??= p;
        }
      }
    }
    return optimistic ? { part: optimistic, optimistic: true } : null;
  };

  const tStart = performance.now();
  for (const hp of order.keys()) startFile(hp);
  const pool = await startWorkers(count);
  await new Promise<void>((resolve) => {
    let live = 0;
    const busy = new Map<Worker, Part | null>();
    const finished = new Set<Worker>();
    // Accumulators come back one at a time: a worker that has flushed its own says "ready" and
    // sends when told, after the one before has been merged and its worker ended, so that never
    // two copies are in flight (the peak of memory).
    const ready: Worker[] = [];
    let receiving = false;
    const sendNext = (): void => {
      if (receiving || ready.length === 0) return;
      receiving = true;
      ready.shift()!.postMessage({ type: "send" } satisfies ToWorker);
    };
    const allDone = () => [...files.values()].every((f) => f.ended);
    const allDispatched = () => [...files.values()].every((f) => f.parts.every((p) => f.dispatched.has(p.index)));
    const holdsPending = (w: Worker) => [...files.values()].some((f) => [...f.pending.values()].some((r) => r.holder === w));
    const feed = (w: Worker): void => {
      if (failure || finished.has(w)) return;
      const next = nextPart();
      if (next === null) {
        busy.set(w, null);
        // Nothing left to give out and nothing of w's waiting to be judged: w can hand its
        // accumulator over now, while the others read their last parts (a part read again after
        // a judgement goes to a worker that holds optimistic results, and so is not finished).
        if (allDispatched() && !holdsPending(w)) {
          finished.add(w);
          w.postMessage({ type: "finish" } satisfies ToWorker);
          return;
        }
        if (allDone()) {
          for (const x of workers) {
            if (busy.get(x) !== null || finished.has(x)) continue;
            finished.add(x);
            x.postMessage({ type: "finish" } satisfies ToWorker);
          }
        }
        return;
      }
      const { part, optimistic } = next;
      const f = files.get(part.fileId)!;
      f.dispatched.add(part.index);
      busy.set(w, part);
      const dedup: PartDedupWire = optimistic
        ? { fileId: part.fileId, rememberFrom: chains.get(part.file.honeypot)!.rememberFromOf(part.fileId), known: new Float64Array(0), knownMaxTs: -Infinity }
        : partDedupWire(part.fileId, f.state!);
      const msg: ToWorker = { type: "part", index: part.index, file: plainFile(part.file), range: part.range, dedup, optimistic };
      w.postMessage(msg);
    };
    const wakeIdle = () => {
      for (const x of workers) if (busy.get(x) === null) feed(x);
    };
    for (const w of pool) {
      workers.push(w);
      live++;
      w.ref();
      const done = () => {
        w.off("message", onMessage);
        w.off("error", onError);
        w.unref();
        live--;
        if (failure) for (const x of workers) void x.terminate();
        if (live === 0) resolve();
      };
      const onMessage = (m: FromWorker) => {
        if (m.type === "bytes") input.onBytes?.(m.n);
        else if (m.type === "part") {
          const part = parts[m.index]!;
          if (process.env.HONEYWEEK_TIMING) process.stderr.write(`part ${m.index} (${part.file.path.split("/").pop()} ${part.range ? part.range.start : ""}) done at ${(performance.now() - tStart).toFixed(0)} ms${m.times ? ", optimistic" : ""}\n`);
          const f = files.get(part.fileId)!;
          const r: PartResult = { report: m.report };
          if (m.times) {
            r.holder = w;
            r.times = m.times;
            f.pending.set(m.index, r);
          } else f.done.set(m.index, r);
          startFile(part.file.honeypot);
          feed(w);
          wakeIdle();
        } else if (m.type === "ready") {
          ready.push(w);
          sendNext();
        } else if (m.type === "final") {
          if (process.env.HONEYWEEK_TIMING) process.stderr.write(`final at ${(performance.now() - tStart).toFixed(0)} ms\n`);
          // The worker has nothing more to do: its heap goes before the merge needs memory.
          void w.terminate();
          // Merged on arrival (the first one taken whole), so one worker's copy is garbage before
          // the next one's arrives.
          acc.merge(restoreAccumulator(m.acc), { consume: true });
          finals++;
          receiving = false;
          sendNext();
          done();
        } else if (m.type === "error") {
          failure ??= new Error(m.message);
          done();
        }
      };
      const onError = (err: Error) => {
        failure ??= err;
        done();
      };
      w.on("message", onMessage);
      w.on("error", onError);
      w.postMessage({ type: "init", init } satisfies ToWorker);
      feed(w);
    }
  });
  const tFinals = performance.now();
  // Workers end with the week: their heaps are given back before finalisation needs memory.
  await Promise.all(pool.map((w) => w.terminate()));
  if (failure) throw failure;
  if (finals !== count || results.length !== parts.length) throw new Error("a worker ended without its results");
  for (const f of files.values()) {
    for (const [index, r] of f.done) results[index] = r;
  }
  if (results.some((r) => r === undefined)) throw new Error("a part was not read");
  if (process.env.HONEYWEEK_TIMING) process.stderr.write(`parts+finals ${(tFinals - tStart).toFixed(0)} ms, merge ${(performance.now() - tFinals).toFixed(0)} ms\n`);
  return results;
}

/** Workers for one run, unref'd so they never keep the process alive; the run ends them. */
async function startWorkers(count: number): Promise<Worker[]> {
  const url = await workerEntry();
  return Array.from({ length: count }, () => {
    const w = new Worker(url, { execArgv: [], resourceLimits: { maxYoungGenerationSizeMb: 16 } });
    w.unref();
    return w;
  });
}

/** Only the data of a file (SelectedFile may carry more than a worker needs). */
function plainFile(f: SelectedFile): LogFile {
  return { path: f.path, honeypot: f.honeypot, base: f.base, scheme: f.scheme, generation: f.generation, date: f.date, size: f.size };
}

/** An accumulator that came through structured clone: data intact, prototypes restored. */
export function restoreAccumulator(data: WeekAccumulator): WeekAccumulator {
  Object.setPrototypeOf(data, WeekAccumulator.prototype);
  Object.setPrototypeOf(data.hours, HourIndex.prototype);
  Object.setPrototypeOf(data.hourSources, HourSources.prototype);
  return data;
}

/** Per-part bookkeeping into the accumulator, in part order; returns the bytes read. */
function applyReports(acc: WeekAccumulator, parts: Part[], results: PartResult[], onFileDone?: (path: string) => void): number {
  let bytes = 0;
  let lineOffset = 0;
  for (let i = 0; i < parts.length; i++) {
    const p = parts[i]!;
    const { report } = results[i]!;
    if (i > 0 && parts[i - 1]!.fileId !== p.fileId) lineOffset = 0;
    bytes += report.bytes;
    const t = acc.file(p.file.path, p.file.honeypot);
    const f = report.file;
    t.lines += f.lines;
    t.events += f.events;
    t.outsideWeek += f.outsideWeek;
    for (const [k, v] of f.skipped) t.skipped.set(k, (t.skipped.get(k) ?? 0) + v);
    for (const [k, v] of f.notes) t.notes.set(k, (t.notes.get(k) ?? 0) + v);
    // Samples through the accumulator's own rule (smallest file:line per reason); the counters of
    // this scratch entry are not used (they were added above).
    const scratch: FileAcc = { file: p.file.path, honeypot: p.file.honeypot, lines: 0, events: 0, skipped: new Map(), outsideWeek: 0, notes: new Map() };
    for (const s of report.samples) acc.problem(scratch, "notes", s.reason, s.line === 0 ? 0 : s.line + lineOffset);
    lineOffset += report.lines;
    const lastOfFile = i === parts.length - 1 || parts[i + 1]!.fileId !== p.fileId;
    if (lastOfFile) onFileDone?.(p.file.path);
  }
  return bytes;
}
