/**
 * A validating byte-level scanner for one JSON-lines record: it walks the bytes of a line once,
 * checks them against the JSON grammar, and records where the values of a few wanted top-level
 * keys are, without building the object or decoding the line.
 *
 * The contract that makes it safe: `scan` returns true only when the line is plain ASCII, its
 * bytes are one valid JSON object (with only JSON whitespace around it), and every key is written
 * without escapes. Then `value(i)` gives exactly what `JSON.parse(line)[key]` gives for wanted key
 * i (the last occurrence wins, as in JSON.parse). For anything else (non-ASCII bytes, an escaped
 * key, nesting deeper than MAX_DEPTH, invalid JSON) it returns false, and the caller takes the
 * ordinary path (decode the line, JSON.parse), so every unusual line is handled by the reference
 * code and the fast path never has to be right about it.
 *
 * Values are produced lazily: an unescaped string is a latin1 slice of the bytes (ASCII, so the
 * same text); a string with escapes, a non-trivial number, an object or an array goes through
 * JSON.parse of its own bytes, which is the reference semantics by definition.
 */

/** Value types recorded for wanted keys. */
export const VT_NONE = 0;
export const VT_STRING = 1;
export const VT_STRING_ESC = 2;
export const VT_NUMBER = 3;
export const VT_TRUE = 4;
export const VT_FALSE = 5;
export const VT_NULL = 6;
export const VT_OBJECT = 7;
export const VT_ARRAY = 8;

/** Nesting deeper than this is left to JSON.parse. */
export const MAX_DEPTH = 64;

/** Node's Buffer has a fast latin1 slice that its type declarations do not list. */
type SliceableBuffer = Buffer & { latin1Slice(start: number, end: number): string };

/** The bytes b[start, end) as text, one character per byte (exact for ASCII). */
export function latin1(b: Buffer, start: number, end: number): string {
  return (b as SliceableBuffer).latin1Slice(start, end);
}

const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const LBRACE = 123;
const RBRACE = 125;
const LBRACKET = 91;
const RBRACKET = 93;
const MINUS = 45;
const PLUS = 43;
const DOT = 46;
const D0 = 48;
const D9 = 57;

/** Bytes inside a string: 0 ordinary; anything else stops the fast loop. */
const IN_STRING = new Uint8Array(256);
for (let c = 0; c < 32; c++) IN_STRING[c] = 1; // control characters are invalid inside JSON strings
IN_STRING[QUOTE] = 1;
IN_STRING[BACKSLASH] = 1;
for (let c = 128; c < 256; c++) IN_STRING[c] = 1; // non-ASCII: not this scanner's business

/** Characters allowed after a backslash (besides u). */
const SIMPLE_ESCAPE = new Uint8Array(256);
for (const ch of '"\\/bfnrt') SIMPLE_ESCAPE[ch.charCodeAt(0)] = 1;

const HEX_DIGIT = new Uint8Array(256);
for (const ch of "0123456789abcdefABCDEF") HEX_DIGIT[ch.charCodeAt(0)] = 1;

function slotOf(length: number, b0: number, b1: number): number {
  return ((length & 31) << 10) | ((b0 & 31) << 5) | (b1 & 31);
}

function isWs(c: number): boolean {
  return c === 32 || c === 9 || c === 13 || c === 10;
}

export class FieldScanner {
  /** Per wanted key: value type (VT_*), and the value's byte range [from, to) (strings with quotes). */
  readonly type: Uint8Array;
  readonly from: Int32Array;
  readonly to: Int32Array;
  /** The scan in which each wanted key was last seen (so nothing is cleared per line). */
  private readonly seen: Int32Array;
  private generation = 0;
  /** For a line not followed by a newline in its buffer: a copy with one. */
  private spare = Buffer.alloc(0);
  /** Wanted keys by length: flat lists of [keyIndex, ...bytes]. */
  private readonly byLength: Uint8Array[][];
  /** Key bytes by index. */
  private readonly keyBytes: Uint8Array[];
  /**
   * A first look-up by (length, first two bytes): 0 no wanted key, k+1 only key k can match,
   * -1 several can (then the list by length decides).
   */
  private readonly slots = new Int16Array(1 << 15);
  /** The buffer of the last scan (the line's own, or `spare`). */
  buf: Buffer = Buffer.alloc(0);

  constructor(readonly keys: readonly string[]) {
    const n = keys.length;
    this.type = new Uint8Array(n);
    this.from = new Int32Array(n);
    this.to = new Int32Array(n);
    this.seen = new Int32Array(n);
    this.byLength = [];
    keys.forEach((k, i) => {
      for (let j = 0; j < k.length; j++) {
        const c = k.charCodeAt(j);
        if (c >= 128 || c < 32 || c === QUOTE || c === BACKSLASH) throw new Error(`wanted key must be plain ASCII: ${k}`);
      }
      const list = (this.byLength[k.length] ??= []);
      list.push(Uint8Array.from([i, ...Buffer.from(k, "latin1")]));
      // The bytes a scan sees after the key's start: the key, then its closing quote.
      const padded = k + '"' + '"';
      const slot = slotOf(k.length, padded.charCodeAt(0), padded.charCodeAt(1));
      this.slots[slot] = this.slots[slot] === 0 ? i + 1 : -1;
    });
    this.keyBytes = keys.map((k) => Buffer.from(k, "latin1"));
  }

  /**
   * Scan the line in b[start, end). True when it is a plain-ASCII JSON object that this scanner
   * fully understood; the wanted values are then available through `value`.
   *
   * Inner loops run without bounds checks: the byte at b[end] must stop them, so a line not
   * followed by its newline (or the CR before it) in `b` is first copied with one.
   */
  scan(b: Buffer, start: number, end: number): boolean {
    if (end >= b.length || (b[end] !== 10 && b[end] !== 13)) {
      const n = end - start;
      if (this.spare.length < n + 1) this.spare = Buffer.allocUnsafe(Math.max(n + 1, this.spare.length * 2));
      b.copy(this.spare, 0, start, end);
      this.spare[n] = 10;
      b = this.spare;
      start = 0;
      end = n;
    }
    this.buf = b;
    if (this.generation === 0x7fffffff) {
      this.seen.fill(0);
      this.generation = 0;
    }
    const gen = ++this.generation;
    let i = start;
    while (i < end && isWs(b[i]!)) i++;
    if (b[i] !== LBRACE) return false;
    i++;
    while (i < end && isWs(b[i]!)) i++;
    if (b[i] === RBRACE) return this.tail(b, i + 1, end);
    for (;;) {
      // key: a string without escapes (b[end] is a control byte, so the loop stops there)
      if (b[i] !== QUOTE) return false;
      const ks = i + 1;
      let j = ks;
      while (IN_STRING[b[j]!] === 0) j++;
      if (b[j] !== QUOTE || j >= end) return false;
      const sl = this.slots[slotOf(j - ks, b[ks]!, b[ks + 1]!)]!;
      const id = sl === 0 ? -1 : sl > 0 ? this.isKey(sl - 1, b, ks, j) : this.keyIndex(b, ks, j);
      i = j + 1;
      if (b[i] !== COLON) {
        while (i < end && isWs(b[i]!)) i++;
        if (b[i] !== COLON) return false;
      }
      i++;
      if (isWs(b[i]!)) while (i < end && isWs(b[i]!)) i++;
      // value
      const vs = i;
      const c = b[i]!;
      let t: number;
      if (c === QUOTE) {
        j = i + 1;
        t = VT_STRING;
        for (;;) {
          // Four bytes a step while none is special (b[end] is, so this stops at the line end).
          while ((IN_STRING[b[j]!]! | IN_STRING[b[j + 1]!]! | IN_STRING[b[j + 2]!]! | IN_STRING[b[j + 3]!]!) === 0) j += 4;
          while (IN_STRING[b[j]!] === 0) j++;
          const d = b[j]!;
          if (d === QUOTE) break;
          if (d !== BACKSLASH || j >= end) return false;
          j = this.escape(b, j, end);
          if (j < 0) return false;
          t = VT_STRING_ESC;
        }
        if (j >= end) return false;
        i = j + 1;
      } else if (c === LBRACE || c === LBRACKET) {
        i = this.skipNested(b, i, end);
        if (i < 0) return false;
        t = c === LBRACE ? VT_OBJECT : VT_ARRAY;
      } else if (c === MINUS || (c >= D0 && c <= D9)) {
        i = number(b, i, end);
        if (i < 0) return false;
        t = VT_NUMBER;
      } else if (c === 116 /* t */) {
        if (!literal(b, i, end, "true")) return false;
        i += 4;
        t = VT_TRUE;
      } else if (c === 102 /* f */) {
        if (!literal(b, i, end, "false")) return false;
        i += 5;
        t = VT_FALSE;
      } else if (c === 110 /* n */) {
        if (!literal(b, i, end, "null")) return false;
        i += 4;
        t = VT_NULL;
      } else return false;
      if (id >= 0) {
        this.seen[id] = gen;
        this.type[id] = t;
        this.from[id] = vs;
        this.to[id] = i;
      }
      let sep = b[i]!;
      if (sep !== COMMA && sep !== RBRACE) {
        while (i < end && isWs(b[i]!)) i++;
        if (i >= end) return false;
        sep = b[i]!;
      }
      i++;
      if (sep === COMMA) {
        if (b[i] !== QUOTE) while (i < end && isWs(b[i]!)) i++;
        continue;
      }
      if (sep === RBRACE) return this.tail(b, i, end);
      return false;
    }
  }

  /** The value type of wanted key i after a successful scan (VT_NONE when absent). */
  typeOf(i: number): number {
    return this.seen[i] === this.generation ? this.type[i]! : VT_NONE;
  }

  /** The JSON value of wanted key i after a successful scan (undefined when absent). */
  value(i: number): unknown {
    return scannedValue(this.buf, this.typeOf(i), this.from[i]!, this.to[i]!);
  }

  /** True when wanted key i was present with a string value (escaped or not). */
  isString(i: number): boolean {
    const t = this.typeOf(i);
    return t === VT_STRING || t === VT_STRING_ESC;
  }

  /** After the closing brace: only whitespace may follow. */
  private tail(b: Buffer, i: number, end: number): boolean {
    while (i < end && isWs(b[i]!)) i++;
    return i === end;
  }

  /** k when b[s, e) are the bytes of wanted key k, else -1. */
  private isKey(k: number, b: Buffer, s: number, e: number): number {
    const kb = this.keyBytes[k]!;
    if (kb.length !== e - s) return -1;
    for (let i = 0; i < kb.length; i++) if (kb[i] !== b[s + i]) return -1;
    return k;
  }

  /** Index of a wanted key with bytes b[s, e), or -1. */
  private keyIndex(b: Buffer, s: number, e: number): number {
    const list = this.byLength[e - s];
    if (list === undefined) return -1;
    outer: for (let n = 0; n < list.length; n++) {
      const k = list[n]!;
      for (let j = 1, p = s; p < e; j++, p++) if (k[j] !== b[p]) continue outer;
      return k[0]!;
    }
    return -1;
  }

  /** A backslash escape at b[j]: index after it, or -1 when invalid. */
  private escape(b: Buffer, j: number, end: number): number {
    if (j + 1 >= end) return -1;
    const n = b[j + 1]!;
    if (SIMPLE_ESCAPE[n] === 1) return j + 2;
    if (n !== 117 /* u */ || j + 6 > end) return -1;
    if (HEX_DIGIT[b[j + 2]!] === 0 || HEX_DIGIT[b[j + 3]!] === 0 || HEX_DIGIT[b[j + 4]!] === 0 || HEX_DIGIT[b[j + 5]!] === 0) return -1;
    return j + 6;
  }

  /**
   * A nested object or array starting at b[i]: validated, index after it, or -1 (invalid, cut off,
   * non-ASCII, or deeper than MAX_DEPTH).
   */
  private skipNested(b: Buffer, i: number, end: number): number {
    // stack[d] is the closing byte expected at depth d.
    const stack = this.stack;
    let depth = 0;
    stack[depth++] = b[i] === LBRACE ? RBRACE : RBRACKET;
    i++;
    // State: at the start of a container (may close immediately), else after a value.
    let first = true;
    for (;;) {
      while (i < end && isWs(b[i]!)) i++;
      if (i >= end) return -1;
      const close = stack[depth - 1]!;
      if (first && b[i] === close) {
        i++;
        depth--;
        if (depth === 0) return i;
        first = false;
        continue;
      }
      if (!first) {
        // After a value: a comma, or the container's end.
        const c = b[i]!;
        if (c === close) {
          i++;
          depth--;
          if (depth === 0) return i;
          continue;
        }
        if (c !== COMMA) return -1;
        i++;
        while (i < end && isWs(b[i]!)) i++;
        if (i >= end) return -1;
      }
      first = false;
      if (close === RBRACE) {
        // a member: "key" : value
        if (b[i] !== QUOTE) return -1;
        i = this.skipString(b, i, end);
        if (i < 0) return -1;
        while (i < end && isWs(b[i]!)) i++;
        if (i >= end || b[i] !== COLON) return -1;
        i++;
        while (i < end && isWs(b[i]!)) i++;
        if (i >= end) return -1;
      }
      const c = b[i]!;
      if (c === QUOTE) i = this.skipString(b, i, end);
      else if (c === LBRACE || c === LBRACKET) {
        if (depth >= MAX_DEPTH) return -1;
        stack[depth++] = c === LBRACE ? RBRACE : RBRACKET;
        i++;
        first = true;
        continue;
      } else if (c === MINUS || (c >= D0 && c <= D9)) i = number(b, i, end);
      else if (c === 116) i = literal(b, i, end, "true") ? i + 4 : -1;
      else if (c === 102) i = literal(b, i, end, "false") ? i + 5 : -1;
      else if (c === 110) i = literal(b, i, end, "null") ? i + 4 : -1;
      else return -1;
      if (i < 0) return -1;
    }
  }

  private readonly stack = new Uint8Array(MAX_DEPTH + 1);

  /** A string starting at the quote b[i]: index after its closing quote, or -1. */
  private skipString(b: Buffer, i: number, end: number): number {
    let j = i + 1;
    for (;;) {
      while ((IN_STRING[b[j]!]! | IN_STRING[b[j + 1]!]! | IN_STRING[b[j + 2]!]! | IN_STRING[b[j + 3]!]!) === 0) j += 4;
      while (j < end && IN_STRING[b[j]!] === 0) j++;
      if (j >= end) return -1;
      const d = b[j]!;
      if (d === QUOTE) return j + 1;
      if (d !== BACKSLASH) return -1;
      j = this.escape(b, j, end);
      if (j < 0) return -1;
    }
  }
}

/** A JSON number starting at b[i]: index after it, or -1 when it is not valid JSON. */
function number(b: Buffer, i: number, end: number): number {
  if (b[i] === MINUS) i++;
  if (i >= end) return -1;
  let c = b[i]!;
  if (c === D0) i++;
  else if (c > D0 && c <= D9) {
    i++;
    while (i < end && (c = b[i]!) >= D0 && c <= D9) i++;
  } else return -1;
  if (i < end && b[i] === DOT) {
    i++;
    const s = i;
    while (i < end && (c = b[i]!) >= D0 && c <= D9) i++;
    if (i === s) return -1;
  }
  if (i < end && (b[i] === 101 || b[i] === 69) /* e E */) {
    i++;
    if (i < end && (b[i] === PLUS || b[i] === MINUS)) i++;
    const s = i;
    while (i < end && (c = b[i]!) >= D0 && c <= D9) i++;
    if (i === s) return -1;
  }
  return i;
}

function literal(b: Buffer, i: number, end: number, word: string): boolean {
  if (i + word.length > end) return false;
  for (let k = 0; k < word.length; k++) if (b[i + k] !== word.charCodeAt(k)) return false;
  return true;
}

/**
 * What JSON.parse gives for a scanned value: type t (VT_*), bytes b[from, to) (strings with their
 * quotes). Shared by both scanners.
 */
export function scannedValue(b: Buffer, t: number, from: number, to: number): unknown {
  switch (t) {
    case VT_NONE:
      return undefined;
    case VT_STRING:
      return latin1(b, from + 1, to - 1);
    case VT_NUMBER: {
      // A plain non-negative integer of up to 15 digits is exact in a double: read it directly.
      // Anything else (sign, fraction, exponent, long) is JSON.parse's to convert.
      if (to - from <= 15) {
        let n = 0;
        let k = from;
        for (; k < to; k++) {
          const d = b[k]! - D0;
          if (d < 0 || d > 9) break;
          n = n * 10 + d;
        }
        if (k === to) return n;
      }
      return JSON.parse(latin1(b, from, to));
    }
    case VT_TRUE:
      return true;
    case VT_FALSE:
      return false;
    case VT_NULL:
      return null;
    default:
      // Escaped strings, objects, arrays: JSON.parse of their own bytes.
      return JSON.parse(latin1(b, from, to));
  }
}
