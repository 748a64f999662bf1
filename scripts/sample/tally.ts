/**
 * Counts what was actually written, week by week: every event line is counted once, when it is
 * written (a line copied into two rotated files is one event), and junk is never counted. The
 * ground truth is built from this tally, never from the generator's targets.
 *
 * Memory is bounded by distinct keys (addresses, ports, countries), not by events.
 */
import { US_PER_DAY, US_PER_HOUR, localIso, utcIso } from "./clock.ts";
import type { WeekWindow } from "./clock.ts";
import type { AttackerField, EventFact } from "./format.ts";
import { CORPUS_SIZE, corpusIndexes, familyOf } from "./hostile.ts";
import type { FieldKind } from "./hostile.ts";

/** The ports the seed post watches (RDP, Oracle WebLogic). */
export const WATCHED_PORTS = [3389, 7001] as const;

class Counter<K> {
  readonly map = new Map<K, number>();

  add(key: K, n = 1): void {
    this.map.set(key, (this.map.get(key) ?? 0) + n);
  }

  get(key: K): number {
    return this.map.get(key) ?? 0;
  }
}

interface HoneypotWeek {
  events: number;
  connections: number;
  sources: Set<string>;
  ports: Counter<number>;
  eventTypes: Counter<string>;
  perDay: number[];
  tunnelPorts: Counter<number>;
}

interface WatchedWeek {
  connections: number;
  countries: Counter<string>;
  perDay: number[];
}

interface SuricataWeek {
  events: number;
  eventTypes: Counter<string>;
  alerts: number;
  signatures: Map<number, { signature: string; count: number }>;
  cves: Counter<string>;
  alertsByDestPort: Counter<number>;
  cveAlertsByDestPort: Map<number, Counter<string>>;
  alertsFromSensor: number;
}

interface SensorWeek {
  events: number;
  sources: Set<string>;
  os: Counter<string>;
}

interface HostileField {
  honeypot: string;
  field: string;
  kind: FieldKind;
  values: number;
  families: Counter<string>;
}

class WeekTally {
  readonly honeypots = new Map<string, HoneypotWeek>();
  readonly sensors = new Map<string, SensorWeek>();
  /** Hostile mode: corpus payloads shown unchanged, per field kind; and what went where. */
  readonly coverage = new Map<FieldKind, Uint8Array>();
  readonly hostileFields = new Map<string, HostileField>();
  readonly hourly: number[] = new Array(168).fill(0);
  readonly hourlyCountries = new Map<number, Counter<string>>();
  readonly countries = new Counter<string>();
  readonly sources = new Set<string>();
  readonly ports = new Counter<number>();
  readonly watched = new Map<number, WatchedWeek>(WATCHED_PORTS.map((p) => [p, { connections: 0, countries: new Counter<string>(), perDay: new Array(7).fill(0) }]));
  readonly suricata: SuricataWeek = {
    events: 0, eventTypes: new Counter(), alerts: 0, signatures: new Map(), cves: new Counter(), alertsByDestPort: new Counter(), cveAlertsByDestPort: new Map(), alertsFromSensor: 0,
  };

  constructor(readonly week: WeekWindow) {}
}

export class Tally {
  private readonly weeks: WeekTally[];

  constructor(weeks: readonly WeekWindow[], private readonly sensorAddresses: ReadonlySet<string>) {
    this.weeks = weeks.map((w) => new WeekTally(w));
  }

  /** Counts one written event line. */
  add(honeypot: string, countsAsAttack: boolean, fact: EventFact): void {
    const week = this.weekOf(fact.tsUs);
    if (!week) return;
    if (countsAsAttack) this.addHoneypotEvent(week, honeypot, fact);
    else if (honeypot === "suricata") this.addSensorEvent(week, fact);
    else this.addFingerprint(week, honeypot, fact);
  }

  /**
   * Hostile mode's ledger: the corpus payloads in a written line's attacker fields (junk and
   * over-long lines included: the value is in the file either way). `kinds` maps field → kind.
   */
  addHostile(honeypot: string, tsUs: number, fields: readonly AttackerField[], kinds: Readonly<Record<string, FieldKind>>): void {
    const week = this.weekOf(tsUs);
    if (!week) return;
    for (const [field, value, exact] of fields) {
      const indexes = corpusIndexes(value);
      if (!indexes) continue;
      const kind = kinds[field];
      if (!kind) throw new Error(`Unexpected attacker field \`${field}\` of ${honeypot}, expected one listed in its format's fields`);
      const key = `${honeypot}\u0000${field}`;
      let f = week.hostileFields.get(key);
      if (!f) week.hostileFields.set(key, (f = { honeypot, field, kind, values: 0, families: new Counter() }));
      f.values++;
      f.families.add(familyOf(indexes[0]!));
      if (exact === false) continue;
      let seen = week.coverage.get(kind);
      if (!seen) week.coverage.set(kind, (seen = new Uint8Array(CORPUS_SIZE)));
      for (const i of indexes) seen[i] = 1;
    }
  }

  private addFingerprint(w: WeekTally, sensor: string, f: EventFact): void {
    let s = w.sensors.get(sensor);
    if (!s) w.sensors.set(sensor, (s = { events: 0, sources: new Set(), os: new Counter() }));
    s.events++;
    if (f.src !== undefined) s.sources.add(f.src);
    if (f.os !== undefined) s.os.add(f.os);
  }

  private weekOf(tsUs: number): WeekTally | undefined {
    for (const w of this.weeks) if (tsUs >= w.week.startUs && tsUs < w.week.endUs) return w;
    return undefined;
  }

  private addHoneypotEvent(w: WeekTally, honeypot: string, f: EventFact): void {
    let h = w.honeypots.get(honeypot);
    if (!h) {
      h = { events: 0, connections: 0, sources: new Set(), ports: new Counter(), eventTypes: new Counter(), perDay: new Array(7).fill(0), tunnelPorts: new Counter() };
      w.honeypots.set(honeypot, h);
    }
    const offset = f.tsUs - w.week.startUs;
    const day = Math.floor(offset / US_PER_DAY);
    const hour = Math.floor(offset / US_PER_HOUR);
    h.events++;
    h.eventTypes.add(f.type);
    h.perDay[day]!++;
    if (f.tunnelPort !== undefined) h.tunnelPorts.add(f.tunnelPort);
    w.hourly[hour]!++;
    // Lines that name no address (Rdpy credentials, Dicompot commands) count as events only.
    const country = f.src === undefined ? undefined : (f.country ?? "??");
    if (f.src !== undefined) {
      h.sources.add(f.src);
      let hc = w.hourlyCountries.get(hour);
      if (!hc) w.hourlyCountries.set(hour, (hc = new Counter()));
      hc.add(country!);
      w.countries.add(country!);
      w.sources.add(f.src);
    }
    if (f.port !== undefined || f.connect) h.connections++;
    if (f.port !== undefined) {
      h.ports.add(f.port);
      w.ports.add(f.port);
      const watched = w.watched.get(f.port);
      if (watched) {
        watched.connections++;
        if (country !== undefined) watched.countries.add(country);
        watched.perDay[day]!++;
      }
    }
  }

  private addSensorEvent(w: WeekTally, f: EventFact): void {
    const s = w.suricata;
    s.events++;
    s.eventTypes.add(f.type);
    if (!f.alert) return;
    s.alerts++;
    if (f.src !== undefined && this.sensorAddresses.has(f.src)) s.alertsFromSensor++;
    const entry = s.signatures.get(f.alert.sid) ?? { signature: f.alert.signature, count: 0 };
    entry.count++;
    s.signatures.set(f.alert.sid, entry);
    s.alertsByDestPort.add(f.alert.destPort);
    for (const cve of f.alert.cves) {
      s.cves.add(cve);
      let byPort = s.cveAlertsByDestPort.get(f.alert.destPort);
      if (!byPort) s.cveAlertsByDestPort.set(f.alert.destPort, (byPort = new Counter()));
      byPort.add(cve);
    }
  }

  /** The per-week ground truth, in week order. `hostileKinds`: the field kinds to report on (hostile mode). */
  result(timeZone: string, hostileKinds: readonly FieldKind[] | null): WeekTruth[] {
    return this.weeks.map((w) => weekTruth(w, timeZone, hostileKinds));
  }
}

// ---------------------------------------------------------------------------------------------
// Output shapes

export interface Ranked {
  key: string;
  count: number;
}

export interface HoneypotTruth {
  /** Log events inside the week (T-Pot's "attacks"). */
  events: number;
  /** Distinct source addresses of those events. */
  uniqueSources: number;
  /**
   * Connection events (the parser's kind "connect"): Cowrie session.connect, every Dionaea and
   * Honeytrap line, Heralding sessions … Ddospot's genericpot has no port: counted here, in no port.
   */
  connections: number;
  /** Connection events by the port the attacker connected to. */
  ports: Record<string, number>;
  /** Events per local day, Monday first. */
  perDay: number[];
  /** Events by type (Cowrie eventid; "connection" for one-line-per-connection honeypots). */
  eventTypes: Record<string, number>;
}

export interface CowrieTruth {
  /** cowrie.session.connect events. */
  sessions: number;
  /** cowrie.login.failed + cowrie.login.success events. */
  loginAttempts: number;
  loginSuccesses: number;
  loginFailures: number;
  /** cowrie.command.input events. */
  commands: number;
  /** cowrie.session.file_download events (successful downloads). */
  downloads: number;
  downloadFailures: number;
  /** cowrie.direct-tcpip.request events: tunnels, not attacked ports. */
  tunnelRequests: number;
  tunnelTargetPorts: Record<string, number>;
  /** Sessions by protocol (from session.connect dst_port 22/23). */
  protocols: { ssh: number; telnet: number };
}

export interface WatchedPortTruth {
  connections: number;
  /** Connection events by source country, most first. */
  countries: Ranked[];
  topCountry: string | null;
  perDay: number[];
}

export interface SuricataTruth {
  /** Every eve.json event inside the week (alerts and others). */
  events: number;
  eventTypes: Record<string, number>;
  alerts: number;
  /** Alerts whose src_ip is the sensor itself (response-side signatures). */
  alertsFromSensor: number;
  /** alerts − alertsFromSensor: what a report that never counts the sensor's own address shows. */
  alertsFromAttackers: number;
  signatures: Array<{ sid: number; signature: string; count: number }>;
  /** Alerts by CVE id (from alert.metadata.cve and the signature text). */
  cves: Record<string, number>;
  alertsByDestPort: Record<string, number>;
  /** CVE alerts by destination port, e.g. {"7001": {"CVE-2019-2725": 4}}. */
  cveAlertsByDestPort: Record<string, Record<string, number>>;
}

export interface WeekTruth {
  id: string;
  /** Monday 00:00 and the next Monday 00:00 in the site time zone. */
  start: string;
  end: string;
  startUtc: string;
  endUtc: string;
  totals: { events: number; uniqueSources: number; connections: number };
  /** Honeypot events (Cowrie, Dionaea, Honeytrap …; not Suricata). */
  honeypots: Record<string, HoneypotTruth>;
  /** Connection events of all honeypots by destination port. */
  ports: Record<string, number>;
  /** Honeypot events by source country, most first. */
  countries: Ranked[];
  cowrie: CowrieTruth;
  /** Honeypot events per local hour, Monday 00:00 first (168 values). */
  hourly: number[];
  busiestHour: { start: string; startUtc: string; events: number; topCountries: Ranked[]; runnerUp: { start: string; events: number } };
  watchedPorts: Record<string, WatchedPortTruth>;
  suricata: SuricataTruth;
  /** p0f and fatt lines (never attacks): events, distinct client addresses, p0f client OS guesses. */
  fingerprints: Record<string, { events: number; uniqueSources: number; os: Record<string, number> }>;
  /** Hostile mode only (else null): what the week's files hold of the corpus. */
  hostile: HostileTruth | null;
}

export interface HostileTruth {
  /** Per field kind: corpus payloads some field of that kind shows unchanged, and the missing indexes. */
  kinds: Record<string, { payloads: number; missing: number[] }>;
  /** Per honeypot field: how many corpus values it holds, by family. */
  fields: Array<{ honeypot: string; field: string; kind: string; values: number; families: Record<string, number> }>;
}

function ranked(counter: Counter<string>, limit = Number.POSITIVE_INFINITY): Ranked[] {
  return [...counter.map]
    .map(([key, count]) => ({ key, count }))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : 1))
    .slice(0, limit);
}

function record<K extends string | number>(counter: Counter<K>): Record<string, number> {
  const out: Record<string, number> = {};
  const keys = [...counter.map.keys()].sort((a, b) => (typeof a === "number" && typeof b === "number" ? a - b : String(a) < String(b) ? -1 : 1));
  for (const k of keys) out[String(k)] = counter.get(k);
  return out;
}

function hostileTruth(w: WeekTally, kinds: readonly FieldKind[]): HostileTruth {
  const out: HostileTruth = { kinds: {}, fields: [] };
  for (const kind of kinds) {
    const seen = w.coverage.get(kind) ?? new Uint8Array(CORPUS_SIZE);
    const missing: number[] = [];
    seen.forEach((v, i) => {
      if (!v) missing.push(i);
    });
    out.kinds[kind] = { payloads: CORPUS_SIZE - missing.length, missing };
  }
  out.fields = [...w.hostileFields.values()]
    .sort((a, b) => (a.honeypot < b.honeypot ? -1 : a.honeypot > b.honeypot ? 1 : a.field < b.field ? -1 : a.field > b.field ? 1 : 0))
    .map((f) => ({ honeypot: f.honeypot, field: f.field, kind: f.kind, values: f.values, families: record(f.families) }));
  return out;
}

function weekTruth(w: WeekTally, timeZone: string, hostileKinds: readonly FieldKind[] | null): WeekTruth {
  const honeypots: Record<string, HoneypotTruth> = {};
  let events = 0;
  let connections = 0;
  for (const name of [...w.honeypots.keys()].sort()) {
    const h = w.honeypots.get(name)!;
    events += h.events;
    connections += h.connections;
    honeypots[name] = { events: h.events, uniqueSources: h.sources.size, connections: h.connections, ports: record(h.ports), perDay: h.perDay, eventTypes: record(h.eventTypes) };
  }
  const cowrie = w.honeypots.get("cowrie");
  const t = (id: string): number => cowrie?.eventTypes.get(id) ?? 0;
  const cowrieTruth: CowrieTruth = {
    sessions: t("cowrie.session.connect"),
    loginAttempts: t("cowrie.login.failed") + t("cowrie.login.success"),
    loginSuccesses: t("cowrie.login.success"),
    loginFailures: t("cowrie.login.failed"),
    commands: t("cowrie.command.input"),
    downloads: t("cowrie.session.file_download"),
    downloadFailures: t("cowrie.session.file_download.failed"),
    tunnelRequests: t("cowrie.direct-tcpip.request"),
    tunnelTargetPorts: cowrie ? record(cowrie.tunnelPorts) : {},
    protocols: { ssh: cowrie?.ports.get(22) ?? 0, telnet: cowrie?.ports.get(23) ?? 0 },
  };

  // The busiest hour; ties go to the earlier hour.
  let best = 0;
  for (let i = 1; i < 168; i++) if (w.hourly[i]! > w.hourly[best]!) best = i;
  let second = best === 0 ? 1 : 0;
  for (let i = 0; i < 168; i++) if (i !== best && w.hourly[i]! > w.hourly[second]!) second = i;
  const hourStart = (i: number): number => w.week.startUs + i * US_PER_HOUR;

  const watchedPorts: Record<string, WatchedPortTruth> = {};
  for (const [port, p] of w.watched) {
    const countries = ranked(p.countries);
    watchedPorts[String(port)] = { connections: p.connections, countries, topCountry: countries[0]?.key ?? null, perDay: p.perDay };
  }

  const s = w.suricata;
  const cveByPort: Record<string, Record<string, number>> = {};
  for (const port of [...s.cveAlertsByDestPort.keys()].sort((a, b) => a - b)) cveByPort[String(port)] = record(s.cveAlertsByDestPort.get(port)!);

  return {
    id: w.week.id,
    start: w.week.startLocal,
    end: w.week.endLocal,
    startUtc: utcIso(w.week.startUs),
    endUtc: utcIso(w.week.endUs),
    totals: { events, uniqueSources: w.sources.size, connections },
    honeypots,
    ports: record(w.ports),
    countries: ranked(w.countries),
    cowrie: cowrieTruth,
    hourly: w.hourly,
    busiestHour: {
      start: localIso(hourStart(best), timeZone),
      startUtc: utcIso(hourStart(best)),
      events: w.hourly[best]!,
      topCountries: ranked(w.hourlyCountries.get(best) ?? new Counter<string>(), 5),
      runnerUp: { start: localIso(hourStart(second), timeZone), events: w.hourly[second]! },
    },
    watchedPorts,
    suricata: {
      events: s.events,
      eventTypes: record(s.eventTypes),
      alerts: s.alerts,
      alertsFromSensor: s.alertsFromSensor,
      alertsFromAttackers: s.alerts - s.alertsFromSensor,
      signatures: [...s.signatures].map(([sid, v]) => ({ sid, signature: v.signature, count: v.count })).sort((a, b) => b.count - a.count || a.sid - b.sid),
      cves: record(s.cves),
      alertsByDestPort: record(s.alertsByDestPort),
      cveAlertsByDestPort: cveByPort,
    },
    fingerprints: Object.fromEntries(
      [...w.sensors.keys()].sort().map((name) => {
        const s = w.sensors.get(name)!;
        return [name, { events: s.events, uniqueSources: s.sources.size, os: record(s.os) }];
      }),
    ),
    hostile: hostileKinds ? hostileTruth(w, hostileKinds) : null,
  };
}
