/**
 * The compare stage: this week's summary and the stored earlier weeks → findings.
 * Pure: same input, same findings; history may hold any weeks (later ones are ignored).
 */
import type { SiteSettings } from "../model/settings.ts";
import type { WeekSummary } from "../model/summary.ts";
import { baselineOf, honeypotNames } from "./baseline.ts";
import { changesOf } from "./changes.ts";
import { cveFocusOf } from "./cves.ts";
import { downtimeOf } from "./downtime.ts";
import { resolveFocus, type FocusOverride } from "./focus.ts";
import { baselineSummaries, historyBefore, historyCoverage } from "./history.ts";
import { NOVELTY_CATEGORIES, noveltyOf } from "./novelty.ts";
import { topCountryChange } from "./topCountry.ts";
import type { WeekFindings } from "./types.ts";

/** Drops the nulls of "no finding" (no baseline week, no country). */
const defined = <T>(value: T | null): value is T => value !== null;

export interface CompareInput {
  summary: WeekSummary;
  /** Stored summaries by week id (any weeks; only earlier ones are used). */
  history: ReadonlyMap<string, WeekSummary>;
  site: SiteSettings;
  /** The post's own watched ports/CVEs, when its front matter names them. */
  focus?: FocusOverride;
}

export function compareWeek({ summary, history: allWeeks, site, focus: override }: CompareInput): WeekFindings {
  const week = summary.week.id;
  const history = historyBefore(week, allWeeks);
  const coverage = historyCoverage(week, history, site.baselineWeeks, summary.week.timeZone || site.timeZone);
  const earlier = baselineSummaries(coverage, history);
  const focus = resolveFocus(site, override);
  const watchedPorts = focus.ports.map((p) => p.port);

  const portBaselines = watchedPorts.map((port) => baselineOf(summary, history, coverage, { kind: "port", port })).filter(defined);

  return {
    week,
    history: coverage,
    baselines: {
      overall: baselineOf(summary, history, coverage, { kind: "events" }),
      honeypots: honeypotNames(summary, earlier)
        .map((name) => baselineOf(summary, history, coverage, { kind: "honeypot", name }))
        .filter(defined),
      ports: portBaselines,
    },
    topCountries: {
      overall: topCountryChange(summary, history, coverage, "all"),
      ports: watchedPorts.map((port) => topCountryChange(summary, history, coverage, port)).filter(defined),
    },
    novelties: NOVELTY_CATEGORIES.map((category) => noveltyOf(summary, history, coverage, category)),
    changes: changesOf(summary, history, coverage),
    downtime: downtimeOf(summary, earlier, watchedPorts, portBaselines),
    cves: cveFocusOf(summary, history, coverage, focus.cves),
  };
}

export { verdictOf, MIN_COUNT, SAME_PERCENT } from "./verdict.ts";
export { resolveFocus, type Focus, type FocusOverride } from "./focus.ts";
export type * from "./types.ts";
