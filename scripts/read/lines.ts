/**
 * The read stage: a file (plain or gzip) → its lines, streamed, with line numbers.
 * Never fatal: a truncated gzip keeps what decodes, an over-long line is skipped without being held
 * in memory, invalid UTF-8 is repaired (U+FFFD) and reported. Faults reach the caller as notes.
 */
import { closeSync, createReadStream, openSync, readSync } from "node:fs";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";

/**
 * Lines longer than this are skipped as "too-long". Attackers do send megabyte-long commands and
 * passwords, and those records are kept (shortened only for display); a 10 MB line is junk.
 */
export const MAX_LINE_BYTES = 4 << 20;

export type LineFault = "too-long" | "invalid-utf8";
export type FileFault = "truncated-gzip" | "unreadable" | "empty-file" | "not-gzip";

export interface LineSink {
  /** A complete line (without \n or \r\n). `last` is true for a final line with no newline after it. */
  line(text: string, lineNo: number, last: boolean): void;
  /** A line that could not be delivered, or was repaired. */
  lineFault(fault: LineFault, lineNo: number): void;
  fileFault(fault: FileFault, detail: string): void;
}

export interface ReadStats {
  bytes: number;
  lines: number;
}

const GZIP_MAGIC_0 = 0x1f;
const GZIP_MAGIC_1 = 0x8b;
const NL = 10;
const CR = 13;
const REPLACEMENT = "\uFFFD";

export function isGzipName(path: string): boolean {
  return path.endsWith(".gz");
}

/**
 * A line as bytes: b[start, end) without its newline and without a CR before it. Unless `last`,
 * the byte at b[end] is that newline or CR (fast parsers rely on it as a stop byte). `b` is only
 * valid during the call: copy what must be kept.
 */
export interface ByteLineSink {
  /**
   * Optional: the lines about to be given, as one block before them: b[start, end) is whole lines,
   * each ending with its newline (a fast parser may scan them all in one call; see parse/fast).
   * Only a hint: each line still comes through `line`, and some (an over-long line's end) may not.
   */
  block?(b: Buffer, start: number, end: number): void;
  line(b: Buffer, start: number, end: number, lineNo: number, last: boolean): void;
  /** An over-long line (skipped without being held). */
  lineFault(fault: "too-long", lineNo: number): void;
  fileFault(fault: FileFault, detail: string): void;
}

export interface ByteRange {
  /** First byte to read (a line start). A range that starts past 0 is plain text, never gzip. */
  start: number;
  /** End (exclusive, a line start), or null for the end of the file as it is when read. */
  end: number | null;
}

/**
 * Stream the lines of `path` into `sink`. Gzip is recognised by its magic bytes, not its name
 * (a rotated file may be compressed or not). Resolves when the file is done, whatever happened.
 */
export async function readLines(path: string, sink: LineSink, onBytes?: (n: number) => void): Promise<ReadStats> {
  return readLineBytes(
    path,
    {
      line(b, start, end, lineNo, last) {
        const text = b.toString("utf8", start, end);
        if (text.includes(REPLACEMENT) && !hasEncodedReplacement(b, start, end)) sink.lineFault("invalid-utf8", lineNo);
        sink.line(text, lineNo, last);
      },
      lineFault: (fault, lineNo) => sink.lineFault(fault, lineNo),
      fileFault: (fault, detail) => sink.fileFault(fault, detail),
    },
    onBytes,
  );
}

/**
 * The bytes behind `readLines`: the same splitting, line numbers and faults, without decoding.
 * With a range, reads that part of a plain file only (line numbers then count from the range's
 * start; file checks such as empty-file and gzip happen only for a range starting at 0).
 */
export async function readLineBytes(path: string, sink: ByteLineSink, onBytes?: (n: number) => void, range?: ByteRange): Promise<ReadStats> {
  const whole = range === undefined || range.start === 0;
  if (range !== undefined && range.end !== null && range.end <= range.start) return { bytes: 0, lines: 0 };
  // Plain text is read here with blocking reads into one reused buffer (no stream, no copies of
  // every chunk); gzip goes through the stream below. A range past 0 is always plain.
  let fd: number;
  try {
    fd = openSync(path, "r");
  } catch (err) {
    sink.fileFault("unreadable", (err as Error).message);
    return { bytes: 0, lines: 0 };
  }
  let gzip = false;
  try {
    if (whole) {
      const head = Buffer.alloc(2);
      const n = readSync(fd, head, 0, 2, 0);
      gzip = n === 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1;
    }
    if (!gzip) return readPlain(fd, path, sink, onBytes, range?.start ?? 0, range?.end ?? null, whole);
  } catch (err) {
    sink.fileFault("unreadable", (err as Error).message);
    return { bytes: 0, lines: 0 };
  } finally {
    closeSync(fd);
  }
  return readStream(path, sink, onBytes, range);
}

const PLAIN_BLOCK = 4 << 20;
/** One buffer per thread: a block plus the longest line kept across blocks. */
let plainBuffer: Buffer | null = null;

/** Same splitting and faults as `readStream`, for a plain file read with blocking reads. */
function readPlain(fd: number, path: string, sink: ByteLineSink, onBytes: ((n: number) => void) | undefined, start: number, end: number | null, whole: boolean): ReadStats {
  const stats: ReadStats = { bytes: 0, lines: 0 };
  // A line kept across blocks is at most MAX_LINE_BYTES (+1 for the stop byte after it).
  const buf = (plainBuffer ??= Buffer.allocUnsafe(PLAIN_BLOCK + MAX_LINE_BYTES + 2));
  let have = 0; // bytes of a line not yet ended, at buf[0, have)
  let skippingLongLine = false;
  let lineNo = 0;
  let pos = start;
  let first = true;
  const emit = (b: Buffer, s: number, e: number, last: boolean) => {
    lineNo++;
    if (e > s && b[e - 1] === CR) e--;
    sink.line(b, s, e, lineNo, last);
  };
  for (;;) {
    const want = end === null ? PLAIN_BLOCK : Math.min(PLAIN_BLOCK, end - pos);
    let n = 0;
    if (want > 0) {
      try {
        n = readSync(fd, buf, have, want, pos);
      } catch (err) {
        sink.fileFault("unreadable", (err as Error).message);
        break;
      }
    }
    if (first) {
      first = false;
      if (n === 0) {
        if (whole) sink.fileFault("empty-file", "");
        return stats;
      }
      if (whole && isGzipName(path)) sink.fileFault("not-gzip", "name ends in .gz but the content is not gzip; read as text");
    }
    if (n === 0) break;
    pos += n;
    stats.bytes += n;
    onBytes?.(n);
    const limit = have + n;
    let p = 0;
    if (sink.block !== undefined) {
      const lastNl = buf.lastIndexOf(NL, limit - 1);
      if (lastNl >= 0) sink.block(buf, 0, lastNl + 1);
    }
    for (;;) {
      const nl = buf.indexOf(NL, p);
      if (nl === -1 || nl >= limit) break;
      if (skippingLongLine) skippingLongLine = false; // the over-long line ends here; already counted
      else if (nl - p > MAX_LINE_BYTES) {
        lineNo++;
        sink.lineFault("too-long", lineNo);
      } else emit(buf, p, nl, false);
      p = nl + 1;
    }
    if (skippingLongLine) {
      have = 0;
      continue;
    }
    if (limit - p > MAX_LINE_BYTES) {
      lineNo++;
      sink.lineFault("too-long", lineNo);
      skippingLongLine = true;
      have = 0;
      continue;
    }
    buf.copy(buf, 0, p, limit);
    have = limit - p;
  }
  if (have > 0 && !skippingLongLine) {
    buf[have] = NL; // a stop byte after the last line (fast parsers rely on one)
    sink.block?.(buf, 0, have + 1);
    emit(buf, 0, have, true);
  }
  stats.lines = lineNo;
  return stats;
}

/** The stream reader (gzip, decoded on libuv's threads while this thread splits lines). */
async function readStream(path: string, sink: ByteLineSink, onBytes?: (n: number) => void, range?: ByteRange): Promise<ReadStats> {
  const stats: ReadStats = { bytes: 0, lines: 0 };
  const whole = range === undefined || range.start === 0;
  let raw: Readable;
  try {
    const opts: Parameters<typeof createReadStream>[1] = { highWaterMark: 1 << 20 };
    if (range) {
      opts.start = range.start;
      if (range.end !== null) opts.end = range.end - 1; // inclusive
      if (range.end !== null && range.end <= range.start) return stats;
    }
    raw = createReadStream(path, opts);
  } catch (err) {
    sink.fileFault("unreadable", (err as Error).message);
    return stats;
  }
  let pending: Buffer | null = null; // bytes of a line not yet ended
  let skippingLongLine = false; // inside a line already reported as too long
  let lineNo = 0;

  const emit = (buf: Buffer, start: number, end: number, last: boolean) => {
    lineNo++;
    if (end > start && buf[end - 1] === CR) end--;
    sink.line(buf, start, end, lineNo, last);
  };

  const onChunk = (chunk: Buffer) => {
    const buf = chunk;
    let pos = 0;
    if (pending) {
      // Only the line begun in an earlier chunk is joined (with its newline: the stop byte fast
      // parsers want); the rest of the chunk is split where it is, not copied.
      const nl = chunk.indexOf(NL);
      if (nl === -1) {
        if (pending.length + chunk.length > MAX_LINE_BYTES) {
          lineNo++;
          sink.lineFault("too-long", lineNo);
          skippingLongLine = true;
          pending = null;
        } else pending = Buffer.concat([pending, chunk]);
        return;
      }
      const joined = Buffer.concat([pending, chunk.subarray(0, nl + 1)]);
      pending = null;
      if (joined.length - 1 > MAX_LINE_BYTES) {
        lineNo++;
        sink.lineFault("too-long", lineNo);
      } else emit(joined, 0, joined.length - 1, false);
      pos = nl + 1;
    }
    if (sink.block !== undefined) {
      const lastNl = buf.lastIndexOf(NL);
      if (lastNl >= pos) sink.block(buf, pos, lastNl + 1);
    }
    for (;;) {
      const nl = buf.indexOf(NL, pos);
      if (nl === -1) break;
      if (skippingLongLine) {
        skippingLongLine = false; // the over-long line ends here; already counted
      } else if (nl - pos > MAX_LINE_BYTES) {
        lineNo++;
        sink.lineFault("too-long", lineNo);
      } else {
        emit(buf, pos, nl, false);
      }
      pos = nl + 1;
    }
    if (pos < buf.length) {
      if (skippingLongLine) return;
      if (buf.length - pos > MAX_LINE_BYTES) {
        lineNo++;
        sink.lineFault("too-long", lineNo);
        skippingLongLine = true;
        return;
      }
      // Copy, so the big chunk buffer is not retained by a small slice.
      pending = Buffer.from(buf.subarray(pos));
    }
  };

  await new Promise<void>((resolve) => {
    let source: Readable = raw;
    let settled = false;
    const finish = () => {
      if (settled) return;
      settled = true;
      if (pending && pending.length && !skippingLongLine) emit(pending, 0, pending.length, true);
      pending = null;
      stats.lines = lineNo;
      resolve();
    };
    raw.once("error", (err) => {
      sink.fileFault("unreadable", err.message);
      finish();
    });
    const start = (head: Buffer | null) => {
      if (head === null) {
        if (whole) sink.fileFault("empty-file", "");
        raw.destroy();
        finish();
        return;
      }
      raw.unshift(head);
      if (whole && head.length === 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1) {
        // Big output chunks: each chunk is a round trip to libuv's threads (16 KiB by default).
        const gunzip = createGunzip({ chunkSize: 1 << 20 });
        gunzip.once("error", (err) => {
          sink.fileFault("truncated-gzip", err.message);
          raw.destroy();
          finish();
        });
        raw.pipe(gunzip);
        source = gunzip;
      } else if (whole && isGzipName(path)) {
        sink.fileFault("not-gzip", "name ends in .gz but the content is not gzip; read as text");
      }
      raw.on("data", (c: Buffer) => {
        stats.bytes += c.length;
        onBytes?.(c.length);
      });
      source.on("data", onChunk);
      source.once("end", finish);
      source.once("close", finish);
    };
    raw.once("readable", () => start(raw.read(2) as Buffer | null));
    raw.once("end", () => {
      if (source === raw) finish();
    });
  });
  return stats;
}

/** True when the bytes themselves hold an encoded U+FFFD (EF BF BD): then the text is not repaired. */
function hasEncodedReplacement(buf: Buffer, start: number, end: number): boolean {
  const i = buf.indexOf("\uFFFD", start, "utf8");
  return i !== -1 && i < end;
}
