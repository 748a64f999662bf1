/**
 * CVEs in focus: the watched ones (settings or the post's front matter) and the ones seen in this
 * week's Suricata alerts. Alerts are counted as alerts, not attacks. Exploit availability comes from
 * the summary's `exploits` report when the enrich stage has filled it.
 */
import type { WatchedCve } from "../model/settings.ts";
import type { WeekSummary } from "../model/summary.ts";
import { baselineOf } from "./baseline.ts";
import { normalizeCveId } from "./subject.ts";
import type { CveExploits, CveFocus, HistoryCoverage } from "./types.ts";

/**
 * The week's exploit findings for one CVE, or undefined when the week has no report (summaries
 * stored before the enrich stage read exploits) or the report did not ask about it.
 */
export function exploitsFor(summary: WeekSummary, id: string): CveExploits | undefined {
  const report = summary.exploits;
  const found = report?.cves?.find((c) => normalizeCveId(c.id) === id);
  return report && found ? { asOf: report.asOf, report: found, sources: report.sources } : undefined;
}

export function cveFocusOf(
  summary: WeekSummary,
  history: ReadonlyMap<string, WeekSummary>,
  coverage: HistoryCoverage,
  watched: WatchedCve[],
): CveFocus[] {
  const out: CveFocus[] = [];
  const add = (id: string, keywords: string[], isWatched: boolean) => {
    if (out.some((c) => c.id === id)) return;
    const baseline = baselineOf(summary, history, coverage, { kind: "cve", id });
    const alerts = summary.suricata.cves.items
      .filter((c) => normalizeCveId(c.key) === id)
      .reduce((sum, c) => sum + c.count, 0);
    const exploits = exploitsFor(summary, id);
    out.push({ kind: "cve", id, keywords, watched: isWatched, alerts, baseline, ...(exploits ? { exploits } : {}) });
  };
  for (const cve of watched) add(normalizeCveId(cve.id), cve.keywords, true);
  for (const item of summary.suricata.cves.items) add(normalizeCveId(item.key), [], false);
  return out;
}
