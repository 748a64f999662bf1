/**
 * Exact-duplicate records: the same line in two rotated copies (T-Pot's .N.gz beside Cowrie's dated
 * files, or a copied folder). Lines are remembered by a 52-bit hash (two 32-bit FNV-1a variants),
 * about 20 bytes a line instead of the line itself; only used for honeypots whose files can overlap.
 * A false match needs two different lines with equal 52-bit hashes: ~1e-4 over a 10M-line week.
 */
export class LineHashSet {
  private readonly set = new Set<number>();

  /** True when the line was not seen before (and remembers it). */
  addIfNew(line: string): boolean {
    const h = hash52(line);
    if (this.set.has(h)) return false;
    this.set.add(h);
    return true;
  }

  get size(): number {
    return this.set.size;
  }
}

export function hash52(s: string): number {
  let a = 0x811c9dc5;
  let b = 0x050c5d1f;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x01000193) ^ (b >>> 15);
  }
  return (a >>> 0) * 0x100000 + ((b >>> 0) & 0xfffff);
}
