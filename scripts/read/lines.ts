/**
 * The read stage: a file (plain or gzip) → its lines, streamed, with line numbers.
 * Never fatal: a truncated gzip keeps what decodes, an over-long line is skipped without being held
 * in memory, invalid UTF-8 is repaired (U+FFFD) and reported. Faults reach the caller as notes.
 */
import { createReadStream } from "node:fs";
import { createGunzip } from "node:zlib";
import type { Readable } from "node:stream";

/** Lines longer than this are skipped as "too-long" (real events are far shorter; 10 MB junk is not). */
export const MAX_LINE_BYTES = 1 << 20;

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
 * Stream the lines of `path` into `sink`. Gzip is recognised by its magic bytes, not its name
 * (a rotated file may be compressed or not). Resolves when the file is done, whatever happened.
 */
export async function readLines(path: string, sink: LineSink, onBytes?: (n: number) => void): Promise<ReadStats> {
  const stats: ReadStats = { bytes: 0, lines: 0 };
  let raw: Readable;
  try {
    raw = createReadStream(path, { highWaterMark: 1 << 20 });
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
    const text = buf.toString("utf8", start, end);
    if (text.includes(REPLACEMENT) && !hasEncodedReplacement(buf, start, end)) sink.lineFault("invalid-utf8", lineNo);
    sink.line(text, lineNo, last);
  };

  const onChunk = (chunk: Buffer) => {
    let buf = chunk;
    let pos = 0;
    if (pending) {
      buf = Buffer.concat([pending, chunk]);
      pending = null;
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
    raw.once("readable", () => {
      const head = raw.read(2) as Buffer | null;
      if (head === null) {
        sink.fileFault("empty-file", "");
        raw.destroy();
        finish();
        return;
      }
      raw.unshift(head);
      if (head.length === 2 && head[0] === GZIP_MAGIC_0 && head[1] === GZIP_MAGIC_1) {
        const gunzip = createGunzip();
        gunzip.once("error", (err) => {
          sink.fileFault("truncated-gzip", err.message);
          raw.destroy();
          finish();
        });
        raw.pipe(gunzip);
        source = gunzip;
      } else if (isGzipName(path)) {
        sink.fileFault("not-gzip", "name ends in .gz but the content is not gzip; read as text");
      }
      raw.on("data", (c: Buffer) => {
        stats.bytes += c.length;
        onBytes?.(c.length);
      });
      source.on("data", onChunk);
      source.once("end", finish);
      source.once("close", finish);
    });
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
