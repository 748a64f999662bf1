/**
 * WasmFieldScanner: FieldScanner (scan.ts) run as WebAssembly with 128-bit SIMD
 * (wasm/scanner.as.ts). Same contract, same answers: for every line, `scan` returns what
 * FieldScanner.scan returns and, when true, the same typeOf/from/to/value for every wanted key
 * (tests/perf/wasm-scan.test.ts holds it to that). Two ways in:
 *
 * - per line, the drop-in: `scan(b, start, end)`, then `typeOf`, `from`, `to`, `value`. The line is
 *   copied into wasm memory (one copy and one call per line).
 * - per block: `scanBlock(b, start, end)` copies a whole block once and scans every
 *   newline-terminated line in it in one call, keeping each line's results; `select(k)` then makes
 *   line k's results the current ones (the same typeOf/from/to/value as after `scan`), and
 *   `lineStart(k)`/`lineEnd(k)` tell which bytes line k was (split as the reader splits: the
 *   newline and one CR before it left out).
 *
 * Offsets in `from`/`to` are always in the coordinates of the caller's buffer, and `buf` is that
 * buffer (FieldScanner instead copies a line not followed by \n or \r, and then reports offsets in
 * its copy; for any line followed by one, as the reader gives them, the offsets are identical).
 *
 * `type`, `from` and `to` are views of wasm memory, replaced when the memory grows (a long line or
 * a big block): read them through the scanner after each scan, never keep them. One scanner per
 * thread; each has its own wasm instance and memory (the module is compiled once per thread).
 */
import { MAX_DEPTH, VT_NONE, VT_NUMBER, VT_STRING, VT_STRING_ESC, VT_TRUE, VT_FALSE, VT_NULL, latin1 } from "./scan.ts";
import { SCANNER_WASM_BASE64 } from "./wasm/scanner.wasm.ts";

/** What a caller of either scanner reads after a successful scan (FieldScanner has it too). */
export interface ScannedLine {
  readonly buf: Buffer;
  readonly type: Uint8Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  scan(b: Buffer, start: number, end: number): boolean;
  typeOf(i: number): number;
  value(i: number): unknown;
  isString(i: number): boolean;
}

interface ScannerExports {
  memory: WebAssembly.Memory;
  maxDepth(): number;
  heapBase(): number;
  configure(n: number, keyTable: number, slots: number, stack: number, typeOff: number, fromOff: number, toOff: number, recSize: number): void;
  stopped(): number;
  scanLine(s: number, end: number, delta: number, rec: number): number;
  scanLines(p: number, e: number, delta: number, recs: number, maxLines: number): number;
  copyRecord(to: number, from: number): void;
}

const QUOTE = 34;
const BACKSLASH = 92;
const D0 = 48;
const NL = 10;
const PAGE = 65536;
/** Room after any data in wasm memory: 16-byte loads may read 15 bytes past a line's stop byte. */
const SLACK = 64;
/**
 * A record: ok, line start, line end (i32 each, in 16 bytes), then the per-key type bytes (padded
 * to 16: the wasm clears them 16 at a time), froms and tos; 16-byte aligned (copied 16 at a time).
 */
const REC_HEADER = 16;
const SLOTS_BYTES = 2 << 15;
const STACK_BYTES = 80;
const FIRST_INPUT = 64 << 10;
const FIRST_RECORDS = 4096;

let compiled: WebAssembly.Module | null = null;

/** The scanner's module, compiled once per thread (a few KB: synchronous compile is fine). */
function scannerModule(): WebAssembly.Module {
  return (compiled ??= new WebAssembly.Module(Buffer.from(SCANNER_WASM_BASE64, "base64")));
}

const align16 = (n: number): number => (n + 15) & ~15;

/** FieldScanner's first look-up: (length, first two bytes) → 5 bits each. */
function slotOf(length: number, b0: number, b1: number): number {
  return ((length & 31) << 10) | ((b0 & 31) << 5) | (b1 & 31);
}

export class WasmFieldScanner implements ScannedLine {
  /** Current line's results (views of wasm memory; replaced when it grows). */
  type: Uint8Array;
  from: Int32Array;
  to: Int32Array;
  /** The buffer the current line's offsets are in (the caller's own). */
  buf: Buffer = Buffer.alloc(0);

  private readonly ex: ScannerExports;
  private u8: Uint8Array;
  private i32: Int32Array;
  private readonly n: number;
  private readonly recSize: number;
  private readonly typeOff: number;
  private readonly fromOff: number;
  private readonly toOff: number;
  /** The current record (what type/from/to show). */
  private readonly cur: number;
  /** Where lines and blocks are copied to, and how much fits (not counting SLACK). */
  private readonly input: number;
  private inputCap = FIRST_INPUT;
  /** Per-line records of the last block, and how many fit. */
  private recs: number;
  private recCap = FIRST_RECORDS;
  private blockBuf: Buffer = Buffer.alloc(0);
  private blockLines = 0;

  constructor(readonly keys: readonly string[]) {
    const n = keys.length;
    this.n = n;
    const slots = new Int16Array(1 << 15);
    const keyBytes = keys.map((k, i) => {
      for (let j = 0; j < k.length; j++) {
        const c = k.charCodeAt(j);
        if (c >= 128 || c < 32 || c === QUOTE || c === BACKSLASH) throw new Error(`wanted key must be plain ASCII: ${k}`);
      }
      // Exactly FieldScanner's table (what a scan sees after the key's start: the key, its quote).
      const padded = k + '"' + '"';
      const slot = slotOf(k.length, padded.charCodeAt(0), padded.charCodeAt(1));
      slots[slot] = slots[slot] === 0 ? i + 1 : -1;
      return Buffer.from(k, "latin1");
    });
    this.typeOff = REC_HEADER;
    this.fromOff = REC_HEADER + align16(n);
    this.toOff = this.fromOff + 4 * n;
    this.recSize = align16(this.toOff + 4 * n);

    const instance = new WebAssembly.Instance(scannerModule(), {});
    this.ex = instance.exports as unknown as ScannerExports;
    if (this.ex.maxDepth() !== MAX_DEPTH) throw new Error("wasm scanner and scan.ts disagree on MAX_DEPTH");
    // Layout: stack, slots, key table, key bytes, current record, input, block records.
    const stack = align16(this.ex.heapBase() + 16);
    const slotArea = align16(stack + STACK_BYTES);
    const keyTab = slotArea + SLOTS_BYTES;
    let p = keyTab + 8 * n;
    const keyAt = keyBytes.map((kb) => {
      const at = p;
      p += kb.length;
      return at;
    });
    this.cur = align16(p);
    this.input = align16(this.cur + this.recSize);
    this.recs = this.recordsAfterInput();
    this.u8 = new Uint8Array(0);
    this.i32 = new Int32Array(0);
    this.type = this.u8;
    this.from = this.to = this.i32;
    this.ensureMemory(this.recs + this.recCap * this.recSize);

    new Int16Array(this.ex.memory.buffer, slotArea, 1 << 15).set(slots);
    keyBytes.forEach((kb, i) => {
      this.u8.set(kb, keyAt[i]!);
      this.i32[(keyTab >> 2) + 2 * i] = kb.length;
      this.i32[(keyTab >> 2) + 2 * i + 1] = keyAt[i]!;
    });
    this.ex.configure(n, keyTab, slotArea, stack, this.typeOff, this.fromOff, this.toOff, this.recSize);
  }

  /**
   * Scan the line in b[start, end): FieldScanner.scan's answer. The line need not be followed by
   * a newline in `b` (it is copied, and a stop byte put after the copy).
   */
  scan(b: Buffer, start: number, end: number): boolean {
    const n = end - start;
    if (n > this.inputCap) this.growInput(n);
    this.u8.set(b.subarray(start, end), this.input);
    this.u8[this.input + n] = NL;
    this.buf = b;
    return this.ex.scanLine(this.input, this.input + n, start - this.input, this.cur) !== 0;
  }

  /**
   * Scan every newline-terminated line of b[start, end) (start must be a line start): the number of
   * lines scanned. Bytes after the last newline are not a line yet (the reader carries them to the
   * next block; for a file's last line without a newline, put one after it and include it). Lines
   * are split as the reader splits them: at \n, leaving out one CR before it. Results stay
   * available through `select` until the next scanBlock (a `scan` in between does not disturb them).
   */
  scanBlock(b: Buffer, start: number, end: number): number {
    const n = end - start;
    if (n > this.inputCap) this.growInput(n);
    this.blockLines = 0; // nothing valid until this block is done
    this.u8.set(b.subarray(start, end), this.input);
    const e = this.input + n;
    const delta = start - this.input;
    let p = this.input;
    let k = 0;
    for (;;) {
      k += this.ex.scanLines(p, e, delta, this.recs + k * this.recSize, this.recCap - k);
      p = this.ex.stopped();
      if (k < this.recCap || p >= e) break;
      this.growRecords(this.recCap * 2); // more lines than records: room for more, go on
    }
    this.blockBuf = b;
    this.blockLines = k;
    return k;
  }

  /** Make line k of the last block the current line: its scan result, and its values through typeOf/from/to/value. */
  select(k: number): boolean {
    const rec = this.record(k);
    this.ex.copyRecord(this.cur, rec);
    this.buf = this.blockBuf;
    return this.i32[rec >> 2] !== 0;
  }

  /** Number of lines of the last block. */
  get lines(): number {
    return this.blockLines;
  }

  /** Where line k of the last block starts in the block's buffer. */
  lineStart(k: number): number {
    return this.i32[(this.record(k) >> 2) + 1]!;
  }

  /** Where line k of the last block ends (before its newline, and before a CR before that). */
  lineEnd(k: number): number {
    return this.i32[(this.record(k) >> 2) + 2]!;
  }

  /** The value type of wanted key i after a successful scan (VT_NONE when absent). */
  typeOf(i: number): number {
    return this.type[i]!;
  }

  /** The JSON value of wanted key i after a successful scan (undefined when absent): FieldScanner.value. */
  value(i: number): unknown {
    const b = this.buf;
    switch (this.typeOf(i)) {
      case VT_NONE:
        return undefined;
      case VT_STRING:
        return latin1(b, this.from[i]! + 1, this.to[i]! - 1);
      case VT_NUMBER: {
        const s = this.from[i]!;
        const e = this.to[i]!;
        // As FieldScanner: a plain non-negative integer of up to 15 digits is exact in a double.
        if (e - s <= 15) {
          let v = 0;
          let k = s;
          for (; k < e; k++) {
            const d = b[k]! - D0;
            if (d < 0 || d > 9) break;
            v = v * 10 + d;
          }
          if (k === e) return v;
        }
        return JSON.parse(latin1(b, s, e));
      }
      case VT_TRUE:
        return true;
      case VT_FALSE:
        return false;
      case VT_NULL:
        return null;
      default:
        // Escaped strings, objects, arrays: JSON.parse of their own bytes.
        return JSON.parse(latin1(b, this.from[i]!, this.to[i]!));
    }
  }

  /** True when wanted key i was present with a string value (escaped or not). */
  isString(i: number): boolean {
    const t = this.typeOf(i);
    return t === VT_STRING || t === VT_STRING_ESC;
  }

  private record(k: number): number {
    if (!(k >= 0 && k < this.blockLines)) throw new RangeError(`line ${k} is not in the last block (${this.blockLines} lines)`);
    return this.recs + k * this.recSize;
  }

  private recordsAfterInput(): number {
    return align16(this.input + this.inputCap + SLACK);
  }

  /** Room for n input bytes: the records area moves up, its contents with it. */
  private growInput(n: number): void {
    const oldRecs = this.recs;
    this.inputCap = Math.max(n, this.inputCap * 2);
    this.recs = this.recordsAfterInput();
    this.ensureMemory(this.recs + this.recCap * this.recSize);
    this.u8.copyWithin(this.recs, oldRecs, oldRecs + this.blockLines * this.recSize);
  }

  private growRecords(cap: number): void {
    this.recCap = cap;
    this.ensureMemory(this.recs + cap * this.recSize);
  }

  /** Memory of at least `bytes`; views made anew when it grew (growing detaches the old buffer). */
  private ensureMemory(bytes: number): void {
    const memory = this.ex.memory;
    const have = memory.buffer.byteLength;
    if (bytes > have) memory.grow(Math.ceil((bytes - have) / PAGE));
    if (this.u8.buffer === memory.buffer) return;
    const mb = memory.buffer;
    this.u8 = new Uint8Array(mb);
    this.i32 = new Int32Array(mb);
    this.type = new Uint8Array(mb, this.cur + this.typeOff, this.n);
    this.from = new Int32Array(mb, this.cur + this.fromOff, this.n);
    this.to = new Int32Array(mb, this.cur + this.toOff, this.n);
  }
}
