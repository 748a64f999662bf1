/**
 * OverlapDedup (dedup.ts) for files read out of order: the state it would have at the start of
 * each file, rebuilt from what each file remembered.
 *
 * OverlapDedup reads a honeypot's files in one order and remembers, per file, the (hash, time) of
 * the week's lines at or after `rememberFrom` (where a later file can repeat them); at each file's
 * start it forgets lines older than that file's first event minus LATE_WRITE_MS. A line of file k
 * is a duplicate when its hash was remembered from an earlier file and not forgotten by then.
 * Lines of file k itself never make each other duplicates. So a file, or any part of it, is judged
 * exactly given only the state at the start of the file: the remembered hashes of earlier files
 * after forgetting, and the latest time remembered (which decides when a line needs a look-up at
 * all). This class replays the remembering and forgetting from the lists files report.
 */
import { LATE_WRITE_MS, rememberHorizons } from "./dedup.ts";

export interface ChainFile {
  id: number;
  firstEventMs: number | null;
}

export interface FileStartState {
  rememberFrom: number;
  /** Hash → time of the lines remembered from earlier files, after this file's forgetting. */
  known: Map<number, number>;
  knownMaxTs: number;
}

export class DedupChain {
  private readonly entries = new Map<number, number>();
  private maxTs = -Infinity;
  private readonly rememberFrom: Map<number, number>;
  private next = 0;

  /** `files` in reading order (dedup.ts readingOrder), as OverlapDedup gets them. */
  constructor(readonly files: readonly ChainFile[]) {
    this.rememberFrom = rememberHorizons(files);
  }

  rememberFromOf(id: number): number {
    return this.rememberFrom.get(id) ?? Infinity;
  }

  /** The state at the start of the next file in order (call once per file, in order). */
  beginNext(): FileStartState {
    const file = this.files[this.next]!;
    if (file.firstEventMs !== null) {
      const horizon = file.firstEventMs - LATE_WRITE_MS;
      for (const [h, ts] of this.entries) if (ts < horizon) this.entries.delete(h);
    }
    return { rememberFrom: this.rememberFromOf(file.id), known: new Map(this.entries), knownMaxTs: this.maxTs };
  }

  /** After the file begun last: what it remembered, (hash, time) pairs in its reading order. */
  endFile(remembered: ArrayLike<number>): void {
    for (let i = 0; i + 1 < remembered.length; i += 2) {
      const h = remembered[i]!;
      const ts = remembered[i + 1]!;
      if (this.entries.has(h)) continue; // a duplicate, or a repeat inside the file: not remembered again
      this.entries.set(h, ts);
      if (ts > this.maxTs) this.maxTs = ts;
    }
    this.next++;
  }

  get done(): boolean {
    return this.next >= this.files.length;
  }
}
