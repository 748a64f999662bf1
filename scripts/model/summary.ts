/**
 * The week summary: everything a post (this week's, or a later week's comparison) needs.
 * Stored as data/weeks/<YYYY-Www>.json; T-Pot deletes raw logs after ~30 days, so this is the
 * project's memory. Every count says what it counts in its name or its doc comment.
 * Countries are ISO 3166-1 alpha-2 codes ("ZZ" = unknown); they are named at render time.
 */

import type { ExploitReport } from "../enrich/exploits/types.ts";

export const SUMMARY_SCHEMA_ID = "honeyweek/week-summary";
export const SUMMARY_SCHEMA_VERSION = 1;

/** One entry of a ranked list. */
export interface Ranked {
  key: string;
  count: number;
}

/**
 * A ranked list capped at a length, with the remainder kept so that totals still add up:
 * sum(items.count) + other === total.
 */
export interface TopList {
  items: Ranked[];
  /** Sum of the counts not listed. */
  other: number;
  /** Number of distinct keys, listed or not. */
  distinct: number;
  /** Sum of all counts. */
  total: number;
}

export interface WeekRange {
  /** ISO week id in the site's time zone, e.g. "2019-W26". */
  id: string;
  timeZone: string;
  /** Monday 00:00 in the site's time zone, ISO with offset. */
  start: string;
  /** The next Monday 00:00 (exclusive end), ISO with offset. */
  end: string;
  /** The seven local dates, YYYY-MM-DD, Monday first. */
  days: string[];
}

export interface HourBucket {
  /** Start of the hour in the site's time zone, ISO with offset. */
  start: string;
  /** Honeypot events in this hour (Suricata/p0f excluded). */
  events: number;
  /** Distinct source addresses of those events. */
  uniqueSources: number;
  /** Honeypot events by honeypot name. */
  byHoneypot: Record<string, number>;
}

export interface HoneypotStats {
  /** T-Pot's display name. */
  label: string;
  /** Log events (T-Pot's "attacks"). */
  events: number;
  /** Connection events (sessions for Cowrie, connections for Dionaea/Honeytrap). */
  connections: number;
  uniqueSources: number;
  /** Events per local day, Monday first. */
  perDay: number[];
}

export interface PortStats {
  port: number;
  /** Connection events to this port (the port the attacker connected to). */
  connections: number;
  uniqueSources: number;
  /** Connection events per local day, Monday first. */
  perDay: number[];
  /** Connection events by source country. */
  countries: TopList;
  /** Connection events by honeypot that answered. */
  honeypots: Record<string, number>;
}

export interface Outage {
  honeypot: string;
  /** First silent hour (local ISO) and the hour after the last one. */
  start: string;
  end: string;
  hours: number;
}

export interface SensorHealth {
  /** Hours with no event, per honeypot that normally logs several events an hour. */
  silentHours: Record<string, number>;
  /** Runs of consecutive silent hours long enough to mean "down" (see aggregate/health.ts). */
  outages: Outage[];
}

export interface DownloadStat {
  /** SHA-256 of the file, when the honeypot recorded it. */
  sha256: string;
  /** URL as the attacker wrote it (defanged only when displayed). */
  url: string;
  /** Download events. */
  count: number;
}

export interface CowrieStats {
  /** cowrie.session.connect events. */
  sessions: number;
  /** cowrie.login.success + cowrie.login.failed events. */
  loginAttempts: number;
  loginSuccesses: number;
  /** cowrie.command.input events. */
  commandCount: number;
  commands: TopList;
  downloads: DownloadStat[];
  /** Download events not listed in downloads. */
  downloadsOther: number;
  clientVersions: TopList;
  hassh: TopList;
  /** direct-tcpip forward targets (host:port): tunnels, not attacked ports. */
  tunnelTargets: TopList;
}

export interface AlertStats {
  /** Suricata alert events (alerts, not attacks). */
  alerts: number;
  /** "SID signature text" keys. */
  signatures: TopList;
  categories: TopList;
  /** CVE ids from alert metadata and signature text, by alert count. */
  cves: TopList;
}

export interface FileQuality {
  file: string;
  honeypot: string;
  lines: number;
  events: number;
  /** Lines skipped, by reason (see model/event.ts SkipReason, plus reader faults). */
  skipped: Record<string, number>;
  /** Valid events outside the week (read because rotation is not weekly): expected, not a fault. */
  outsideWeek: number;
  /** Problems that lost nothing or only part of a file: invalid-utf8 (kept, repaired), truncated-gzip, unreadable … */
  notes: Record<string, number>;
}

export interface QualitySample {
  file: string;
  line: number;
  reason: string;
}

export interface DataQuality {
  files: FileQuality[];
  /** Lines skipped, totals over all files, by reason. */
  skipped: Record<string, number>;
  /** File-level and repaired problems, totals over all files, by kind. */
  notes: Record<string, number>;
  /** The first few problems, with file and line, for the report at the end of a run. */
  samples: QualitySample[];
  /** Exact duplicate records counted once (the same line in two rotated copies). */
  duplicates: number;
  /** Source addresses left out as the sensor's own or private/reserved. */
  excludedSources: number;
}

export interface WeekSummary {
  schema: typeof SUMMARY_SCHEMA_ID;
  schemaVersion: number;
  week: WeekRange;
  totals: {
    /** Honeypot events (T-Pot's "attacks": every log event of a honeypot, not Suricata/p0f). */
    events: number;
    /** Distinct source addresses of honeypot events. */
    uniqueSources: number;
    /** Connection events of all honeypots. */
    connections: number;
  };
  honeypots: Record<string, HoneypotStats>;
  /** 168 hours, Monday 00:00 local first. */
  hourly: HourBucket[];
  /** The hour with the most honeypot events, with its top source countries. */
  peak: { start: string; events: number; countries: TopList } | null;
  /** Honeypot events by source country. */
  countries: TopList;
  /** Honeypot events by source address (masked as the settings say). */
  sources: TopList;
  /** Honeypot events by source autonomous system ("AS13335 Cloudflare, Inc."; "unknown"). */
  asns?: TopList;
  /** Every port seen, by connection events, most first. */
  ports: PortStats[];
  credentials: {
    /** Login attempts by username, password, and the pair (keys from model/pairs.ts: ["user","password"]). */
    usernames: TopList;
    passwords: TopList;
    pairs: TopList;
  };
  cowrie: CowrieStats;
  suricata: AlertStats;
  /** p0f operating system guesses by observation. */
  os: TopList;
  health: SensorHealth;
  /**
   * Public exploits (Exploit-DB) and in-the-wild exploitation (CISA KEV) for every CVE seen in the
   * week's alerts and every watched CVE, as of the week's last day.
   */
  exploits?: ExploitReport;
  quality: DataQuality;
  provenance: {
    /** GeoIP database used for countries, and its build date. */
    geoip: { name: string; built: string | null };
    /** ASN database used, when ASNs were looked up. */
    asn?: { name: string; built: string | null };
    /** Source addresses as published: "full", "/24" or "hidden". */
    sourceMasking: "full" | "/24" | "hidden";
  };
}
