/**
 * Lines of the reader's blocks scanned many at a time (WasmFieldScanner.scanBlock: one call for
 * many lines instead of a copy and a call per line), then taken in order as the reader gives them
 * (read/lines.ts ByteLineSink.block → a fast parser's `block`). Shared by the fast paths.
 */
import type { WasmFieldScanner } from "./wasmScan.ts";

/** Lines are scanned this much at a time, so that they are still in cache when their values are read. */
const CHUNK = 256 << 10;

/**
 * Lines scanned a block at a time (WasmFieldScanner.scanBlock: one call for many lines instead of
 * a copy and a call per line), then taken in order as the reader gives them; a line that was not
 * in the last block is scanned on its own. The reader's block (4 MiB) is scanned a CHUNK of whole
 * lines at a time, when the chunk's first line is asked for: the lines' bytes are then still in
 * cache when their values are read (a whole block scanned at once made the big Suricata and Fatt
 * lines slower than scanning line by line), and the blocks of a file the lane does not apply to
 * (Heralding's auth.csv) are never scanned.
 */
export class BlockCursor {
  /** The reader's block. */
  private block: Buffer | null = null;
  private blockEnd = 0;
  /** The chunk last scanned: lines [chunkStart, chunkEnd) of the block. */
  private chunkStart = 0;
  private chunkEnd = 0;
  private next = 0;

  constructor(private readonly sc: WasmFieldScanner) {}

  load(b: Buffer, start: number, end: number): void {
    this.block = b;
    this.blockEnd = end;
    this.chunkStart = this.chunkEnd = start;
  }

  scan(b: Buffer, start: number, end: number): boolean {
    const sc = this.sc;
    if (b !== this.block || start < this.chunkStart || end >= this.blockEnd) return sc.scan(b, start, end);
    if (start >= this.chunkEnd) {
      // The next chunk, from this line: whole lines, at least this one.
      let e = Math.min(this.blockEnd, start + CHUNK);
      if (e < this.blockEnd) {
        const nl = b.lastIndexOf(10, e - 1);
        e = nl >= end ? nl + 1 : b.indexOf(10, end) + 1;
      }
      sc.scanBlock(b, start, e);
      this.chunkStart = start;
      this.chunkEnd = e;
      this.next = 0;
    }
    // Lines the reader did not give (an over-long line's end) are passed over.
    let k = this.next;
    const n = sc.lines;
    while (k < n && sc.lineStart(k) < start) k++;
    this.next = k;
    if (k < n && sc.lineStart(k) === start && sc.lineEnd(k) === end) {
      this.next = k + 1;
      return sc.select(k);
    }
    return sc.scan(b, start, end);
  }
}
