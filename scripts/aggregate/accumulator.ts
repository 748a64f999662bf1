/**
 * Streaming aggregation of one week's events. Memory grows with distinct keys (addresses, ports,
 * credentials…), never with events. Two accumulators over parts of the input merge into the same
 * state as one pass over all of it, which is what lets files be split across workers.
 * Addresses are kept raw here; countries and masking are applied in finalize (the enrich step).
 */
import type { HoneypotEvent } from "../model/event.ts";
import { bump, mergeCounter, type Counter } from "./counter.ts";
import { HourIndex } from "./hours.ts";
import { HourSources } from "./hourSources.ts";
import { pairKey } from "../model/pairs.ts";

export interface HoneypotAcc {
  events: number;
  connections: number;
  perDay: number[];
  /** Events per hour of the week (for health). */
  perHour: number[];
  sources: Set<string>;
}

export interface PortAcc {
  connections: number;
  perDay: number[];
  /** Connection events by source address (countries come later). */
  bySource: Counter;
  byHoneypot: Counter;
}

export interface DownloadAcc {
  sha256: string;
  url: string;
  count: number;
}

export interface FileAcc {
  file: string;
  honeypot: string;
  lines: number;
  events: number;
  skipped: Counter;
  outsideWeek: number;
  notes: Counter;
}

export interface QualitySampleAcc {
  file: string;
  line: number;
  reason: string;
}

/** Problems kept with file and line: the first few of each reason, so a flood of one kind hides no other. */
const SAMPLES_PER_REASON = 5;

function before(a: QualitySampleAcc, b: QualitySampleAcc): boolean {
  return a.file < b.file || (a.file === b.file && a.line < b.line);
}

export class WeekAccumulator {
  readonly hours: HourIndex;
  honeypots = new Map<string, HoneypotAcc>();
  /** Honeypot events per hour by honeypot. */
  hourByHoneypot: Counter[];
  /** …and by source address (for unique counts and peak countries). */
  hourSources: HourSources;
  /** Honeypot events by source address. */
  bySource: Counter = new Map();
  ports = new Map<number, PortAcc>();
  usernames: Counter = new Map();
  passwords: Counter = new Map();
  pairs: Counter = new Map();
  cowrie = {
    sessions: 0,
    loginAttempts: 0,
    loginSuccesses: 0,
    commandCount: 0,
    commands: new Map() as Counter,
    downloads: new Map<string, DownloadAcc>(),
    clientVersions: new Map() as Counter,
    hassh: new Map() as Counter,
    tunnelTargets: new Map() as Counter,
  };
  suricata = {
    alerts: 0,
    signatures: new Map() as Counter,
    categories: new Map() as Counter,
    cves: new Map() as Counter,
  };
  os: Counter = new Map();
  files = new Map<string, FileAcc>();
  private samplesByReason = new Map<string, QualitySampleAcc[]>();
  duplicates = 0;
  excludedSources = 0;

  constructor(
    readonly startMs: number,
    readonly endMs: number,
    readonly timeZone: string,
    /** Names of parsers whose events count as attacks (honeypots, not Suricata/p0f/fatt). */
    readonly attackHoneypots: ReadonlySet<string>,
  ) {
    this.hours = new HourIndex(startMs, endMs, timeZone);
    this.hourByHoneypot = this.hours.starts.map(() => new Map());
    this.hourSources = new HourSources(this.hours.starts.length);
  }

  inWeek(ts: number): boolean {
    return ts >= this.startMs && ts < this.endMs;
  }

  file(file: string, honeypot: string): FileAcc {
    let f = this.files.get(file);
    if (!f) {
      f = { file, honeypot, lines: 0, events: 0, skipped: new Map(), outsideWeek: 0, notes: new Map() };
      this.files.set(file, f);
    }
    return f;
  }

  /** A line or file problem, counted and (the first few of each reason) kept with file and line. */
  problem(f: FileAcc, kind: "skipped" | "notes", reason: string, line: number): void {
    bump(kind === "skipped" ? f.skipped : f.notes, reason);
    this.keepSample({ file: f.file, line, reason });
  }

  /** Keeps the smallest (file, line) samples of each reason: the same whatever the reading order. */
  private keepSample(x: QualitySampleAcc): void {
    let list = this.samplesByReason.get(x.reason);
    if (!list) this.samplesByReason.set(x.reason, (list = []));
    if (list.length === SAMPLES_PER_REASON && !before(x, list[list.length - 1]!)) return;
    let i = list.length;
    while (i > 0 && before(x, list[i - 1]!)) i--;
    list.splice(i, 0, x);
    if (list.length > SAMPLES_PER_REASON) list.pop();
  }

  get samples(): QualitySampleAcc[] {
    return [...this.samplesByReason.values()].flat();
  }

  /** Count one event of the week. The caller has checked inWeek and excluded sensor/private addresses. */
  add(e: HoneypotEvent): void {
    const hour = this.hours.indexOf(e.ts);
    const day = this.hours.dayOf(hour);
    const ip = e.srcIp;
    if (e.kind === "alert") {
      this.addAlert(e);
      return;
    }
    if (e.kind === "fingerprint") {
      if (e.os) bump(this.os, e.os);
      return;
    }
    if (!this.attackHoneypots.has(e.honeypot)) return;

    let hp = this.honeypots.get(e.honeypot);
    if (!hp) {
      hp = { events: 0, connections: 0, perDay: [0, 0, 0, 0, 0, 0, 0], perHour: this.hours.starts.map(() => 0), sources: new Set() };
      this.honeypots.set(e.honeypot, hp);
    }
    hp.events++;
    hp.perDay[day]!++;
    hp.perHour[hour]!++;
    bump(this.hourByHoneypot[hour]!, e.honeypot);
    if (ip) {
      hp.sources.add(ip);
      this.hourSources.add(hour, ip);
      bump(this.bySource, ip);
    }

    switch (e.kind) {
      case "connect":
        hp.connections++;
        if (e.honeypot === "cowrie") this.cowrie.sessions++;
        if (e.dstPort !== undefined) this.addPortHit(e.dstPort, day, ip, e.honeypot);
        // Dionaea logs credentials on its one line per connection.
        if (e.username !== undefined || e.password !== undefined) this.addLogin(e);
        break;
      case "login":
        this.addLogin(e);
        break;
      case "command":
        if (e.command !== undefined) {
          if (e.honeypot === "cowrie") {
            this.cowrie.commandCount++;
            bump(this.cowrie.commands, e.command);
          }
        }
        break;
      case "download":
        if (e.honeypot === "cowrie") this.addDownload(e);
        break;
      case "client":
        if (e.honeypot === "cowrie") {
          if (e.clientVersion !== undefined) bump(this.cowrie.clientVersions, e.clientVersion);
          if (e.hassh !== undefined) bump(this.cowrie.hassh, e.hassh);
        }
        break;
      case "tunnel":
        if (e.tunnelHost !== undefined || e.tunnelPort !== undefined) {
          bump(this.cowrie.tunnelTargets, `${e.tunnelHost ?? "?"}:${e.tunnelPort ?? "?"}`);
        }
        break;
      default:
        break;
    }
  }

  private addPortHit(port: number, day: number, ip: string | undefined, honeypot: string): void {
    let p = this.ports.get(port);
    if (!p) {
      p = { connections: 0, perDay: [0, 0, 0, 0, 0, 0, 0], bySource: new Map(), byHoneypot: new Map() };
      this.ports.set(port, p);
    }
    p.connections++;
    p.perDay[day]!++;
    if (ip) bump(p.bySource, ip);
    bump(p.byHoneypot, honeypot);
  }

  private addLogin(e: HoneypotEvent): void {
    const user = e.username ?? "";
    const pass = e.password ?? "";
    bump(this.usernames, user);
    bump(this.passwords, pass);
    bump(this.pairs, pairKey(user, pass));
    if (e.honeypot === "cowrie" && e.kind === "login") {
      this.cowrie.loginAttempts++;
      if (e.loginSuccess) this.cowrie.loginSuccesses++;
    }
  }

  private addDownload(e: HoneypotEvent): void {
    const sha = e.sha256 ?? "";
    const url = e.url ?? "";
    const key = sha || `url:${url}`;
    const d = this.cowrie.downloads.get(key);
    if (d) {
      d.count++;
      // Keep the smallest URL for a hash, so the choice does not depend on reading order.
      if (url && (!d.url || url < d.url)) d.url = url;
    } else {
      this.cowrie.downloads.set(key, { sha256: sha, url, count: 1 });
    }
  }

  private addAlert(e: HoneypotEvent): void {
    const a = e.alert;
    if (!a) return;
    this.suricata.alerts++;
    bump(this.suricata.signatures, `${a.signatureId} ${a.signature}`);
    if (a.category) bump(this.suricata.categories, a.category);
    for (const cve of a.cves) bump(this.suricata.cves, cve);
  }

  /**
   * Fold another accumulator of the same week into this one. With `consume`, `o` is given up (it
   * must not be used after): where this one has nothing yet, o's own Maps and records are taken
   * instead of copied (a worker's accumulator merged into an empty one is taken whole).
   */
  merge(o: WeekAccumulator, { consume = false }: { consume?: boolean } = {}): void {
    if (o.startMs !== this.startMs || o.endMs !== this.endMs) throw new Error("cannot merge accumulators of different weeks");
    const counter = (into: Counter, from: Counter): Counter => {
      // Given up, the bigger one takes the smaller one's entries (no growing of the bigger table).
      if (consume && from.size > into.size) {
        mergeCounter(from, into);
        return from;
      }
      mergeCounter(into, from);
      return into;
    };
    for (const [name, h] of o.honeypots) {
      const t = this.honeypots.get(name);
      if (!t) {
        this.honeypots.set(name, consume ? h : { ...h, perDay: [...h.perDay], perHour: [...h.perHour], sources: new Set(h.sources) });
        continue;
      }
      t.events += h.events;
      t.connections += h.connections;
      h.perDay.forEach((v, i) => (t.perDay[i]! += v));
      h.perHour.forEach((v, i) => (t.perHour[i]! += v));
      if (consume && t.sources.size < h.sources.size) [t.sources, h.sources] = [h.sources, t.sources];
      const into = t.sources;
      h.sources.forEach((s) => into.add(s));
    }
    this.hourByHoneypot = this.hourByHoneypot.map((m, i) => counter(m, o.hourByHoneypot[i]!));
    // (A SourceTally bound to this accumulator keeps ids of its HourSources; it has none while
    // that one has no address, so taking o's is safe then.)
    if (consume && this.hourSources.ips.length === 0) this.hourSources = o.hourSources;
    else this.hourSources.merge(o.hourSources);
    this.bySource = counter(this.bySource, o.bySource);
    for (const [port, p] of o.ports) {
      const t = this.ports.get(port);
      if (!t) {
        this.ports.set(port, consume ? p : { connections: p.connections, perDay: [...p.perDay], bySource: new Map(p.bySource), byHoneypot: new Map(p.byHoneypot) });
        continue;
      }
      t.connections += p.connections;
      p.perDay.forEach((v, i) => (t.perDay[i]! += v));
      t.bySource = counter(t.bySource, p.bySource);
      t.byHoneypot = counter(t.byHoneypot, p.byHoneypot);
    }
    this.usernames = counter(this.usernames, o.usernames);
    this.passwords = counter(this.passwords, o.passwords);
    this.pairs = counter(this.pairs, o.pairs);
    const c = this.cowrie;
    c.sessions += o.cowrie.sessions;
    c.loginAttempts += o.cowrie.loginAttempts;
    c.loginSuccesses += o.cowrie.loginSuccesses;
    c.commandCount += o.cowrie.commandCount;
    c.commands = counter(c.commands, o.cowrie.commands);
    for (const [k, d] of o.cowrie.downloads) {
      const t = c.downloads.get(k);
      if (!t) c.downloads.set(k, consume ? d : { ...d });
      else {
        t.count += d.count;
        if (d.url && (!t.url || d.url < t.url)) t.url = d.url;
      }
    }
    c.clientVersions = counter(c.clientVersions, o.cowrie.clientVersions);
    c.hassh = counter(c.hassh, o.cowrie.hassh);
    c.tunnelTargets = counter(c.tunnelTargets, o.cowrie.tunnelTargets);
    this.suricata.alerts += o.suricata.alerts;
    this.suricata.signatures = counter(this.suricata.signatures, o.suricata.signatures);
    this.suricata.categories = counter(this.suricata.categories, o.suricata.categories);
    this.suricata.cves = counter(this.suricata.cves, o.suricata.cves);
    this.os = counter(this.os, o.os);
    for (const [path, f] of o.files) {
      const t = this.files.get(path);
      if (!t) {
        this.files.set(path, consume ? f : { ...f, skipped: new Map(f.skipped), notes: new Map(f.notes) });
        continue;
      }
      t.lines += f.lines;
      t.events += f.events;
      t.outsideWeek += f.outsideWeek;
      mergeCounter(t.skipped, f.skipped);
      mergeCounter(t.notes, f.notes);
    }
    for (const x of o.samples) this.keepSample(x);
    this.duplicates += o.duplicates;
    this.excludedSources += o.excludedSources;
  }
}
