/**
 * Exact-duplicate records: the same line in two rotated copies (T-Pot's .N.gz beside Cowrie's dated
 * files, or a copied folder). A line already read from ANOTHER file is a duplicate; a line repeated
 * inside one file is not (Conpot really writes some records twice, and T-Pot counts both).
 * Lines are remembered by a 52-bit hash (two 32-bit FNV-1a variants) with the file that had it
 * first, not by the line itself; only used for honeypots whose files can overlap. A false match
 * needs two different lines with equal 52-bit hashes: ~1e-4 over a 10M-line week.
 */
export class LineHashSet {
  private readonly firstFile = new Map<number, number>();

  /** True when the line is to be counted: not seen before, or seen only in this same file. */
  addIfNew(line: string, fileId: number): boolean {
    const h = hash52(line);
    const first = this.firstFile.get(h);
    if (first === undefined) {
      this.firstFile.set(h, fileId);
      return true;
    }
    return first === fileId;
  }

  get size(): number {
    return this.firstFile.size;
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
