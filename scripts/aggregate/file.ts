/**
 * One file into an accumulator: read → parse → filter (week, duplicates, non-attackers) → add.
 * Every line that yields nothing is counted by reason, with its line number.
 */
import type { HoneypotEvent, ParseContext } from "../model/event.ts";
import { parserByName } from "../parse/registry.ts";
import { readLines } from "../read/lines.ts";
import type { SourceFilter } from "../enrich/addresses.ts";
import type { LogFile } from "../discover/layout.ts";
import type { WeekAccumulator } from "./accumulator.ts";
import type { OverlapDedup } from "./dedup.ts";

export interface FileReadOptions {
  ctx: ParseContext;
  filter: SourceFilter;
  /** Shared by the files of one honeypot, read in the dedup's order (see dedup.ts). */
  dedup?: OverlapDedup;
  /** This file's number among the files sharing `dedup`. */
  fileId?: number;
  onBytes?: (n: number) => void;
}

/** Read one file into `acc`; resolves with the bytes read from disk. */
export async function readFileInto(acc: WeekAccumulator, file: LogFile, o: FileReadOptions): Promise<number> {
  const parser = parserByName(file.honeypot)!;
  const fa = acc.file(file.path, file.honeypot);
  const { ctx, filter, dedup } = o;
  const take = (e: HoneypotEvent, line: string): void => {
    if (!acc.inWeek(e.ts)) {
      fa.outsideWeek++;
      return;
    }
    if (dedup && !dedup.accept(line, e.ts, o.fileId ?? 0)) {
      acc.duplicates++;
      return;
    }
    if (e.srcIp !== undefined && !filter.isAttacker(e.srcIp)) {
      acc.excludedSources++;
      return;
    }
    fa.events++;
    acc.add(e);
  };
  const stats = await readLines(
    file.path,
    {
      line(text, lineNo, last) {
        fa.lines++;
        const result = parser.parse(text, ctx);
        if (Array.isArray(result)) {
          for (const r of result) {
            if (typeof r === "string") acc.problem(fa, "skipped", r, lineNo);
            else take(r, text);
          }
        } else if (typeof result === "string") {
          // A final line without its newline that does not parse was cut off mid-write.
          const reason = last && result === "not-json" ? "cut-off" : result;
          if (reason !== "empty") acc.problem(fa, "skipped", reason, lineNo);
        } else take(result, text);
      },
      lineFault(fault, lineNo) {
        if (fault === "too-long") {
          fa.lines++;
          acc.problem(fa, "skipped", fault, lineNo);
        } else acc.problem(fa, "notes", fault, lineNo);
      },
      fileFault(fault) {
        acc.problem(fa, "notes", fault, 0);
      },
    },
    o.onBytes,
  );
  return stats.bytes;
}
