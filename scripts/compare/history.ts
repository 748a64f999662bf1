/**
 * Which earlier weeks a comparison may use. History is a Map of stored summaries by week id; the
 * baseline is the N weeks right before this one. A week without a summary is reported as missing
 * and left out of every average: averaging it as zero would make any week look like a surge.
 */
import type { WeekSummary } from "../model/summary.ts";
import { shiftWeek } from "../util/week.ts";
import type { HistoryCoverage } from "./types.ts";

export function historyCoverage(
  week: string,
  history: ReadonlyMap<string, WeekSummary>,
  baselineWeeks: number,
  timeZone: string,
): HistoryCoverage {
  const wanted: string[] = [];
  for (let n = baselineWeeks; n >= 1; n--) wanted.push(shiftWeek(week, n, timeZone));
  const present = wanted.filter((id) => history.has(id));
  const missing = wanted.filter((id) => !history.has(id));
  // Week ids sort in time order ("2019-W26" < "2020-W01"), so a string compare finds earlier weeks.
  const earlier = [...history.keys()].filter((id) => id < week).sort();
  return { kind: "history", week, wanted, present, missing, earlier, firstWeek: earlier.length === 0 };
}

/** The stored summaries of the present baseline weeks, oldest first. */
export function baselineSummaries(coverage: HistoryCoverage, history: ReadonlyMap<string, WeekSummary>): WeekSummary[] {
  return coverage.present.map((id) => history.get(id)!);
}

/** Only the weeks before `week` (a map of every stored week may include later ones). */
export function historyBefore(week: string, weeks: ReadonlyMap<string, WeekSummary>): Map<string, WeekSummary> {
  const out = new Map<string, WeekSummary>();
  for (const [id, summary] of weeks) if (id < week) out.set(id, summary);
  return out;
}
