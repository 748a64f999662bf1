// @ts-nocheck -- AssemblyScript, compiled by build.ts (asc), never by tsc: the project's tsconfig
// includes scripts/**/*.ts, and AssemblyScript's builtins (load<u8>, v128, usize) are not TypeScript's.
/**
 * FieldScanner (../scan.ts) for WebAssembly with 128-bit SIMD: the same validating scan of one
 * JSON-lines record, the same answer for every line, byte for byte. Read scan.ts's header for the
 * contract; this file mirrors its control flow step by step so the two can be compared by eye,
 * and tests/perf/wasm-scan.test.ts holds them to each other on real, tricky and fuzzed lines.
 *
 * What differs is only how bytes are found: the loops over string bodies test 16 bytes per step
 * (one compare for quote, backslash, and — as a signed compare — every byte below 0x20 or at or
 * above 0x80 at once), and a block of lines is split at its newlines here too, so a caller crosses
 * into wasm once per block instead of once per line.
 *
 * Memory is the host's (../wasmScan.ts): it lays out every area, writes the key tables, copies the
 * bytes in, and grows the memory; this module keeps no data of its own and allocates nothing.
 *
 * One addition FieldScanner does not have: the value table. For wanted keys the host marks as
 * keyed, a valid line's unescaped string value of at most MAX_KEYED bytes gets a key, a small
 * integer per distinct value, from a hash table in this memory (see "Value table" below); the
 * host turns keys into strings (one per distinct value) and counting counts by key.
 *
 * Bounds, as in scan.ts: a line is bytes [s, end) and the byte at `end` is a control byte (its
 * newline or the CR before it, or a newline the host put there), which stops every unbounded loop.
 * 16-byte loads may read up to 15 bytes past `end`: the host leaves that much room after its data.
 * Functions that return a position return 0 for "invalid": no line ever starts at address 0.
 */

// Keep these in step with scan.ts (the host checks MAX_DEPTH against it).
const VT_STRING: u8 = 1;
const VT_STRING_ESC: u8 = 2;
const VT_NUMBER: u8 = 3;
const VT_TRUE: u8 = 4;
const VT_FALSE: u8 = 5;
const VT_NULL: u8 = 6;
const VT_OBJECT: u8 = 7;
const VT_ARRAY: u8 = 8;
const MAX_DEPTH: i32 = 64;

const QUOTE: u32 = 34;
const BACKSLASH: u32 = 92;
const COMMA: u32 = 44;
const COLON: u32 = 58;
const LBRACE: u32 = 123;
const RBRACE: u32 = 125;
const LBRACKET: u32 = 91;
const RBRACKET: u32 = 93;
const MINUS: u32 = 45;
const PLUS: u32 = 43;
const DOT: u32 = 46;
const D0: u32 = 48;
const NL: u32 = 10;
const CR: u32 = 13;

/**
 * Record layout (the host computes the offsets, 16-byte aligned): ok, line start, line end (i32
 * each, in a 16-byte header), then per key a type byte (padded to a multiple of 16), from, to, and
 * (padded to a multiple of 16 bytes) its value's key or -1.
 */
const REC_OK: usize = 0;
const REC_START: usize = 4;
const REC_END: usize = 8;

// The layout, given once by `configure` (addresses in this memory).
let nKeys: i32 = 0;
/** Per wanted key: i32 length, i32 address of its bytes. */
let keyTab: usize = 0;
/** FieldScanner's `slots` (i16 per (length, first two bytes)), written by the host. */
let slots: usize = 0;
/** Closing byte expected per nesting depth (u8[MAX_DEPTH + 1]). */
let stack: usize = 0;
let typeOff: usize = 0;
let fromOff: usize = 0;
let toOff: usize = 0;
let recSize: usize = 0;
let keyOff: usize = 0;
/** Keyed wanted keys: how many, and their indices (i32 each). */
let nKeyed: i32 = 0;
let keyedList: usize = 0;
/** Where the last `scanLines` stopped: the start of the first line it did not scan. */
let stoppedAt: usize = 0;
/** Whether it stopped there because the value table needs more room (the host grows it, then goes on). */
let wantRoom: i32 = 0;

export function maxDepth(): i32 {
  return MAX_DEPTH;
}

/** Where this module's own static data ends: the host lays its areas out above it. */
export function heapBase(): usize {
  return __heap_base;
}

export function configure(n: i32, keyTable: usize, slotTable: usize, stackArea: usize, types: usize, froms: usize, tos: usize, keys: usize, size: usize, keyedN: i32, keyed: usize): void {
  nKeys = n;
  keyOff = keys;
  nKeyed = keyedN;
  keyedList = keyed;
  keyTab = keyTable;
  slots = slotTable;
  stack = stackArea;
  typeOff = types;
  fromOff = froms;
  toOff = tos;
  recSize = size;
}

export function stopped(): usize {
  return stoppedAt;
}

export function wantsRoom(): i32 {
  return wantRoom;
}

// @ts-ignore: decorator
@inline function isWs(c: u32): bool {
  return c == 32 || c == 9 || c == 13 || c == 10;
}

// @ts-ignore: decorator
@inline function isDigit(c: u32): bool {
  return c - D0 < 10;
}

// @ts-ignore: decorator
@inline function skipWs(i: usize, end: usize): usize {
  while (i < end && isWs(load<u8>(i))) i++;
  return i;
}

/**
 * The first byte at or after j that FieldScanner's IN_STRING marks: a quote, a backslash, a control
 * byte or a non-ASCII one. `lt_s 0x20` takes both of the last two: bytes >= 0x80 are negative as i8.
 * The line's stop byte is a control byte, so this never passes `end`.
 */
// @ts-ignore: decorator
@inline function nextSpecial(j: usize): usize {
  while (true) {
    const v = v128.load(j);
    const m = i8x16.bitmask(v128.or(v128.or(i8x16.eq(v, i8x16.splat(34)), i8x16.eq(v, i8x16.splat(92))), i8x16.lt_s(v, i8x16.splat(32))));
    if (m != 0) return j + <usize>ctz(m);
    j += 16;
  }
}

/** The first newline in [p, e), or e. */
function nextNewline(p: usize, e: usize): usize {
  while (p < e) {
    const m = i8x16.bitmask(i8x16.eq(v128.load(p), i8x16.splat(10)));
    if (m != 0) {
      const q = p + <usize>ctz(m);
      return q < e ? q : e;
    }
    p += 16;
  }
  return e;
}

function slotOf(length: usize, b0: u32, b1: u32): usize {
  return ((length & 31) << 10) | ((<usize>b0 & 31) << 5) | (<usize>b1 & 31);
}

/**
 * n bytes at a and b equal: eight at a time, then the rest as one masked word (reading up to 7 bytes
 * past either: after a key's bytes lies more of the host's layout, after a line its slack).
 */
function sameBytes(a: usize, b: usize, n: usize): bool {
  while (n >= 8) {
    if (load<u64>(a) != load<u64>(b)) return false;
    a += 8;
    b += 8;
    n -= 8;
  }
  if (n == 0) return true;
  return ((load<u64>(a) ^ load<u64>(b)) & ((<u64>1 << (<u64>n << 3)) - 1)) == 0;
}

/** k when [s, e) are the bytes of wanted key k, else -1 (FieldScanner.isKey). */
function isKey(k: i32, s: usize, e: usize): i32 {
  const entry = keyTab + (<usize>k << 3);
  const n = <usize>load<i32>(entry);
  if (n != e - s) return -1;
  return sameBytes(<usize>load<i32>(entry, 4), s, n) ? k : -1;
}

/** The first wanted key (by index) with bytes [s, e), or -1 (FieldScanner.keyIndex). */
function keyIndex(s: usize, e: usize): i32 {
  for (let k: i32 = 0; k < nKeys; k++) if (isKey(k, s, e) >= 0) return k;
  return -1;
}

/** A backslash escape at j: position after it, or 0 when invalid (FieldScanner.escape). */
function escape(j: usize, end: usize): usize {
  if (j + 1 >= end) return 0;
  const n = <u32>load<u8>(j + 1);
  if (n == QUOTE || n == BACKSLASH || n == 47 /* / */ || n == 98 /* b */ || n == 102 /* f */ || n == 110 /* n */ || n == 114 /* r */ || n == 116 /* t */) return j + 2;
  if (n != 117 /* u */ || j + 6 > end) return 0;
  if (!isHex(load<u8>(j + 2)) || !isHex(load<u8>(j + 3)) || !isHex(load<u8>(j + 4)) || !isHex(load<u8>(j + 5))) return 0;
  return j + 6;
}

// @ts-ignore: decorator
@inline function isHex(c: u32): bool {
  return c - D0 < 10 || (c | 32) - 97 < 6;
}

/** A JSON number at i: position after it, or 0 (scan.ts `number`). */
function number(i: usize, end: usize): usize {
  if (load<u8>(i) == MINUS) i++;
  if (i >= end) return 0;
  const c = <u32>load<u8>(i);
  if (c == D0) i++;
  else if (c > D0 && c <= 57) {
    i++;
    while (i < end && isDigit(load<u8>(i))) i++;
  } else return 0;
  if (i < end && load<u8>(i) == DOT) {
    i++;
    const s = i;
    while (i < end && isDigit(load<u8>(i))) i++;
    if (i == s) return 0;
  }
  if (i < end && (load<u8>(i) | 32) == 101 /* e E */) {
    i++;
    if (i < end && (load<u8>(i) == PLUS || load<u8>(i) == MINUS)) i++;
    const s = i;
    while (i < end && isDigit(load<u8>(i))) i++;
    if (i == s) return 0;
  }
  return i;
}

// Literals compared as one little-endian word (after the bounds check, so never past `end`).
const TRUE_WORD: u32 = 0x65757274; // "true"
const NULL_WORD: u32 = 0x6c6c756e; // "null"
const FALS_WORD: u32 = 0x736c6166; // "fals"

// @ts-ignore: decorator
@inline function isTrue(i: usize, end: usize): bool {
  return i + 4 <= end && load<u32>(i) == TRUE_WORD;
}
// @ts-ignore: decorator
@inline function isNull(i: usize, end: usize): bool {
  return i + 4 <= end && load<u32>(i) == NULL_WORD;
}
// @ts-ignore: decorator
@inline function isFalse(i: usize, end: usize): bool {
  return i + 5 <= end && load<u32>(i) == FALS_WORD && load<u8>(i + 4) == 101;
}

/** A string at the quote i: position after its closing quote, or 0 (FieldScanner.skipString). */
function skipString(i: usize, end: usize): usize {
  let j = i + 1;
  while (true) {
    j = nextSpecial(j);
    if (j >= end) return 0;
    const d = <u32>load<u8>(j);
    if (d == QUOTE) return j + 1;
    if (d != BACKSLASH) return 0;
    j = escape(j, end);
    if (j == 0) return 0;
  }
}

/** A nested object or array at i: validated, position after it, or 0 (FieldScanner.skipNested). */
function skipNested(i: usize, end: usize): usize {
  // stack[d] is the closing byte expected at depth d.
  store<u8>(stack, load<u8>(i) == LBRACE ? RBRACE : RBRACKET);
  let depth: i32 = 1;
  i++;
  // At the start of a container (which may close at once), else after a value.
  let first = true;
  while (true) {
    i = skipWs(i, end);
    if (i >= end) return 0;
    const close = <u32>load<u8>(stack + <usize>(depth - 1));
    if (first && load<u8>(i) == close) {
      i++;
      depth--;
      if (depth == 0) return i;
      first = false;
      continue;
    }
    if (!first) {
      // After a value: a comma, or the container's end.
      const c = <u32>load<u8>(i);
      if (c == close) {
        i++;
        depth--;
        if (depth == 0) return i;
        continue;
      }
      if (c != COMMA) return 0;
      i = skipWs(i + 1, end);
      if (i >= end) return 0;
    }
    first = false;
    if (close == RBRACE) {
      // a member: "key" : value
      if (load<u8>(i) != QUOTE) return 0;
      i = skipString(i, end);
      if (i == 0) return 0;
      i = skipWs(i, end);
      if (i >= end || load<u8>(i) != COLON) return 0;
      i = skipWs(i + 1, end);
      if (i >= end) return 0;
    }
    const c = <u32>load<u8>(i);
    if (c == QUOTE) i = skipString(i, end);
    else if (c == LBRACE || c == LBRACKET) {
      if (depth >= MAX_DEPTH) return 0;
      store<u8>(stack + <usize>depth, c == LBRACE ? RBRACE : RBRACKET);
      depth++;
      i++;
      first = true;
      continue;
    } else if (c == MINUS || isDigit(c)) i = number(i, end);
    else if (c == 116) i = isTrue(i, end) ? i + 4 : 0;
    else if (c == 102) i = isFalse(i, end) ? i + 5 : 0;
    else if (c == 110) i = isNull(i, end) ? i + 4 : 0;
    else return 0;
    if (i == 0) return 0;
  }
}

/** After the closing brace: only whitespace may follow. */
// @ts-ignore: decorator
@inline function tail(i: usize, end: usize): i32 {
  return skipWs(i, end) == end ? 1 : 0;
}

/**
 * FieldScanner.scan of the line [s, end) into the record at `rec`: 1 or 0, and for each wanted key
 * seen, its type and value range (+ delta: positions in the caller's buffer). Types of keys not
 * seen are left 0 (VT_NONE): the record is cleared first, where FieldScanner counts generations.
 */
function scanInto(s: usize, end: usize, delta: i32, rec: usize): i32 {
  // 16 bytes a store (the host pads the type bytes to a multiple of 16): memory.fill would be a
  // call out of the compiled code for a few bytes.
  for (let k: usize = 0; k < <usize>nKeys; k += 16) v128.store(rec + typeOff + k, i8x16.splat(0));
  let i = skipWs(s, end);
  if (load<u8>(i) != LBRACE) return 0;
  i = skipWs(i + 1, end);
  if (load<u8>(i) == RBRACE) return tail(i + 1, end);
  while (true) {
    // key: a string without escapes (the stop byte at `end` ends nextSpecial there)
    if (load<u8>(i) != QUOTE) return 0;
    const ks = i + 1;
    let j = nextSpecial(ks);
    if (load<u8>(j) != QUOTE || j >= end) return 0;
    const sl = <i32>load<i16>(slots + (slotOf(j - ks, load<u8>(ks), load<u8>(ks + 1)) << 1));
    const id = sl == 0 ? -1 : sl > 0 ? isKey(sl - 1, ks, j) : keyIndex(ks, j);
    i = j + 1;
    if (load<u8>(i) != COLON) {
      i = skipWs(i, end);
      if (load<u8>(i) != COLON) return 0;
    }
    i++;
    if (isWs(load<u8>(i))) i = skipWs(i, end);
    // value
    const vs = i;
    const c = <u32>load<u8>(i);
    let t: u8;
    if (c == QUOTE) {
      j = i + 1;
      t = VT_STRING;
      while (true) {
        j = nextSpecial(j);
        const d = <u32>load<u8>(j);
        if (d == QUOTE) break;
        if (d != BACKSLASH || j >= end) return 0;
        j = escape(j, end);
        if (j == 0) return 0;
        t = VT_STRING_ESC;
      }
      if (j >= end) return 0;
      i = j + 1;
    } else if (c == LBRACE || c == LBRACKET) {
      i = skipNested(i, end);
      if (i == 0) return 0;
      t = c == LBRACE ? VT_OBJECT : VT_ARRAY;
    } else if (c == MINUS || isDigit(c)) {
      i = number(i, end);
      if (i == 0) return 0;
      t = VT_NUMBER;
    } else if (c == 116 /* t */) {
      if (!isTrue(i, end)) return 0;
      i += 4;
      t = VT_TRUE;
    } else if (c == 102 /* f */) {
      if (!isFalse(i, end)) return 0;
      i += 5;
      t = VT_FALSE;
    } else if (c == 110 /* n */) {
      if (!isNull(i, end)) return 0;
      i += 4;
      t = VT_NULL;
    } else return 0;
    if (id >= 0) {
      // The last occurrence of a key wins, as in JSON.parse: later ones overwrite.
      store<u8>(rec + typeOff + <usize>id, t);
      store<i32>(rec + fromOff + (<usize>id << 2), <i32>vs + delta);
      store<i32>(rec + toOff + (<usize>id << 2), <i32>i + delta);
    }
    let sep = <u32>load<u8>(i);
    if (sep != COMMA && sep != RBRACE) {
      i = skipWs(i, end);
      if (i >= end) return 0;
      sep = load<u8>(i);
    }
    i++;
    if (sep == COMMA) {
      if (load<u8>(i) != QUOTE) i = skipWs(i, end);
      continue;
    }
    if (sep == RBRACE) return tail(i, end);
    return 0;
  }
}

/** One line [s, end) into the record at `rec`: ok, start, end, the values' ranges and keys. */
function lineInto(s: usize, end: usize, delta: i32, rec: usize): i32 {
  const ok = scanInto(s, end, delta, rec);
  store<i32>(rec, ok, REC_OK);
  store<i32>(rec, <i32>s + delta, REC_START);
  store<i32>(rec, <i32>end + delta, REC_END);
  keysInto(rec, ok, delta);
  return ok;
}

/**
 * One line [s, end) into the record at `rec` (the per-line API): 1 or 0 as FieldScanner.scan, or
 * -1, nothing scanned, when the value table needs more room first (`roomy`).
 */
export function scanLine(s: usize, end: usize, delta: i32, rec: usize): i32 {
  if (!roomy()) return -1;
  return lineInto(s, end, delta, rec);
}

/**
 * Every newline-terminated line in [p, e), at most maxLines of them, each into its own record
 * from `recs` on; the line end leaves out the newline and one CR before it, as the reader does.
 * Returns the number of lines scanned; `stopped()` tells where the next line starts, and
 * `wantsRoom()` whether it stopped early for the value table (before a line, never within one).
 */
export function scanLines(p: usize, e: usize, delta: i32, recs: usize, maxLines: i32): i32 {
  let k: i32 = 0;
  let rec = recs;
  wantRoom = 0;
  while (k < maxLines) {
    const nl = nextNewline(p, e);
    if (nl >= e) break;
    if (!roomy()) {
      wantRoom = 1;
      break;
    }
    let le = nl;
    if (le > p && load<u8>(le - 1) == CR) le--;
    lineInto(p, le, delta, rec);
    rec += recSize;
    k++;
    p = nl + 1;
  }
  stoppedAt = p;
  return k;
}

/** Copy record `from` over record `to` (select a block line as the current one); 16-byte aligned. */
export function copyRecord(to: usize, from: usize): void {
  for (let k: usize = 0; k < recSize; k += 16) v128.store(to + k, v128.load(from + k));
}

// ---------------------------------------------------------------------------------------------
// Value table: keys for the values of keyed wanted keys.
//
// Open addressing with linear probing over 8-byte slots (low word: the value's hash; high word:
// its entry's offset in the arena + 1, 0 for an empty slot), at most half full. The arena holds
// the entries one after another, 8-byte aligned: key (i32), length (u32), the value's bytes. Keys
// are given in order of first sight, 0, 1, 2, …, and never change: the host may move the slots and
// the arena (it tells where with `configureTable`) and make the slots anew (`rehash`), the keys
// stay.
//
// Room: before each line, `roomy` checks that the line's values (at most nKeyed new ones) fit
// without growing; when not, the line is not scanned and the host grows the table first. When
// the table has reached its bounds (entries, arena bytes), the host says so by thresholds that are
// never reached, and a new value that does not fit gets no key (-1).

/** Longer values get no key (StringTable's MAX_KEYED). */
const MAX_KEYED: usize = 64;
/** An entry: key, length, bytes padded to 8. */
const ENTRY_HEAD: usize = 8;

let tSlots: usize = 0;
let tMask: u32 = 0;
let tArena: usize = 0;
/** Arena bytes an entry may end at (the host leaves 16 more after them: 16-byte loads). */
let tArenaCap: u32 = 0;
let tUsed: u32 = 0;
let tCount: i32 = 0;
let tMaxEntries: i32 = 0;
/** `roomy` while tCount <= tRoomCount and tUsed <= tRoomUsed. */
let tRoomCount: i32 = 0;
let tRoomUsed: i32 = 0;
/** Hash bits kept: all but for tests, which force collisions by keeping few. */
let tHashMask: u32 = 0xffffffff;

export function configureTable(slots: usize, mask: u32, arena: usize, arenaCap: u32, maxEntries: i32, roomCount: i32, roomUsed: i32, hashMask: u32): void {
  tSlots = slots;
  tMask = mask;
  tArena = arena;
  tArenaCap = arenaCap;
  tMaxEntries = maxEntries;
  tRoomCount = roomCount;
  tRoomUsed = roomUsed;
  tHashMask = hashMask;
}

export function tableCount(): i32 {
  return tCount;
}

export function tableUsed(): u32 {
  return tUsed;
}

// @ts-ignore: decorator
@inline function roomy(): bool {
  return tCount <= tRoomCount && <i32>tUsed <= tRoomUsed;
}

/** The value's hash: 8 bytes a step (the last step masked to the value), then a 64-bit finalizer. */
function hashOf(p: usize, n: usize): u32 {
  let h: u64 = <u64>n * 0x9e3779b97f4a7c15;
  while (n > 8) {
    h = (h ^ load<u64>(p)) * 0xbf58476d1ce4e5b9;
    h ^= h >> 31;
    p += 8;
    n -= 8;
  }
  if (n > 0) h = (h ^ (load<u64>(p) & (<u64>-1 >> (<u64>(8 - n) << 3)))) * 0xbf58476d1ce4e5b9;
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccd;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53;
  h ^= h >> 33;
  return <u32>h & tHashMask;
}

/**
 * n bytes (at most 64) at a and b equal: 16 at a time; the last step compares 16 bytes and keeps
 * the first n (reading up to 15 bytes past either: after a value lies the rest of its line and the
 * host's slack, after an entry the next one or the arena's slack).
 */
function sameValue(a: usize, b: usize, n: usize): bool {
  while (n > 16) {
    if (!i8x16.all_true(i8x16.eq(v128.load(a), v128.load(b)))) return false;
    a += 16;
    b += 16;
    n -= 16;
  }
  const want = (<u32>1 << <u32>n) - 1;
  return (i8x16.bitmask(i8x16.eq(v128.load(a), v128.load(b))) & want) == want;
}

/** The key of the n bytes at p (n <= MAX_KEYED), inserting them when new; -1 when the table is full. */
function keyOf(p: usize, n: usize): i32 {
  const h = hashOf(p, n);
  let s = h & tMask;
  while (true) {
    const slot = tSlots + (<usize>s << 3);
    const v = load<u64>(slot);
    const at = <u32>(v >> 32);
    if (at == 0) break;
    if (<u32>v == h) {
      const e = tArena + <usize>(at - 1);
      if (load<u32>(e, 4) == <u32>n && sameValue(e + ENTRY_HEAD, p, n)) return load<i32>(e);
    }
    s = (s + 1) & tMask;
  }
  const size = <u32>((ENTRY_HEAD + n + 7) & ~7);
  if (tCount >= tMaxEntries || tUsed + size > tArenaCap) return -1;
  const e = tArena + <usize>tUsed;
  const k = tCount;
  store<i32>(e, k);
  store<u32>(e, <u32>n, 4);
  // 16 bytes a store: up to 8 past the entry's end, into the next entry's room or the slack.
  for (let j: usize = 0; j < n; j += 16) v128.store(e + ENTRY_HEAD + j, v128.load(p + j));
  store<u64>(tSlots + (<usize>s << 3), (<u64>(tUsed + 1) << 32) | <u64>h);
  tUsed += size;
  tCount = k + 1;
  return k;
}

/** Keys of the record's keyed values: -1 for every key, then the keys of a valid line's short unescaped strings. */
function keysInto(rec: usize, ok: i32, delta: i32): void {
  for (let k: usize = 0; k < <usize>nKeys; k += 4) v128.store(rec + keyOff + (k << 2), i32x4.splat(-1));
  if (ok == 0) return;
  for (let i: i32 = 0; i < nKeyed; i++) {
    const id = <usize>load<i32>(keyedList + (<usize>i << 2));
    if (load<u8>(rec + typeOff + id) != VT_STRING) continue;
    // Inside the quotes, in this memory.
    const s = <usize>(load<i32>(rec + fromOff + (id << 2)) - delta) + 1;
    const e = <usize>(load<i32>(rec + toOff + (id << 2)) - delta) - 1;
    if (e - s <= MAX_KEYED) store<i32>(rec + keyOff + (id << 2), keyOf(s, e - s));
  }
}

/** The key of the n bytes at p (the host's own look-up, of a value not in a line); -2 when the table needs room first. */
export function lookup(p: usize, n: usize): i32 {
  if (n > MAX_KEYED) return -1;
  if (!roomy()) return -2;
  return keyOf(p, n);
}

/** Make the slots anew from the arena (after the host gave the table more slots). */
export function rehash(): void {
  memory.fill(tSlots, 0, (<usize>tMask + 1) << 3);
  let off: u32 = 0;
  while (off < tUsed) {
    const e = tArena + <usize>off;
    const n = <usize>load<u32>(e, 4);
    const h = hashOf(e + ENTRY_HEAD, n);
    let s = h & tMask;
    while (load<u32>(tSlots + (<usize>s << 3), 4) != 0) s = (s + 1) & tMask;
    store<u64>(tSlots + (<usize>s << 3), (<u64>(off + 1) << 32) | <u64>h);
    off += <u32>((ENTRY_HEAD + n + 7) & ~7);
  }
}
