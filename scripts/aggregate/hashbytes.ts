/** dedup.ts `hash52` on bytes, for lines read as bytes. */

/**
 * hash52 of the text of ASCII bytes b[start, end): one byte is one UTF-16 code unit there, so the
 * value equals `hash52(text)` (tests/perf checks it). Not for non-ASCII bytes.
 */
export function hash52Bytes(b: Uint8Array, start: number, end: number): number {
  let a = 0x811c9dc5;
  let c = 0x050c5d1f;
  for (let i = start; i < end; i++) {
    const x = b[i]!;
    a = Math.imul(a ^ x, 0x01000193);
    c = Math.imul(c ^ x, 0x01000193) ^ (c >>> 15);
  }
  return (a >>> 0) * 0x100000 + ((c >>> 0) & 0xfffff);
}
