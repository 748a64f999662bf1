/**
 * Surges and drops worth a sentence, over every port and every source country:
 *   surge: thisWeek ≥ CHANGE_MIN_COUNT and thisWeek ≥ CHANGE_RATIO × average, for a key seen in an
 *          earlier week (a never-seen key is a novelty, not a surge);
 *   drop:  average ≥ CHANGE_MIN_COUNT and thisWeek × CHANGE_RATIO ≤ average.
 * The biggest CHANGE_LIST_LIMIT of each kind by absolute difference are kept. Needs at least one
 * baseline week.
 */
import type { WeekSummary } from "../model/summary.ts";
import { baselineSummaries } from "./history.ts";
import { subjectValue } from "./subject.ts";
import { honeypotsOfPort } from "./downtime.ts";
import type { Change, HistoryCoverage, Subject } from "./types.ts";

export const CHANGE_MIN_COUNT = 100;
export const CHANGE_RATIO = 3;
export const CHANGE_LIST_LIMIT = 5;

export function changesOf(
  summary: WeekSummary,
  history: ReadonlyMap<string, WeekSummary>,
  coverage: HistoryCoverage,
): Change[] {
  const earlier = baselineSummaries(coverage, history);
  if (earlier.length === 0) return [];
  const seenBefore = everSeen(coverage.earlier.map((id) => history.get(id)!));
  const down = new Set(summary.health.outages.map((o) => o.honeypot));

  const subjects: Subject[] = [];
  const ports = new Set<number>();
  for (const s of [summary, ...earlier]) for (const p of s.ports) ports.add(p.port);
  for (const port of [...ports].sort((a, b) => a - b)) subjects.push({ kind: "port", port });
  const countries = new Set<string>();
  for (const s of [summary, ...earlier]) for (const c of s.countries.items) if (c.key !== "ZZ") countries.add(c.key);
  for (const code of [...countries].sort()) subjects.push({ kind: "country", code });

  const surges: Change[] = [];
  const drops: Change[] = [];
  for (const subject of subjects) {
    const thisWeek = subjectValue(summary, subject);
    const average = earlier.reduce((sum, s) => sum + subjectValue(s, subject), 0) / earlier.length;
    const base = { subject, thisWeek, average, ratio: average > 0 ? thisWeek / average : Infinity, weeks: coverage.present };
    const outage = subject.kind === "port" ? portOutage(summary, earlier, subject.port, down) : undefined;
    const extra = outage ? { outage } : {};
    if (thisWeek >= CHANGE_MIN_COUNT && thisWeek >= CHANGE_RATIO * average && seenBefore(subject)) {
      surges.push({ kind: "surge", ...base, ...extra });
    } else if (average >= CHANGE_MIN_COUNT && thisWeek * CHANGE_RATIO <= average) {
      drops.push({ kind: "drop", ...base, ...extra });
    }
  }
  const bySize = (a: Change, b: Change) => Math.abs(b.thisWeek - b.average) - Math.abs(a.thisWeek - a.average);
  return [...surges.sort(bySize).slice(0, CHANGE_LIST_LIMIT), ...drops.sort(bySize).slice(0, CHANGE_LIST_LIMIT)];
}

function everSeen(weeks: WeekSummary[]): (subject: Subject) => boolean {
  const ports = new Set<number>();
  const countries = new Set<string>();
  for (const s of weeks) {
    for (const p of s.ports) if (p.connections > 0) ports.add(p.port);
    for (const c of s.countries.items) if (c.count > 0) countries.add(c.key);
  }
  return (subject) =>
    subject.kind === "port" ? ports.has(subject.port) : subject.kind === "country" ? countries.has(subject.code) : true;
}

/** A honeypot that answers this port (this week or in the baseline) and was down this week. */
function portOutage(summary: WeekSummary, earlier: WeekSummary[], port: number, down: Set<string>): string | undefined {
  if (down.size === 0) return undefined;
  return honeypotsOfPort([summary, ...earlier], port).find((name) => down.has(name));
}
