/**
 * Strings from bytes, reusing the string made the last time the same bytes were seen (addresses,
 * usernames, event values repeat a lot). Saves making a new string per line and lets Maps find
 * keys whose hash is already computed. A direct-mapped cache: a slot holds the last string that
 * hashed there; a miss just makes the string. Only for ASCII bytes (one byte = one character).
 */
import { latin1 } from "./scan.ts";

/** Longer values are made directly: hashing and comparing them costs more than it saves. */
const MAX_INTERNED = 64;

export class Interner {
  private readonly slots: (string | undefined)[];
  private readonly mask: number;

  constructor(bits = 15) {
    this.slots = new Array<string | undefined>(1 << bits).fill(undefined);
    this.mask = (1 << bits) - 1;
  }

  /** The text of the ASCII bytes b[start, end). */
  get(b: Buffer, start: number, end: number): string {
    const n = end - start;
    if (n > MAX_INTERNED) return latin1(b, start, end);
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ b[i]!, 0x01000193);
    h = (h ^ (h >>> 16)) & this.mask;
    const c = this.slots[h];
    if (c !== undefined && c.length === n) {
      let k = 0;
      while (k < n && c.charCodeAt(k) === b[start + k]) k++;
      if (k === n) return c;
    }
    const s = latin1(b, start, end);
    this.slots[h] = s;
    return s;
  }
}
