/**
 * Strings from bytes, each distinct value made once and given a small id (its key). Addresses,
 * usernames, passwords repeat a lot: a line's value becomes the string already made for the same
 * bytes (no new string per line, and Maps find keys whose hash is already computed), and counting
 * can use the key instead of the string (aggregate/tally.ts: an array index instead of a look-up
 * in a Map of tens of thousands of strings).
 *
 * Two implementations of StringTable: JsStringTable here, and the WebAssembly scanner's
 * (wasmScan.ts ScanStrings), whose look-up is made in wasm during the scan itself.
 *
 * JsStringTable: an open-addressing table over the bytes, which are kept in an arena to compare
 * against. Only for ASCII bytes (one byte = one character), values up to MAX_KEYED bytes. Keys stay
 * valid for the table's life; past MAX_ENTRIES or MAX_ARENA a new value is made as a plain string
 * and gets no key (-1): memory stays bounded however long a thread lives.
 */
import { latin1 } from "./scan.ts";

/**
 * Strings from bytes with a key per distinct short value. What counting reads of it (EventKeys):
 * `strings[k]`, the text of key k (for every key an event carries), for the table's life.
 */
export interface StringTable {
  readonly strings: string[];
  /** The key of the last `get` (-1 when the value got none). */
  readonly lastKey: number;
  /** Number of keys given. */
  readonly size: number;
  /** The text of the ASCII bytes b[start, end); its key is then in `lastKey`. */
  get(b: Buffer, start: number, end: number): string;
}

/** Longer values get no key: hashing and comparing them costs more than it saves. */
export const MAX_KEYED = 64;
const MAX_ENTRIES = 1 << 23;
const MAX_ARENA = 256 << 20;

export class JsStringTable implements StringTable {
  /** The string of each key. */
  readonly strings: string[] = [];
  /** Slot → key + 1 (0: empty). */
  private slots: Int32Array<ArrayBuffer>;
  private mask: number;
  /** Per key: its hash, and where its bytes are in the arena. */
  private hashes: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private offsets: Int32Array<ArrayBuffer> = new Int32Array(1024);
  private arena: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 16);
  private arenaUsed = 0;
  /** The key of the last `get` (-1 when the value got none). */
  lastKey = -1;

  constructor(bits = 12) {
    this.slots = new Int32Array(1 << bits);
    this.mask = (1 << bits) - 1;
  }

  get size(): number {
    return this.strings.length;
  }

  /** The text of the ASCII bytes b[start, end); its key is then in `lastKey`. */
  get(b: Buffer, start: number, end: number): string {
    const n = end - start;
    if (n > MAX_KEYED) {
      this.lastKey = -1;
      return latin1(b, start, end);
    }
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    h ^= h >>> 16;
    const slots = this.slots;
    const mask = this.mask;
    for (let s = h & mask; ; s = (s + 1) & mask) {
      const k1 = slots[s]!;
      if (k1 === 0) break;
      const k = k1 - 1;
      if (this.hashes[k] !== h) continue;
      const off = this.offsets[k]!;
      if (this.offsets[k + 1]! - off !== n) continue;
      const a = this.arena;
      let i = 0;
      while (i < n && a[off + i] === b[start + i]) i++;
      if (i === n) {
        this.lastKey = k;
        return this.strings[k]!;
      }
    }
    const s = latin1(b, start, end);
    this.lastKey = this.insert(b, start, end, h, s);
    return s;
  }

  /** A new value: its key, or -1 when the table is full. */
  private insert(b: Buffer, start: number, end: number, h: number, s: string): number {
    const k = this.strings.length;
    const n = end - start;
    if (k >= MAX_ENTRIES || this.arenaUsed + n > MAX_ARENA) return -1;
    if (k + 2 > this.offsets.length) {
      this.hashes = grow(this.hashes, this.hashes.length * 2);
      this.offsets = grow(this.offsets, this.offsets.length * 2);
    }
    if (this.arenaUsed + n > this.arena.length) {
      const a = new Uint8Array(Math.max(this.arena.length * 2, this.arenaUsed + n));
      a.set(this.arena.subarray(0, this.arenaUsed));
      this.arena = a;
    }
    b.copy(this.arena, this.arenaUsed, start, end);
    this.offsets[k] = this.arenaUsed;
    this.arenaUsed += n;
    this.offsets[k + 1] = this.arenaUsed;
    this.hashes[k] = h;
    this.strings.push(s);
    // At most half full, so probes stay short.
    if ((k + 1) * 2 > this.slots.length) this.rehash(this.slots.length * 2);
    else this.place(k);
    return k;
  }

  private place(k: number): void {
    const mask = this.mask;
    let s = this.hashes[k]! & mask;
    while (this.slots[s] !== 0) s = (s + 1) & mask;
    this.slots[s] = k + 1;
  }

  private rehash(size: number): void {
    this.slots = new Int32Array(size);
    this.mask = size - 1;
    for (let k = 0; k < this.strings.length; k++) this.place(k);
  }
}

function grow(a: Int32Array<ArrayBuffer>, n: number): Int32Array<ArrayBuffer> {
  const b = new Int32Array(n);
  b.set(a);
  return b;
}

/**
 * What a lean event carries besides its fields (cowrie.ts): the keys of its address, username and
 * password in the table of the parser that made it (-1: none), and that table.
 */
export interface EventKeys {
  keys: StringTable;
  srcKey: number;
  userKey: number;
  passKey: number;
}
