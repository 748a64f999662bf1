/**
 * Top source country, this week against the baseline weeks combined (their stored counts summed):
 * the seed post's "the top country used to be Indonesia; this week it is China".
 * "ZZ" (unknown) is never a top country: "most attacks came from nowhere" is not news.
 */
import type { Ranked, TopList, WeekSummary } from "../model/summary.ts";
import { baselineSummaries } from "./history.ts";
import { subjectValue } from "./subject.ts";
import type { HistoryCoverage, TopCountryChange } from "./types.ts";
import { MIN_COUNT } from "./verdict.ts";

export type CountryScope = "all" | number;

/** The week's countries for a scope: honeypot events overall, or connection events to a port. */
export function countriesOf(summary: WeekSummary, scope: CountryScope): TopList | null {
  if (scope === "all") return summary.countries;
  return summary.ports.find((p) => p.port === scope)?.countries ?? null;
}

/** Known countries ranked by count (most first, then by code, so ties are stable). */
export function rankCountries(lists: Array<TopList | null>): Ranked[] {
  const sums = new Map<string, number>();
  for (const list of lists) {
    for (const item of list?.items ?? []) {
      if (item.key === "ZZ" || item.count <= 0) continue;
      sums.set(item.key, (sums.get(item.key) ?? 0) + item.count);
    }
  }
  return [...sums]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

export function topCountryNow(summary: WeekSummary, scope: CountryScope): Ranked | null {
  return rankCountries([countriesOf(summary, scope)])[0] ?? null;
}

/** null when this week has no country for the scope and the baseline weeks have none either. */
export function topCountryChange(
  summary: WeekSummary,
  history: ReadonlyMap<string, WeekSummary>,
  coverage: HistoryCoverage,
  scope: CountryScope,
): TopCountryChange | null {
  const earlier = baselineSummaries(coverage, history);
  const now = topCountryNow(summary, scope);
  const before = earlier.length ? (rankCountries(earlier.map((s) => countriesOf(s, scope)))[0] ?? null) : null;
  if (!now && !before) return null;
  const subject = scope === "all" ? ({ kind: "events" } as const) : ({ kind: "port", port: scope } as const);
  const thisWeek = subjectValue(summary, subject);
  const average = earlier.length ? earlier.reduce((sum, s) => sum + subjectValue(s, subject), 0) / earlier.length : 0;
  const differs = Boolean(now && before && now.key !== before.key);
  return {
    kind: "topCountry",
    scope,
    before,
    now,
    thisWeek,
    average,
    weeks: coverage.present,
    differs,
    // A top country of 8 connections is not news, even if last time it was another of 12.
    changed: differs && thisWeek >= MIN_COUNT && average >= MIN_COUNT,
  };
}
