/**
 * The post's plan: the language-neutral decisions a draft makes from the findings (which sections,
 * which verdict words, which honeypot dominates), before any sentence is written. ja.ts and en.ts
 * turn one plan into words; numbers stay shortcode calls, so the plan holds no count that a
 * sentence would bake in.
 */
import { CHANGE_MIN_COUNT } from "../compare/changes.ts";
import { MIN_COUNT } from "../compare/verdict.ts";
import type { Focus } from "../compare/focus.ts";
import { isHoneypotName } from "../compare/subject.ts";
import type { Baseline, CveFocus, Downtime, HistoryCoverage, TopCountryChange, WeekFindings } from "../compare/types.ts";
import type { WatchedPort } from "../model/settings.ts";
import type { WeekSummary } from "../model/summary.ts";
import { rankCountries } from "../compare/topCountry.ts";

/** Honeypots whose traffic the overview can name by protocol. */
const HONEYPOT_PROTOCOLS: Record<string, "ssh-telnet"> = { cowrie: "ssh-telnet" };

export interface HoneypotRef {
  /** Key in summary.honeypots (checked safe for a shortcode argument). */
  name: string;
  /** Display name (T-Pot's label), Markdown-escaped when written. */
  label: string;
}

export interface OverviewPlan {
  /** The honeypot with the most events, and its share of all events (0..1). */
  dominant: (HoneypotRef & { share: number; protocol: "ssh-telnet" | null }) | null;
  /** Any events at all this week. */
  hasEvents: boolean;
  /** The busiest hour exists, and how many known countries its top list names (at most 2). */
  peak: { countries: number } | null;
}

export interface PortOutage {
  honeypot: HoneypotRef;
  /** 0 = Monday; the voice says "early in the week" etc. */
  startDay: number;
  /** connections under MIN_COUNT ("たったの8件"). */
  few: boolean;
  lowPartlyBecauseOfOutage: boolean;
}

export interface PortPlan {
  watched: WatchedPort;
  /** Watched CVEs about what runs on this port (a keyword in the port's name): asked and written with it. */
  cves: CveFocus[];
  baseline: Baseline | null;
  top: TopCountryChange | null;
  outages: PortOutage[];
}

export interface ChangesPlan {
  overall: Baseline | null;
  /** Honeypots whose verdict is not "same". */
  honeypots: Array<{ ref: HoneypotRef; baseline: Baseline }>;
  topCountry: TopCountryChange | null;
  changes: WeekFindings["changes"];
  downtime: Array<{ ref: HoneypotRef; downtime: Downtime }>;
  /** Novelty categories with something new, in the order the post lists them. */
  novelties: Array<WeekFindings["novelties"][number]>;
  /** A honeypot by name (for surge/drop outage notes). */
  honeypot(name: string): HoneypotRef;
}

export interface PostPlan {
  summary: WeekSummary;
  series: string;
  seriesNumber: number;
  focus: Focus;
  history: HistoryCoverage;
  baselineWeeks: number;
  overview: OverviewPlan;
  ports: PortPlan[];
  /** Watched CVEs not tied to a watched port. */
  cves: CveFocus[];
  changes: ChangesPlan;
}

/** The novelty categories a post lists, in order (usernames, passwords and HASSH stay in the data). */
export const POSTED_NOVELTIES = ["ports", "credentials", "commands", "downloads", "clientVersions", "cves"] as const;

export function planPost(
  summary: WeekSummary,
  findings: WeekFindings,
  focus: Focus,
  series: string,
  seriesNumber: number,
  baselineWeeks: number,
): PostPlan {
  const honeypot = (name: string): HoneypotRef => ({ name, label: summary.honeypots[name]?.label || name });
  const safe = (name: string) => isHoneypotName(name);

  const ranked = Object.entries(summary.honeypots)
    .filter(([name, h]) => safe(name) && h.events > 0)
    .sort(([a, x], [b, y]) => y.events - x.events || (a < b ? -1 : 1));
  const top = ranked[0];
  const overview: OverviewPlan = {
    hasEvents: summary.totals.events > 0,
    dominant: top
      ? {
          ...honeypot(top[0]),
          share: summary.totals.events > 0 ? top[1].events / summary.totals.events : 0,
          protocol: HONEYPOT_PROTOCOLS[top[0]] ?? null,
        }
      : null,
    peak: summary.peak ? { countries: Math.min(2, rankCountries([summary.peak.countries]).length) } : null,
  };

  const watchedCves = findings.cves.filter((c) => c.watched);
  const portOfCve = new Map(watchedCves.map((cve) => [cve.id, focus.ports.find((p) => relates(cve.keywords, p.name))?.port]));
  const ports: PortPlan[] = focus.ports.map((watched) => ({
    watched,
    cves: watchedCves.filter((cve) => portOfCve.get(cve.id) === watched.port),
    baseline: findings.baselines.ports.find((b) => b.subject.kind === "port" && b.subject.port === watched.port) ?? null,
    top: findings.topCountries.ports.find((t) => t.scope === watched.port) ?? null,
    outages: findings.downtime.flatMap((d) =>
      d.ports
        .filter((effect) => effect.port === watched.port && safe(d.outage.honeypot))
        .map((effect) => ({
          honeypot: honeypot(d.outage.honeypot),
          startDay: d.startDay,
          few: effect.connections < MIN_COUNT,
          lowPartlyBecauseOfOutage: effect.lowPartlyBecauseOfOutage,
        })),
    ),
  }));

  const changes: ChangesPlan = {
    overall: findings.baselines.overall,
    // A honeypot's change is news only at the counts that make a surge or drop worth a sentence
    // (CHANGE_MIN_COUNT on one side): 17 → 21 Galah events is above average, but not a story.
    honeypots: findings.baselines.honeypots
      .filter((b) => b.verdict !== "same" && Math.max(b.thisWeek, b.average) >= CHANGE_MIN_COUNT)
      .filter((b) => b.subject.kind === "honeypot" && safe(b.subject.name))
      .map((b) => ({ ref: honeypot((b.subject as { name: string }).name), baseline: b })),
    topCountry: findings.topCountries.overall,
    changes: findings.changes,
    downtime: findings.downtime.filter((d) => safe(d.outage.honeypot)).map((d) => ({ ref: honeypot(d.outage.honeypot), downtime: d })),
    novelties: POSTED_NOVELTIES.map((c) => findings.novelties.find((n) => n.category === c)!).filter((n) => n && n.total > 0),
    honeypot,
  };

  return {
    summary,
    series,
    seriesNumber,
    focus,
    history: findings.history,
    baselineWeeks,
    overview,
    ports,
    cves: watchedCves.filter((cve) => portOfCve.get(cve.id) === undefined),
    changes,
  };
}

/** "WebLogic" relates CVE-2019-2725 to the port named "Oracle WebLogic" (as the seed post paired them). */
function relates(keywords: string[], portName: string): boolean {
  const name = portName.toLowerCase();
  return keywords.some((k) => k.trim().length >= 3 && name.includes(k.trim().toLowerCase()));
}
