/**
 * One file into an accumulator: read → parse → filter (week, duplicates, non-attackers) → add.
 * Every line that yields nothing is counted by reason, with its line number.
 *
 * Two readers with one behaviour:
 * - `readFileInto`, the reference: lines decoded to strings, every line through its parser.
 * - `scanFileInto`, what aggregation runs (in worker threads or in process): lines as bytes, a
 *   byte-level fast path for formats that have one (parse/fast/), the reference parser for every
 *   other line; it reads a whole file or one part of a plain file, and keeps its line counts,
 *   problems and duplicate bookkeeping per part so parts read anywhere merge into exactly what
 *   the reference gives (tests/perf/parallel.test.ts).
 */
import type { HoneypotEvent, ParseContext, ParseResult } from "../model/event.ts";
import { parserByName } from "../parse/registry.ts";
import { fastParserFor, type ByteLineParser } from "../parse/fast/index.ts";
import { readLines, readLineBytes, type ByteRange } from "../read/lines.ts";
import type { SourceFilter } from "../enrich/addresses.ts";
import type { LogFile } from "../discover/layout.ts";
import type { FileAcc, QualitySampleAcc, WeekAccumulator } from "./accumulator.ts";
import { LATE_WRITE_MS, hash52, type OverlapDedup } from "./dedup.ts";
import { hash52Bytes } from "./hashbytes.ts";
import { SourceTally } from "./tally.ts";

export interface FileReadOptions {
  ctx: ParseContext;
  filter: SourceFilter;
  /** Shared by the files of one honeypot, read in the dedup's order (see dedup.ts). */
  dedup?: OverlapDedup;
  /** This file's number among the files sharing `dedup`. */
  fileId?: number;
  onBytes?: (n: number) => void;
}

/** Read one file into `acc`; resolves with the bytes read from disk. */
export async function readFileInto(acc: WeekAccumulator, file: LogFile, o: FileReadOptions): Promise<number> {
  const parser = parserByName(file.honeypot)!;
  const fa = acc.file(file.path, file.honeypot);
  const { ctx, filter, dedup } = o;
  const take = (e: HoneypotEvent, line: string): void => {
    if (!acc.inWeek(e.ts)) {
      fa.outsideWeek++;
      return;
    }
    if (dedup && !dedup.accept(line, e.ts, o.fileId ?? 0)) {
      acc.duplicates++;
      return;
    }
    if (e.srcIp !== undefined && !filter.isAttacker(e.srcIp)) {
      acc.excludedSources++;
      return;
    }
    fa.events++;
    acc.add(e);
  };
  const stats = await readLines(
    file.path,
    {
      line(text, lineNo, last) {
        fa.lines++;
        const result = parser.parse(text, ctx);
        if (Array.isArray(result)) {
          for (const r of result) {
            if (typeof r === "string") acc.problem(fa, "skipped", r, lineNo);
            else take(r, text);
          }
        } else if (typeof result === "string") {
          // A final line without its newline that does not parse was cut off mid-write.
          const reason = last && result === "not-json" ? "cut-off" : result;
          if (reason !== "empty") acc.problem(fa, "skipped", reason, lineNo);
        } else take(result, text);
      },
      lineFault(fault, lineNo) {
        if (fault === "too-long") {
          fa.lines++;
          acc.problem(fa, "skipped", fault, lineNo);
        } else acc.problem(fa, "notes", fault, lineNo);
      },
      fileFault(fault) {
        acc.problem(fa, "notes", fault, 0);
      },
    },
    o.onBytes,
  );
  return stats.bytes;
}

/** Kept per reason and part; the accumulator keeps the smallest (file, line) ones overall. */
const SAMPLES_PER_REASON_PER_PART = 5;
const REPLACEMENT = "\uFFFD";

/**
 * What a part needs to decide duplicates exactly as OverlapDedup would at this point of the
 * reading order (see parallel.ts): the hashes remembered from earlier files of the honeypot (after
 * the pruning at this file's start), the latest time remembered so far, and from which time this
 * file's own lines must be remembered for later files.
 */
export interface PartDedup {
  fileId: number;
  rememberFrom: number;
  known: ReadonlySet<number>;
  knownMaxTs: number;
}

export interface PartReport {
  /** Counters of this part for its file (merged by path). */
  file: FileAcc;
  /** Problems with line numbers counted from the part's start (the first few of each reason). */
  samples: QualitySampleAcc[];
  /** Lines in the part (to number the next part's lines). */
  lines: number;
  bytes: number;
  /** (hash, time) of the week's lines this part remembers for later files, in reading order. */
  remembered: number[];
}

export interface ScanOptions {
  ctx: ParseContext;
  filter: SourceFilter;
  range?: ByteRange;
  dedup?: PartDedup;
  /** Collects the time of every line of the week (for judging an optimistic part later). */
  times?: number[];
  /**
   * Tallies bound to `acc`, by honeypot, kept by the caller across parts and flushed by it
   * (SourceTally.flushInto) before `acc` is used; without, the part makes and flushes its own.
   */
  tallies?: Map<string, SourceTally>;
  onBytes?: (n: number) => void;
}

/** Fast parsers by honeypot, one per thread (their string caches stay warm from part to part). */
const leanParsers = new Map<string, ByteLineParser | undefined>();
function leanParser(honeypot: string): ByteLineParser | undefined {
  if (!leanParsers.has(honeypot)) leanParsers.set(honeypot, fastParserFor(honeypot, { lean: true }));
  return leanParsers.get(honeypot);
}

/** Read one file (or a part of a plain file) into `acc`; the part's own bookkeeping is returned. */
export async function scanFileInto(acc: WeekAccumulator, file: LogFile, o: ScanOptions): Promise<PartReport> {
  const parser = parserByName(file.honeypot)!;
  // Lean events: the fast path may leave out session, protocol and source port (never counted).
  const fast = leanParser(file.honeypot);
  // This honeypot's events are counted through a SourceTally (tally.ts).
  let tally = o.tallies?.get(file.honeypot);
  if (tally === undefined) {
    tally = new SourceTally(acc, file.honeypot);
    o.tallies?.set(file.honeypot, tally);
  }
  const useTally = tally.usable;
  const isAttacker = (ip: string): boolean => filter.isAttacker(ip);
  const fa: FileAcc = { file: file.path, honeypot: file.honeypot, lines: 0, events: 0, skipped: new Map(), notes: new Map(), outsideWeek: 0 };
  const samples: QualitySampleAcc[] = [];
  const perReason = new Map<string, number>();
  const remembered: number[] = [];
  const { ctx, filter, dedup, times } = o;
  const problem = (kind: "skipped" | "notes", reason: string, line: number): void => {
    const m = kind === "skipped" ? fa.skipped : fa.notes;
    m.set(reason, (m.get(reason) ?? 0) + 1);
    const n = perReason.get(reason) ?? 0;
    if (n < SAMPLES_PER_REASON_PER_PART) {
      perReason.set(reason, n + 1);
      samples.push({ file: file.path, line, reason });
    }
  };
  // The line of the event being taken, for hashing only when needed.
  let lineBuf: Buffer | null = null;
  let lineStart = 0;
  let lineEnd = 0;
  let lineText: string | null = null;
  const lineHash = (): number => (lineText !== null ? hash52(lineText) : hash52Bytes(lineBuf!, lineStart, lineEnd));
  const take = (e: HoneypotEvent): void => {
    const ts = e.ts;
    if (!acc.inWeek(ts)) {
      fa.outsideWeek++;
      return;
    }
    if (times !== undefined) times.push(ts);
    if (dedup !== undefined) {
      // OverlapDedup.accept, with the state of the files before this one given (parallel.ts).
      const remember = ts >= dedup.rememberFrom;
      if (remember || (dedup.known.size > 0 && ts <= dedup.knownMaxTs + LATE_WRITE_MS)) {
        const h = lineHash();
        if (dedup.known.has(h)) {
          acc.duplicates++;
          return;
        }
        if (remember) remembered.push(h, ts);
      }
    }
    const ip = e.srcIp;
    const tallied = useTally && e.honeypot === tally!.honeypot && e.kind !== "alert" && e.kind !== "fingerprint";
    if (ip !== undefined && !(tallied ? tally!.isAttacker(e, ip, isAttacker) : filter.isAttacker(ip))) {
      acc.excludedSources++;
      return;
    }
    fa.events++;
    if (tallied) tally!.add(e);
    else acc.add(e);
  };
  const handle = (result: ParseResult | ParseResult[], lineNo: number, last: boolean): void => {
    if (Array.isArray(result)) {
      for (const r of result) {
        if (typeof r === "string") problem("skipped", r, lineNo);
        else take(r);
      }
    } else if (typeof result === "string") {
      // A final line without its newline that does not parse was cut off mid-write.
      const reason = last && result === "not-json" ? "cut-off" : result;
      if (reason !== "empty") problem("skipped", reason, lineNo);
    } else take(result);
  };
  const stats = await readLineBytes(
    file.path,
    {
      block: fast?.block,
      line(b, start, end, lineNo, last) {
        fa.lines++;
        if (fast !== undefined) {
          const r = fast(b, start, end, ctx);
          if (r !== null) {
            lineBuf = b;
            lineStart = start;
            lineEnd = end;
            lineText = null;
            handle(r, lineNo, last);
            lineBuf = null;
            return;
          }
        }
        // The reference path, exactly as readLines + readFileInto do it.
        const text = b.toString("utf8", start, end);
        if (text.includes(REPLACEMENT) && !hasEncodedReplacement(b, start, end)) problem("notes", "invalid-utf8", lineNo);
        lineText = text;
        handle(parser.parse(text, ctx), lineNo, last);
        lineText = null;
      },
      lineFault(fault, lineNo) {
        fa.lines++;
        problem("skipped", fault, lineNo);
      },
      fileFault(fault) {
        problem("notes", fault, 0);
      },
    },
    o.onBytes,
    o.range,
  );
  if (o.tallies === undefined) tally.flushInto();
  return { file: fa, samples, lines: stats.lines, bytes: stats.bytes, remembered };
}

/** True when the bytes themselves hold an encoded U+FFFD (EF BF BD): then the text is not repaired. */
function hasEncodedReplacement(buf: Buffer, start: number, end: number): boolean {
  const i = buf.indexOf("\uFFFD", start, "utf8");
  return i !== -1 && i < end;
}
