/**
 * Block writer for one output file, plain or gzip, with backpressure.
 *
 * Lines are collected as strings and written in blocks of ~512 KiB: one Buffer per block is far
 * cheaper than one write per line. Gzip uses a fixed level (6, pigz's default, which T-Pot's
 * logrotate uses) and a normalised header: mtime 0 (Node's default), no file name, and the OS
 * byte forced to 3 (Unix), which zlib otherwise sets from the platform it was built for, so
 * the same input gives the same bytes on every machine with the same zlib.
 */
import { createWriteStream } from "node:fs";
import type { WriteStream } from "node:fs";
import { once } from "node:events";
import { Transform } from "node:stream";
import type { TransformCallback, Writable } from "node:stream";
import { constants, createGzip } from "node:zlib";
import type { ZlibOptions } from "node:zlib";

export const GZIP_LEVEL = 6;
const BLOCK_BYTES = 512 * 1024;
/** Lets a few blocks queue per file, so generation runs while zlib compresses on the thread pool. */
const QUEUE_BYTES = 4 * 1024 * 1024;

/** Sets byte 9 (OS) of the gzip header, the only platform-dependent header byte. */
class GzipHeaderNormaliser extends Transform {
  private seenHeader = false;

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    if (!this.seenHeader && chunk.length >= 10) {
      this.seenHeader = true;
      chunk[9] = 3;
    }
    done(null, chunk);
  }
}

export class BlockWriter {
  /** Lines written (a line = one newline-terminated piece, or the final unterminated one). */
  lines = 0;
  bytes = 0;
  private pending: (string | Buffer)[] = [];
  private pendingBytes = 0;
  private readonly head: Writable;
  private readonly file: WriteStream;
  private blocked: Promise<unknown> | null = null;

  constructor(readonly path: string, readonly compressed: boolean) {
    this.file = createWriteStream(path, { highWaterMark: QUEUE_BYTES });
    if (compressed) {
      // Zlib streams pass stream options through, though ZlibOptions does not declare them.
      const options: ZlibOptions & { highWaterMark: number } = { level: GZIP_LEVEL, strategy: constants.Z_DEFAULT_STRATEGY, highWaterMark: QUEUE_BYTES };
      const gzip = createGzip(options);
      gzip.pipe(new GzipHeaderNormaliser()).pipe(this.file);
      this.head = gzip;
    } else {
      this.head = this.file;
    }
  }

  /** Appends one line and its newline; `terminated: false` leaves it cut off (no newline). */
  writeLine(line: string | Buffer, terminated = true): void {
    this.lines++;
    if (typeof line === "string") {
      const text = terminated ? line + "\n" : line;
      this.pending.push(text);
      // Byte length is only estimated here (for block sizing); exact bytes are counted at flush.
      this.pendingBytes += text.length;
    } else {
      this.pending.push(line);
      if (terminated) this.pending.push("\n");
      this.pendingBytes += line.length + 1;
    }
    if (this.pendingBytes >= BLOCK_BYTES) this.flushBlock();
  }

  /** Resolves when the file can take more (call between batches). */
  async settle(): Promise<void> {
    if (this.blocked) {
      const wait = this.blocked;
      this.blocked = null;
      await wait;
    }
  }

  async close(): Promise<void> {
    this.flushBlock();
    await this.settle();
    const finished = once(this.file, "close");
    this.head.end();
    await finished;
  }

  private flushBlock(): void {
    if (this.pending.length === 0) return;
    const block = this.pending.every((p) => typeof p === "string")
      ? Buffer.from((this.pending as string[]).join(""), "utf8")
      : Buffer.concat(this.pending.map((p) => (typeof p === "string" ? Buffer.from(p, "utf8") : p)));
    this.pending = [];
    this.pendingBytes = 0;
    this.bytes += block.length;
    if (!this.head.write(block) && !this.blocked) this.blocked = once(this.head, "drain");
  }
}
