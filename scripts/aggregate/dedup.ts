/**
 * Exact-duplicate records across rotated files. They arise where two files' time spans overlap:
 * T-Pot's `.N.gz` beside Cowrie's dated files, a copied folder, or an unclean restart where
 * logrotate copied the live file but did not truncate it, so the copied lines appear again in the
 * next generation. A line already read from ANOTHER file is a duplicate; a line repeated inside
 * one file is not (Conpot really writes some records twice, and T-Pot counts both).
 *
 * Memory follows the overlaps, not the week: files are read in order of their first event, and
 * only lines that a later file can repeat are remembered — those at or after the first event of
 * the files still to come, minus a margin for late-written lines. Lines are remembered by a 52-bit
 * hash (two 32-bit FNV-1a variants) with their file; a false match needs two different lines with
 * equal hashes among the remembered ones (~1e-6 for a million).
 */

/** Lines are written up to this long after their own time (Dionaea/Honeytrap log at connection end). */
export const LATE_WRITE_MS = 2 * 3600 * 1000;

export interface DedupFile {
  id: number;
  /** First event time found at the start of the file; null when unknown (then the file is remembered whole). */
  firstEventMs: number | null;
}

export class OverlapDedup {
  private readonly entries = new Map<number, { file: number; ts: number }>();
  /** For each file id, remember lines with ts ≥ this (−Infinity: all). */
  private readonly rememberFrom: Map<number, number>;
  private maxRememberedTs = -Infinity;

  /** `files` in the order they will be read (see readingOrder). */
  constructor(files: readonly DedupFile[]) {
    this.rememberFrom = rememberHorizons(files);
  }

  /** Call before reading a file: forgets lines no later file can repeat. */
  beginFile(file: DedupFile): void {
    if (file.firstEventMs === null) return;
    const horizon = file.firstEventMs - LATE_WRITE_MS;
    for (const [h, e] of this.entries) if (e.ts < horizon) this.entries.delete(h);
  }

  /** True when the line is to be counted: not read before from another file. */
  accept(line: string, ts: number, fileId: number): boolean {
    const remember = ts >= (this.rememberFrom.get(fileId) ?? Infinity);
    if (!remember && (this.entries.size === 0 || ts > this.maxRememberedTs + LATE_WRITE_MS)) return true;
    const h = hash52(line);
    const seen = this.entries.get(h);
    if (seen !== undefined) return seen.file === fileId;
    if (remember) {
      this.entries.set(h, { file: fileId, ts });
      if (ts > this.maxRememberedTs) this.maxRememberedTs = ts;
    }
    return true;
  }

  /** Lines currently remembered (for tests and memory checks). */
  get size(): number {
    return this.entries.size;
  }
}

/**
 * For each file (in reading order), the time from which its lines must be remembered: the first
 * event of the files still to come, minus LATE_WRITE_MS (Infinity for the last file; -Infinity when
 * a later file's first event is unknown).
 */
export function rememberHorizons(files: readonly DedupFile[]): Map<number, number> {
  const out = new Map<number, number>();
  let next = Infinity;
  for (let i = files.length - 1; i >= 0; i--) {
    out.set(files[i]!.id, next === Infinity ? Infinity : next - LATE_WRITE_MS);
    const f = files[i]!.firstEventMs;
    next = Math.min(next, f === null ? -Infinity : f);
  }
  return out;
}

/** Files of one honeypot in reading order: by first event, unknown first, then by path. */
export function readingOrder<T extends { firstEventMs: number | null; path: string }>(files: T[]): T[] {
  return [...files].sort(
    (a, b) =>
      (a.firstEventMs ?? -Infinity) - (b.firstEventMs ?? -Infinity) || (a.path < b.path ? -1 : a.path > b.path ? 1 : 0),
  );
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
