/**
 * Findings: what changed this week, each with the evidence it was computed from, so a draft (or a
 * reader of `honeyweek compare --output`) can say exactly what was counted and against which weeks.
 *
 * Every finding holds plain numbers and ids. Attacker-chosen strings (credentials, commands,
 * client versions) appear only as keys of `Ranked` items; the draft never writes them into
 * Markdown, it asks a shortcode to render them from the stored summaries.
 */
import type { CveExploitReport, ExploitReport } from "../enrich/exploits/types.ts";
import type { Outage, Ranked } from "../model/summary.ts";

/** How this week compares with its baseline; the rule is in verdict.ts. */
export type Verdict = "above" | "below" | "same";

/** What a count is a count of. Each subject reads one number from a week summary (subject.ts). */
export type Subject =
  /** Honeypot events of all honeypots (totals.events). */
  | { kind: "events" }
  /** Honeypot events of one honeypot (honeypots[name].events). */
  | { kind: "honeypot"; name: string }
  /** Connection events to one destination port (ports[].connections). */
  | { kind: "port"; port: number }
  /** Honeypot events from one source country (countries; 0 when not in the stored top list). */
  | { kind: "country"; code: string }
  /** Suricata alerts that carry one CVE id (suricata.cves; alerts, not attacks). */
  | { kind: "cve"; id: string };

/** One earlier week's value of a subject. */
export interface WeekValue {
  week: string;
  value: number;
}

/**
 * Which earlier weeks a comparison can use. The baseline is the N weeks right before this one
 * (settings.baselineWeeks); a week without a stored summary is *missing*, never zero.
 */
export interface HistoryCoverage {
  kind: "history";
  week: string;
  /** The N week ids before this week, oldest first. */
  wanted: string[];
  /** Those of `wanted` that have a stored summary. */
  present: string[];
  /** Those of `wanted` that do not (a gap, or weeks before the sensor started). */
  missing: string[];
  /** Every stored week before this one, oldest first (novelty looks at all of them). */
  earlier: string[];
  /** No stored week before this one at all. */
  firstWeek: boolean;
}

/** This week against the average of the present baseline weeks. */
export interface Baseline {
  kind: "baseline";
  subject: Subject;
  thisWeek: number;
  /** Mean over `weeks` (present weeks only). */
  average: number;
  weeks: WeekValue[];
  /** Baseline weeks without a summary, left out of the average. */
  missing: string[];
  verdict: Verdict;
  /** (thisWeek - average) / average; null when the average is 0. */
  change: number | null;
}

/** "The top country used to be X (the baseline weeks combined), now it is Y." */
export interface TopCountryChange {
  kind: "topCountry";
  /** "all" = honeypot events overall; a number = connection events to that port. */
  scope: "all" | number;
  /** Top country of the baseline weeks, their stored counts summed; null when they have none. */
  before: Ranked | null;
  /** Top country this week; null when there is none. */
  now: Ranked | null;
  /** Total counted this week and the baseline weeks' average (the same subject as the scope). */
  thisWeek: number;
  average: number;
  weeks: string[];
  /** before and now differ (whatever the counts). */
  differs: boolean;
  /** differs, and both counts are large enough to be news (verdict.ts MIN_COUNT). */
  changed: boolean;
}

export type NoveltyCategory =
  | "ports"
  | "usernames"
  | "passwords"
  | "credentials"
  | "commands"
  | "downloads"
  | "clientVersions"
  | "hassh"
  | "cves";

/**
 * Keys seen this week and in no stored earlier week. Stored summaries keep every port but only
 * the top of the other lists, so "new" means "not in any stored list", which the post says.
 */
export interface Novelty {
  kind: "new";
  category: NoveltyCategory;
  /** The new keys this week, most first, at most NOVELTY_LIST_LIMIT of them. */
  items: Ranked[];
  /** How many new keys there are in all (items may be cut). */
  total: number;
  /** The weeks searched. */
  searched: string[];
}

/** A count that jumped or fell far enough to be worth a sentence (changes.ts). */
export interface Change {
  kind: "surge" | "drop";
  subject: Subject;
  thisWeek: number;
  average: number;
  /** thisWeek / average; Infinity when the average is 0. */
  ratio: number;
  weeks: string[];
  /** A honeypot that answers this port and was down this week (a drop may be the outage). */
  outage?: string;
}

/** A watched port served by a honeypot that was down, and how that may have lowered its count. */
export interface PortOutageEffect {
  port: number;
  connections: number;
  /** Connections scaled to a full week at the rate of the hours the honeypot was up. */
  atSameRate: number;
  /** The port's baseline verdict, when there is a baseline. */
  verdict: Verdict | null;
  /** The count is low (below its baseline, or under MIN_COUNT) partly because of the outage. */
  lowPartlyBecauseOfOutage: boolean;
}

export interface Downtime {
  kind: "downtime";
  outage: Outage;
  /** Index of the local day the outage started on, 0 = Monday. */
  startDay: number;
  /** outage.hours / 168 (capped at 1). */
  shareOfWeek: number;
  ports: PortOutageEffect[];
}

/**
 * Exploit availability for one CVE *as of the week's end*, from the summary's `exploits` report
 * (enrich/exploits): Exploit-DB matches by CVE id and by product keywords, CISA KEV listing, and
 * whether each source was read and reaches the week's end.
 */
export interface CveExploits {
  asOf: string;
  report: CveExploitReport;
  sources: ExploitReport["sources"];
}

export interface CveFocus {
  kind: "cve";
  id: string;
  /** Product keywords from the settings (for the Exploit-DB title search). */
  keywords: string[];
  /** In settings.watchedCves (or the post's front matter), as opposed to only seen in alerts. */
  watched: boolean;
  /** Suricata alerts with this CVE this week. */
  alerts: number;
  baseline: Baseline | null;
  /** Present when the enrich stage has read Exploit-DB/KEV for this week and asked about this CVE. */
  exploits?: CveExploits;
}

/** Everything compareWeek finds, grouped by kind. */
export interface WeekFindings {
  week: string;
  history: HistoryCoverage;
  baselines: {
    overall: Baseline | null;
    honeypots: Baseline[];
    ports: Baseline[];
  };
  topCountries: {
    overall: TopCountryChange | null;
    ports: TopCountryChange[];
  };
  novelties: Novelty[];
  changes: Change[];
  downtime: Downtime[];
  cves: CveFocus[];
}
