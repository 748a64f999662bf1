/**
 * The bundled IP-to-ASN CSV (start,end,asn,org) as a range table, parsed from its bytes.
 *
 * It loads on the first look-up, during the finalisation of every run. Decoding the 21 MB IPv4
 * file to a string, splitting it into 412k lines and building a label string per line cost
 * ~300 ms plus its garbage collection; deduplicating the labels from their bytes instead still
 * cost ~200 ms. So a range keeps the offset of its label in the file's bytes, and a label is
 * decoded when a look-up first lands on its range (the bench week's 50k sources reach ~17k of
 * the 412k ranges, ~6k distinct labels): ~60 ms in all. The bytes stay in memory for that,
 * 21 MB outside the JS heap; the string parser kept ~29 MB of heap instead, and its peak RSS
 * while loading was ~80 MB higher.
 */

const NL = 10;
const ZERO = 48;
const NINE = 57;

/** BigUint64Array elements are written as two 32-bit halves (no BigInt per range); this says which half is first. */
const LITTLE_ENDIAN = new Uint8Array(new Uint32Array([1]).buffer)[0] === 1;

export class RangeTable {
  /** Labels decoded so far, by range; equal labels of different ranges share one string. */
  private readonly decoded = new Map<number, string>();
  private readonly texts = new Map<string, string>();

  constructor(
    /** Start and end of each range, ascending by start. */
    readonly starts: Float64Array | BigUint64Array,
    readonly ends: Float64Array | BigUint64Array,
    /** Where each range's label (asn,org up to the end of its line) starts in `bytes`. */
    private readonly labelAt: Uint32Array,
    private readonly bytes: Buffer,
    private readonly format: (asn: string, org: string) => string,
  ) {}

  get length(): number {
    return this.starts.length;
  }

  /**
   * The label of range i: `format(asn, org)`, the organisation with trailing white space trimmed
   * (String#trimEnd, so also a "\r") and, when quoted, unquoted with "" read as ". Only the last
   * column can be quoted (organisation names with commas), so three commas split a row.
   */
  label(i: number): string {
    let text = this.decoded.get(i);
    if (text !== undefined) return text;
    const buf = this.bytes;
    const from = this.labelAt[i]!;
    // A label is a few dozen bytes: a loop finds its end faster than a Buffer#indexOf call.
    let eol = from;
    while (eol < buf.length && buf[eol] !== NL) eol++;
    // Decoded whole: UTF-8 decodes the same in pieces cut at an ASCII byte, and its first ","
    // is the comma byte after the ASN (there is one: the range was parsed from this line).
    const line = buf.toString("utf8", from, eol);
    const c = line.indexOf(",");
    let org = line.slice(c + 1).trimEnd();
    if (org.startsWith('"') && org.endsWith('"')) org = org.slice(1, -1).replace(/""/g, '"');
    text = this.format(line.slice(0, c), org);
    const shared = this.texts.get(text);
    if (shared === undefined) this.texts.set(text, text);
    else text = shared;
    this.decoded.set(i, text);
    return text;
  }
}

/**
 * Parse the CSV. `wide`: IPv6, whose decimal addresses exceed 2^64; only their upper 64 bits are
 * kept (routed prefixes are /64 or shorter; BGP carries /48 at most, so those bits decide).
 *
 * Gives the ranges and labels of the former string parser (split on "\n", indexOf ","): a line
 * is what lies between two "\n"; a line with fewer than three commas is skipped; start and end
 * are Number(field), or BigInt(field) >> 64n when wide.
 */
export function parseAsnCsv(buf: Buffer, wide: boolean, format: (asn: string, org: string) => string): RangeTable {
  // Commas and newlines are found by the engine's string search in a Latin-1 copy (one character
  // per byte, so its indices are byte offsets): fast from the first line on, where a byte loop in
  // JS would run interpreted until the optimising compiler catches up, and this runs once.
  const text = buf.toString("latin1");
  let lines = 1;
  for (let p = text.indexOf("\n"); p >= 0; p = text.indexOf("\n", p + 1)) lines++;
  const starts = wide ? new BigUint64Array(lines) : new Float64Array(lines);
  const ends = wide ? new BigUint64Array(lines) : new Float64Array(lines);
  const starts32 = wide ? new Uint32Array(starts.buffer) : null;
  const ends32 = wide ? new Uint32Array(ends.buffer) : null;
  const labelAt = new Uint32Array(lines);

  const len = text.length;
  let n = 0;
  for (let p = 0; p <= len; ) {
    let eol = text.indexOf("\n", p);
    if (eol < 0) eol = len;
    const a = text.indexOf(",", p);
    const b = a < 0 || a >= eol ? -1 : text.indexOf(",", a + 1);
    const c = b < 0 || b >= eol ? -1 : text.indexOf(",", b + 1);
    if (c >= 0 && c < eol) {
      if (wide) {
        high64(buf, p, a, starts32!, n, starts as BigUint64Array);
        high64(buf, a + 1, b, ends32!, n, ends as BigUint64Array);
      } else {
        (starts as Float64Array)[n] = decimal(buf, p, a);
        (ends as Float64Array)[n] = decimal(buf, a + 1, b);
      }
      labelAt[n++] = b + 1;
    }
    p = eol + 1;
  }
  return new RangeTable(starts.subarray(0, n), ends.subarray(0, n), labelAt.subarray(0, n), buf, format);
}

/** Number(field): digit by digit when it is plain digits (exact below 2^53; none is 0, as Number("")), else as Number() reads it. */
function decimal(buf: Buffer, s: number, e: number): number {
  if (e - s > 15) return Number(buf.toString("utf8", s, e));
  let v = 0;
  for (let i = s; i < e; i++) {
    const d = buf[i]!;
    if (d < ZERO || d > NINE) return Number(buf.toString("utf8", s, e));
    v = v * 10 + (d - ZERO);
  }
  return v;
}

/**
 * BigInt(field) >> 64n into `out[n]`, modulo 2^64 as a BigUint64Array stores it. Plain digits are
 * multiplied into four 32-bit limbs, six digits at a time (limb × 10^6 + carry stays below 2^53);
 * a limb is split with floor and a product, not `%` (a call to fmod for doubles).
 */
function high64(buf: Buffer, s: number, e: number, out32: Uint32Array, n: number, out: BigUint64Array): void {
  let l0 = 0, l1 = 0, l2 = 0, l3 = 0;
  for (let i = s; i < e; ) {
    let chunk = 0;
    let scale = 1;
    for (const stop = Math.min(e, i + 6); i < stop; i++) {
      const d = buf[i]! - ZERO;
      if (d < 0 || d > 9) {
        out[n] = BigInt(buf.toString("utf8", s, e)) >> 64n; // not plain digits: as before (throws if malformed)
        return;
      }
      chunk = chunk * 10 + d;
      scale *= 10;
    }
    let v = l0 * scale + chunk;
    let carry = Math.floor(v / 0x1_0000_0000);
    l0 = v - carry * 0x1_0000_0000;
    v = l1 * scale + carry;
    carry = Math.floor(v / 0x1_0000_0000);
    l1 = v - carry * 0x1_0000_0000;
    v = l2 * scale + carry;
    carry = Math.floor(v / 0x1_0000_0000);
    l2 = v - carry * 0x1_0000_0000;
    v = l3 * scale + carry;
    l3 = v - Math.floor(v / 0x1_0000_0000) * 0x1_0000_0000;
  }
  // Bits 64..127: limbs 2 (low half) and 3 (high half).
  out32[2 * n + (LITTLE_ENDIAN ? 0 : 1)] = l2;
  out32[2 * n + (LITTLE_ENDIAN ? 1 : 0)] = l3;
}
