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
 *
 * Value keys (what FieldScanner does not do): for the wanted keys given as `keyed`, a valid line's
 * unescaped string value (VT_STRING) of at most MAX_KEYED bytes gets a key in a table in wasm
 * memory, made during the scan (`scan` and `scanBlock` alike, the same table): `keyOf(i)` after a
 * scan or select, -1 for any other value or when the table is full. One key per distinct value,
 * given in order of first sight and stable for the scanner's life. `strings` (a StringTable) makes
 * each key's string once, the first time a caller asks for it (`strings.text`), from the bytes of
 * the line at hand: a key's bytes are the same in every line, so any line makes the same text.
 */
import { FieldScanner, MAX_DEPTH, VT_STRING, VT_STRING_ESC, latin1, scannedValue } from "./scan.ts";
import { MAX_KEYED, type StringTable } from "./intern.ts";
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
  configure(n: number, keyTable: number, slots: number, stack: number, typeOff: number, fromOff: number, toOff: number, keyOff: number, recSize: number, nKeyed: number, keyed: number): void;
  stopped(): number;
  wantsRoom(): number;
  scanLine(s: number, end: number, delta: number, rec: number): number;
  scanLines(p: number, e: number, delta: number, recs: number, maxLines: number): number;
  copyRecord(to: number, from: number): void;
  configureTable(slots: number, mask: number, arena: number, arenaCap: number, maxEntries: number, roomCount: number, roomUsed: number, hashMask: number): void;
  tableCount(): number;
  tableUsed(): number;
  lookup(p: number, n: number): number;
  rehash(): void;
}

/** The value table's sizes and bounds (the defaults are StringTable's bounds; tests make it tiny). */
export interface TableOptions {
  /** log2 of the first number of slots. */
  bits?: number;
  /** At most this many keys… */
  maxEntries?: number;
  /** …and this many arena bytes (an entry: 8 bytes + its value, padded to 8); then new values get -1. */
  maxArena?: number;
  /** Hash bits kept (tests: few, so that different values share hashes). */
  hashBits?: number;
}

const QUOTE = 34;
const BACKSLASH = 92;
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
/** The value table: slot bytes, an entry's most bytes (8 + MAX_KEYED), room after the arena. */
const SLOT_BYTES = 8;
const ENTRY_MAX = 8 + MAX_KEYED;
const ARENA_SLACK = 16;
const FIRST_ARENA = 64 << 10;
const NEVER = 0x7fffffff;

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
  /** Current line's value keys (-1: none); view of wasm memory, as type/from/to. */
  key: Int32Array;
  /** The strings of the value keys (the EventKeys table of events made from this scanner's lines). */
  readonly strings: ScanStrings;
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
  private readonly keyOff: number;
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
  /** The value table, above the records: slots, then the arena (which can grow in place). */
  private slots = 0;
  private slotCap: number;
  private arena = 0;
  private arenaCap = FIRST_ARENA;
  private readonly maxSlots: number;
  private readonly maxEntries: number;
  private readonly maxArena: number;
  private readonly hashMask: number;
  /** New values a line can bring (keys made per line at most; at least 1 for `lookup`). */
  private readonly perLine: number;
  /** Where `lookup` copies a value to (MAX_KEYED bytes, then slack). */
  private readonly scratch: number;

  /**
   * `keys`: the wanted top-level keys. `keyed`: indices into `keys` whose short unescaped string
   * values get value keys (`keyOf`); none by default.
   */
  constructor(
    readonly keys: readonly string[],
    keyed: readonly number[] = [],
    table: TableOptions = {},
  ) {
    const n = keys.length;
    this.n = n;
    const keyedSet = [...new Set(keyed)];
    for (const i of keyedSet) if (!(Number.isInteger(i) && i >= 0 && i < n)) throw new RangeError(`keyed index ${i} is not a wanted key's`);
    this.maxEntries = table.maxEntries ?? 1 << 23;
    this.maxArena = table.maxArena ?? 256 << 20;
    this.maxSlots = 2 ** Math.ceil(Math.log2(2 * Math.max(this.maxEntries, 1)));
    this.slotCap = Math.min(2 ** (table.bits ?? 12), this.maxSlots);
    this.arenaCap = Math.min(FIRST_ARENA, this.maxArena);
    this.hashMask = table.hashBits === undefined || table.hashBits >= 32 ? -1 : (1 << table.hashBits) - 1;
    this.perLine = Math.max(keyedSet.length, 1);
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
    this.keyOff = align16(this.toOff + 4 * n);
    this.recSize = this.keyOff + align16(4 * n);

    const instance = new WebAssembly.Instance(scannerModule(), {});
    this.ex = instance.exports as unknown as ScannerExports;
    if (this.ex.maxDepth() !== MAX_DEPTH) throw new Error("wasm scanner and scan.ts disagree on MAX_DEPTH");
    // Layout: stack, slots, key table, keyed list, key bytes, current record, scratch, input,
    // block records, value table (slots, arena). What grows moves what lies above it up.
    const stack = align16(this.ex.heapBase() + 16);
    const slotArea = align16(stack + STACK_BYTES);
    const keyTab = slotArea + SLOTS_BYTES;
    const keyedList = keyTab + 8 * n;
    let p = keyedList + 4 * keyedSet.length;
    const keyAt = keyBytes.map((kb) => {
      const at = p;
      p += kb.length;
      return at;
    });
    this.cur = align16(p);
    this.scratch = align16(this.cur + this.recSize);
    this.input = align16(this.scratch + MAX_KEYED + SLACK);
    this.recs = this.recordsAfterInput();
    this.u8 = new Uint8Array(0);
    this.i32 = new Int32Array(0);
    this.type = this.u8;
    this.from = this.to = this.key = this.i32;
    this.strings = new ScanStrings(this);
    this.place(this.recs, this.slotCap, this.arenaCap);

    new Int16Array(this.ex.memory.buffer, slotArea, 1 << 15).set(slots);
    keyBytes.forEach((kb, i) => {
      this.u8.set(kb, keyAt[i]!);
      this.i32[(keyTab >> 2) + 2 * i] = kb.length;
      this.i32[(keyTab >> 2) + 2 * i + 1] = keyAt[i]!;
    });
    this.i32.set(keyedSet, keyedList >> 2);
    this.ex.configure(n, keyTab, slotArea, stack, this.typeOff, this.fromOff, this.toOff, this.keyOff, this.recSize, keyedSet.length, keyedList);
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
    let ok = this.ex.scanLine(this.input, this.input + n, start - this.input, this.cur);
    while (ok < 0) {
      this.growTable();
      ok = this.ex.scanLine(this.input, this.input + n, start - this.input, this.cur);
    }
    return ok !== 0;
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
      if (this.ex.wantsRoom() !== 0) this.growTable(); // the value table is full: room, go on
      else if (k < this.recCap || p >= e) break;
      else this.growRecords(this.recCap * 2); // more lines than records: room for more, go on
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

  /** The value key of wanted key i for the current line (-1: not keyed, not a short unescaped string, or the table is full). */
  keyOf(i: number): number {
    return this.key[i]!;
  }

  /** Number of value keys given so far. */
  get keyCount(): number {
    return this.ex.tableCount();
  }

  /** The value key of the bytes b[start, end) (not from a line: as if a keyed value), -1 when long or the table is full. */
  lookup(b: Buffer, start: number, end: number): number {
    const n = end - start;
    if (n > MAX_KEYED) return -1;
    this.u8.set(b.subarray(start, end), this.scratch);
    let k = this.ex.lookup(this.scratch, n);
    while (k === -2) {
      this.growTable();
      k = this.ex.lookup(this.scratch, n);
    }
    return k;
  }

  /** The value type of wanted key i after a successful scan (VT_NONE when absent). */
  typeOf(i: number): number {
    return this.type[i]!;
  }

  /** The JSON value of wanted key i after a successful scan (undefined when absent): FieldScanner.value. */
  value(i: number): unknown {
    return scannedValue(this.buf, this.typeOf(i), this.from[i]!, this.to[i]!);
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

  /** Room for n input bytes: the records and the value table move up, their contents with them. */
  private growInput(n: number): void {
    this.inputCap = Math.max(n, this.inputCap * 2);
    this.place(this.recordsAfterInput(), this.slotCap, this.arenaCap);
  }

  private growRecords(cap: number): void {
    this.recCap = cap;
    this.place(this.recs, this.slotCap, this.arenaCap);
  }

  /**
   * Room in the value table for a line's new values (`perLine`): more slots (kept at most half
   * full) or arena bytes, each doubled, up to their bounds.
   */
  private growTable(): void {
    const count = this.ex.tableCount();
    const used = this.ex.tableUsed();
    let slotCap = this.slotCap;
    while (slotCap < this.maxSlots && (count + this.perLine) * 2 > slotCap) slotCap *= 2;
    let arenaCap = this.arenaCap;
    if (arenaCap < this.maxArena && used + this.perLine * ENTRY_MAX > arenaCap) {
      arenaCap = Math.min(this.maxArena, Math.max(arenaCap * 2, used + this.perLine * ENTRY_MAX));
    }
    if (slotCap === this.slotCap && arenaCap === this.arenaCap) throw new Error("value table asked for room it has");
    this.place(this.recs, slotCap, arenaCap);
  }

  /**
   * Lay the records out at `recs` and the value table above them, with these sizes, moving what
   * moved (everything only ever moves up: highest first, so nothing is overwritten before it is
   * copied), and tell the wasm. New slots are made anew from the arena (`rehash`).
   */
  private place(recs: number, slotCap: number, arenaCap: number): void {
    const slots = align16(recs + this.recCap * this.recSize);
    const arena = slots + slotCap * SLOT_BYTES;
    this.ensureMemory(arena + arenaCap + ARENA_SLACK);
    const first = this.arena === 0;
    const used = first ? 0 : this.ex.tableUsed();
    if (!first && arena !== this.arena) this.u8.copyWithin(arena, this.arena, this.arena + used);
    const rehash = !first && slotCap !== this.slotCap;
    if (!first && !rehash && slots !== this.slots) this.u8.copyWithin(slots, this.slots, this.slots + slotCap * SLOT_BYTES);
    if (recs !== this.recs) this.u8.copyWithin(recs, this.recs, this.recs + this.blockLines * this.recSize);
    this.recs = recs;
    this.slots = slots;
    this.slotCap = slotCap;
    this.arena = arena;
    this.arenaCap = arenaCap;
    const roomCount = slotCap < this.maxSlots ? slotCap / 2 - this.perLine : NEVER;
    const roomUsed = arenaCap < this.maxArena ? arenaCap - this.perLine * ENTRY_MAX : NEVER;
    this.ex.configureTable(slots, slotCap - 1, arena, arenaCap, this.maxEntries, roomCount, roomUsed, this.hashMask);
    if (rehash) this.ex.rehash();
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
    this.key = new Int32Array(mb, this.cur + this.keyOff, this.n);
  }
}

/**
 * The strings of a WasmFieldScanner's value keys: a StringTable whose look-up is the wasm table's,
 * made during the scan. `strings[k]` is made the first time key k is asked for (`text`); until
 * then it is undefined (a key that no event carries is never asked for).
 */
export class ScanStrings implements StringTable {
  readonly strings: string[] = [];
  lastKey = -1;

  constructor(private readonly sc: WasmFieldScanner) {}

  get size(): number {
    return this.sc.keyCount;
  }

  /** The text of key k, whose value's bytes are b[start, end) (those of the line at hand). */
  text(k: number, b: Buffer, start: number, end: number): string {
    const strings = this.strings;
    if (k < strings.length) return (strings[k] ??= latin1(b, start, end));
    // Keys not asked for yet (values of lines no event was made from) wait as undefined.
    while (strings.length < k) strings.push(undefined as unknown as string);
    const s = latin1(b, start, end);
    strings.push(s);
    return s;
  }

  /** StringTable.get: the text of the ASCII bytes b[start, end), its key in `lastKey`. */
  get(b: Buffer, start: number, end: number): string {
    const k = this.sc.lookup(b, start, end);
    this.lastKey = k;
    return k < 0 ? latin1(b, start, end) : this.text(k, b, start, end);
  }
}

/**
 * The WebAssembly scanner (3-4× faster, the same answers: tests/perf/wasm-scan.test.ts; keys of
 * the `keyed` fields' values made during the scan), or the JavaScript one where WebAssembly SIMD
 * is not available. What the fast paths construct.
 */
export function scannerFor(keys: readonly string[], keyed: readonly number[] = []): ScannedLine {
  try {
    return new WasmFieldScanner(keys, keyed);
  } catch {
    return new FieldScanner(keys);
  }
}
