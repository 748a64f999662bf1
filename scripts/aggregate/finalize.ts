/**
 * Accumulator → WeekSummary: the enrich step (countries from GeoIP, addresses masked for
 * publication) and the capping of long tails, in a fixed key order so that the same input gives a
 * byte-identical file.
 */
import type { HourBucket, PortStats, TopList, WeekSummary, FileQuality, HoneypotStats } from "../model/summary.ts";
import { SUMMARY_SCHEMA_ID, SUMMARY_SCHEMA_VERSION } from "../model/summary.ts";
import type { WeekWindow } from "../util/week.ts";
import type { CountryLookup } from "../enrich/geo.ts";
import type { AsnLookup } from "../enrich/asn.ts";
import { maskAddress } from "../enrich/addresses.ts";
import { bump, sortedRecord, topList, type Counter } from "./counter.ts";
import type { WeekAccumulator } from "./accumulator.ts";
import type { ExploitReport } from "../enrich/exploits/types.ts";
import { sensorHealth } from "./health.ts";

/** How many entries each ranked list keeps; the rest goes to `other`. */
export const LIMITS = {
  countries: 60,
  asns: 50,
  sources: 50,
  credentials: 100,
  commands: 100,
  downloads: 50,
  clientVersions: 50,
  hassh: 50,
  tunnels: 50,
  signatures: 50,
  categories: 30,
  cves: 50,
  os: 30,
  peakCountries: 10,
  portCountries: 10,
} as const;

export interface FinalizeOptions {
  window: WeekWindow;
  geo: CountryLookup;
  sourceMasking: "full" | "/24" | "hidden";
  labels: Map<string, string>;
  /** Autonomous systems of sources; no ASN statistics when absent. */
  asn?: AsnLookup;
  /** Exploit availability as of the week's end (enrich/exploits); an empty "not configured" report if absent. */
  exploits?: ExploitReport;
}

export function finalizeWeek(acc: WeekAccumulator, o: FinalizeOptions): WeekSummary {
  // The per-source loops below use forEach, not for…of: they run once per finalisation over
  // every source (~50k), mostly before the optimising compiler has caught up, and unoptimised
  // for…of makes an iterator result and an entry pair per source.
  const byCountry = (bySource: Counter): Counter => {
    const out: Counter = new Map();
    bySource.forEach((n, ip) => bump(out, o.geo.country(ip), n));
    return out;
  };

  const honeypots: Record<string, HoneypotStats> = {};
  const allSources = new Set<string>();
  let events = 0;
  let connections = 0;
  for (const name of [...acc.honeypots.keys()].sort()) {
    const h = acc.honeypots.get(name)!;
    events += h.events;
    connections += h.connections;
    h.sources.forEach((s) => allSources.add(s));
    honeypots[name] = {
      label: o.labels.get(name) ?? name,
      events: h.events,
      connections: h.connections,
      uniqueSources: h.sources.size,
      perDay: h.perDay,
    };
  }

  const uniquePerHour = acc.hourSources.uniquePerHour();
  const hourly: HourBucket[] = acc.hours.starts.map((_, i) => {
    let n = 0;
    for (const v of acc.hourByHoneypot[i]!.values()) n += v;
    return {
      start: acc.hours.isoStart(i),
      events: n,
      uniqueSources: uniquePerHour[i]!,
      byHoneypot: sortedRecord(acc.hourByHoneypot[i]!),
    };
  });

  let peak: WeekSummary["peak"] = null;
  hourly.forEach((h, i) => {
    if (h.events > 0 && (peak === null || h.events > peak.events)) {
      peak = { start: h.start, events: h.events, countries: topList(byCountry(acc.hourSources.countsInHour(i)), LIMITS.peakCountries) };
    }
  });

  const ports: PortStats[] = [...acc.ports.entries()]
    .map(([port, p]) => ({
      port,
      connections: p.connections,
      uniqueSources: p.bySource.size,
      perDay: p.perDay,
      countries: topList(byCountry(p.bySource), LIMITS.portCountries),
      honeypots: sortedRecord(p.byHoneypot),
    }))
    .sort((a, b) => b.connections - a.connections || a.port - b.port);

  const masked: Counter = new Map();
  acc.bySource.forEach((n, ip) => {
    const m = maskAddress(ip, o.sourceMasking);
    if (m !== null) bump(masked, m, n);
  });
  const sources: TopList =
    o.sourceMasking === "hidden"
      ? { items: [], other: sumValues(acc.bySource), distinct: acc.bySource.size, total: sumValues(acc.bySource) }
      : topList(masked, LIMITS.sources);

  const downloads = [...acc.cowrie.downloads.values()].sort(
    (a, b) => b.count - a.count || cmp(a.sha256, b.sha256) || cmp(a.url, b.url),
  );
  const downloadsListed = downloads.slice(0, LIMITS.downloads);
  const downloadsTotal = downloads.reduce((s, d) => s + d.count, 0);

  const files: FileQuality[] = [...acc.files.values()]
    .sort((a, b) => cmp(a.file, b.file))
    .map((f) => ({
      file: f.file,
      honeypot: f.honeypot,
      lines: f.lines,
      events: f.events,
      skipped: sortedRecord(f.skipped),
      outsideWeek: f.outsideWeek,
      notes: sortedRecord(f.notes),
    }));
  const skipped: Counter = new Map();
  const notes: Counter = new Map();
  for (const f of acc.files.values()) {
    for (const [k, v] of f.skipped) bump(skipped, k, v);
    for (const [k, v] of f.notes) bump(notes, k, v);
  }

  const perHour = new Map<string, number[]>();
  for (const [name, h] of acc.honeypots) perHour.set(name, h.perHour);

  return {
    schema: SUMMARY_SCHEMA_ID,
    schemaVersion: SUMMARY_SCHEMA_VERSION,
    week: { id: o.window.id, timeZone: o.window.timeZone, start: o.window.start, end: o.window.end, days: o.window.days },
    totals: { events, uniqueSources: allSources.size, connections },
    honeypots,
    hourly,
    peak,
    countries: topList(byCountry(acc.bySource), LIMITS.countries),
    sources,
    ...(o.asn ? { asns: topList(byAsn(acc.bySource, o.asn), LIMITS.asns) } : {}),
    ports,
    credentials: {
      usernames: topList(acc.usernames, LIMITS.credentials),
      passwords: topList(acc.passwords, LIMITS.credentials),
      pairs: topList(acc.pairs, LIMITS.credentials),
    },
    cowrie: {
      sessions: acc.cowrie.sessions,
      loginAttempts: acc.cowrie.loginAttempts,
      loginSuccesses: acc.cowrie.loginSuccesses,
      commandCount: acc.cowrie.commandCount,
      commands: topList(acc.cowrie.commands, LIMITS.commands),
      downloads: downloadsListed.map((d) => ({ sha256: d.sha256, url: d.url, count: d.count })),
      downloadsOther: downloadsTotal - downloadsListed.reduce((s, d) => s + d.count, 0),
      clientVersions: topList(acc.cowrie.clientVersions, LIMITS.clientVersions),
      hassh: topList(acc.cowrie.hassh, LIMITS.hassh),
      tunnelTargets: topList(acc.cowrie.tunnelTargets, LIMITS.tunnels),
    },
    suricata: {
      alerts: acc.suricata.alerts,
      signatures: topList(acc.suricata.signatures, LIMITS.signatures),
      categories: topList(acc.suricata.categories, LIMITS.categories),
      cves: topList(acc.suricata.cves, LIMITS.cves),
    },
    os: topList(acc.os, LIMITS.os),
    health: sensorHealth(perHour, acc.hours),
    exploits: o.exploits ?? notLookedUp(o.window.days[6]!),
    quality: {
      files,
      skipped: sortedRecord(skipped),
      notes: sortedRecord(notes),
      samples: [...acc.samples].sort((a, b) => cmp(a.file, b.file) || a.line - b.line || cmp(a.reason, b.reason)),
      duplicates: acc.duplicates,
      excludedSources: acc.excludedSources,
    },
    provenance: {
      geoip: { name: o.geo.info.name, built: o.geo.info.built },
      sourceMasking: o.sourceMasking,
      ...(o.asn ? { asn: { name: o.asn.info.name, built: o.asn.info.built } } : {}),
    },
  };
}

function byAsn(bySource: Counter, asn: AsnLookup): Counter {
  const out: Counter = new Map();
  bySource.forEach((n, ip) => bump(out, asn.asn(ip) ?? "unknown", n));
  return out;
}

function notLookedUp(asOf: string): ExploitReport {
  const message = "not looked up";
  return {
    asOf,
    maxEntriesPerCve: 0,
    invalidCves: [],
    sources: {
      exploitDb: { status: "not-configured", path: null, message, searched: [] },
      kev: { status: "not-configured", path: null, message },
    },
    cves: [],
  } as unknown as ExploitReport;
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function sumValues(m: Counter): number {
  let s = 0;
  for (const v of m.values()) s += v;
  return s;
}

