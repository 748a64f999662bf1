/**
 * Baselines: this week's count of a subject against the mean of the present baseline weeks.
 */
import type { WeekSummary } from "../model/summary.ts";
import { baselineSummaries } from "./history.ts";
import { subjectValue } from "./subject.ts";
import type { Baseline, HistoryCoverage, Subject } from "./types.ts";
import { relativeChange, verdictOf } from "./verdict.ts";

/** null when no baseline week has a summary (first week, or all N missing). */
export function baselineOf(
  summary: WeekSummary,
  history: ReadonlyMap<string, WeekSummary>,
  coverage: HistoryCoverage,
  subject: Subject,
): Baseline | null {
  const earlier = baselineSummaries(coverage, history);
  if (earlier.length === 0) return null;
  const weeks = earlier.map((s) => ({ week: s.week.id, value: subjectValue(s, subject) }));
  const average = weeks.reduce((sum, w) => sum + w.value, 0) / weeks.length;
  const thisWeek = subjectValue(summary, subject);
  return {
    kind: "baseline",
    subject,
    thisWeek,
    average,
    weeks,
    missing: coverage.missing,
    verdict: verdictOf(thisWeek, average),
    change: relativeChange(thisWeek, average),
  };
}

/** Honeypots of this week and of the baseline weeks, by name, so a honeypot that fell silent still shows. */
export function honeypotNames(summary: WeekSummary, earlier: WeekSummary[]): string[] {
  const names = new Set(Object.keys(summary.honeypots));
  for (const s of earlier) for (const name of Object.keys(s.honeypots)) names.add(name);
  return [...names].sort();
}
