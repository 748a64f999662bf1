/**
 * The hot half of `WeekAccumulator.add` for one honeypot's events, with the per-source counting
 * done on small integers instead of string-keyed Maps; `flushInto` then puts into a
 * WeekAccumulator exactly the state that calling `add` for each event would have left (Maps hold
 * the same keys and counts; insertion order is not part of the state: finalize sorts).
 *
 * Per event, `add` touches five string-keyed Maps and a Set for the source address alone (the
 * honeypot's sources, per-hour sources, per-source counts, per-hour honeypot counts). Here an
 * address becomes an id once (one Map look-up) and those become array increments; a source's
 * count for the current hour is kept in a slot and written out as a span of the accumulator's
 * HourSources (by that one's id for the address, looked up once) when its hour changes (logs are
 * nearly in time order). Connections by (port, source) and, for events that carry keys of the
 * fast path's string table (parse/fast/intern.ts EventKeys), logins by (username, password) are
 * counted in tables of integers and put into the accumulator's Maps at flush (keyedLogins.ts).
 * Everything else (commands, downloads, client versions…) is passed to the same Maps `add` uses,
 * in the same way.
 *
 * tests/perf/tally.test.ts holds it to `add` on random events of every kind.
 */
import type { HoneypotEvent } from "../model/event.ts";
import type { HoneypotAcc, PortAcc, WeekAccumulator } from "./accumulator.ts";
import { pairKey } from "../model/pairs.ts";
import { bump } from "./counter.ts";
import type { EventKeys, StringTable } from "../parse/fast/intern.ts";
import { KeyedLogins, PairCounter } from "./keyedLogins.ts";

export class SourceTally {
  private readonly ids = new Map<string, number>();
  private readonly ips: string[] = [];
  private count: Float64Array<ArrayBuffer> = new Float64Array(1024);
  private hourOf: Int32Array<ArrayBuffer> = new Int32Array(1024).fill(-1);
  private hourCount: Float64Array<ArrayBuffer> = new Float64Array(1024);
  /** Per id: 0 not asked yet, 1 an attacker, 2 not counted (sensor or reserved address). */
  private verdict: Uint8Array<ArrayBuffer> = new Uint8Array(1024);
  /** Per id: the address's id in the accumulator's HourSources. */
  private hourSourceId: Uint32Array<ArrayBuffer> = new Uint32Array(1024);
  private readonly perHourEvents: Float64Array;
  private events = 0;
  private connections = 0;
  private readonly perDay = [0, 0, 0, 0, 0, 0, 0];
  private lastIp: string | undefined;
  private lastId = 0;
  /** Pairs by username, then password (no "user\0password" string made per event). */
  private readonly pairs = new Map<string, Map<string, number>>();
  /**
   * The string table of the keyed events seen (parse/fast/intern.ts; the first one's: a thread
   * has one lean parser per honeypot), by key: the address's id + 1 (0: not known yet).
   */
  private keys: StringTable | undefined;
  private idByKey: Int32Array<ArrayBuffer> = new Int32Array(0);
  private readonly keyedLogins = new KeyedLogins();
  /** Connections by (port, source id): the ports' bySource Maps are bumped once per pair, at flush. */
  private readonly portSources = new PairCounter();

  constructor(
    private readonly acc: WeekAccumulator,
    readonly honeypot: string,
  ) {
    this.perHourEvents = new Float64Array(acc.hours.starts.length);
  }

  /** True when `add` would count this honeypot's events (else use acc.add). */
  get usable(): boolean {
    return this.acc.attackHoneypots.has(this.honeypot);
  }

  /**
   * `acc.add(e)` for an event of this honeypot that is not an alert or fingerprint (the caller
   * has checked inWeek and the source filter, as for add).
   */
  add(e: HoneypotEvent): void {
    const acc = this.acc;
    const hour = acc.hours.indexOf(e.ts);
    const day = acc.hours.dayOf(hour);
    const ip = e.srcIp;
    this.events++;
    this.perDay[day]!++;
    this.perHourEvents[hour]!++;
    let id = -1;
    if (ip) {
      id = this.sourceId(e, ip);
      this.count[id]!++;
      if (this.hourOf[id] === hour) this.hourCount[id]!++;
      else {
        if (this.hourOf[id]! >= 0) acc.hourSources.addSpan(this.hourOf[id]!, this.hourSourceId[id]!, this.hourCount[id]!);
        this.hourOf[id] = hour;
        this.hourCount[id] = 1;
      }
    }
    const c = acc.cowrie;
    switch (e.kind) {
      case "connect":
        this.connections++;
        if (this.honeypot === "cowrie") c.sessions++;
        if (e.dstPort !== undefined) {
          const p = portOf(acc, e.dstPort);
          p.connections++;
          p.perDay[day]!++;
          if (id >= 0) this.portSources.add(e.dstPort, id);
          bump(p.byHoneypot, this.honeypot);
        }
        if (e.username !== undefined || e.password !== undefined) this.login(e);
        break;
      case "login":
        this.login(e);
        break;
      case "command":
        if (e.command !== undefined && this.honeypot === "cowrie") {
          c.commandCount++;
          bump(c.commands, e.command);
        }
        break;
      case "download":
        if (this.honeypot === "cowrie") {
          const sha = e.sha256 ?? "";
          const url = e.url ?? "";
          const key = sha || `url:${url}`;
          const d = c.downloads.get(key);
          if (d) {
            d.count++;
            if (url && (!d.url || url < d.url)) d.url = url;
          } else c.downloads.set(key, { sha256: sha, url, count: 1 });
        }
        break;
      case "client":
        if (this.honeypot === "cowrie") {
          if (e.clientVersion !== undefined) bump(c.clientVersions, e.clientVersion);
          if (e.hassh !== undefined) bump(c.hassh, e.hassh);
        }
        break;
      case "tunnel":
        if (e.tunnelHost !== undefined || e.tunnelPort !== undefined) bump(c.tunnelTargets, `${e.tunnelHost ?? "?"}:${e.tunnelPort ?? "?"}`);
        break;
      default:
        break;
    }
  }

  private login(e: HoneypotEvent): void {
    const acc = this.acc;
    const k = e as HoneypotEvent & Partial<EventKeys>;
    if (k.keys !== undefined && k.keys === this.table(k.keys) && k.userKey! >= 0 && k.passKey! >= 0) {
      this.keyedLogins.add(k.userKey!, k.passKey!);
    } else {
      const user = e.username ?? "";
      const pass = e.password ?? "";
      bump(acc.usernames, user);
      bump(acc.passwords, pass);
      let byPass = this.pairs.get(user);
      if (byPass === undefined) this.pairs.set(user, (byPass = new Map()));
      bump(byPass, pass);
    }
    if (this.honeypot === "cowrie" && e.kind === "login") {
      acc.cowrie.loginAttempts++;
      if (e.loginSuccess) acc.cowrie.loginSuccesses++;
    }
  }

  /** The table this tally takes keys from (the first one offered). */
  private table(t: StringTable): StringTable {
    return (this.keys ??= t);
  }

  /** The id of the event's address `ip`: by its key when it has one of this tally's table. */
  private sourceId(e: HoneypotEvent, ip: string): number {
    const k = e as HoneypotEvent & Partial<EventKeys>;
    const key = k.srcKey;
    if (key === undefined || key < 0 || k.keys === undefined || k.keys !== this.table(k.keys)) return this.idOf(ip);
    if (key >= this.idByKey.length) {
      const m = new Int32Array(Math.max(key + 1, this.idByKey.length * 2, 1024));
      m.set(this.idByKey);
      this.idByKey = m;
    }
    const known = this.idByKey[key]!;
    if (known > 0) return known - 1;
    const id = this.idOf(ip);
    this.idByKey[key] = id + 1;
    return id;
  }

  /** The id of an address (the last one is remembered: isAttacker then add ask for the same). */
  private idOf(ip: string): number {
    if (ip === this.lastIp) return this.lastId;
    let id = this.ids.get(ip);
    if (id === undefined) id = this.newId(ip);
    this.lastIp = ip;
    this.lastId = id;
    return id;
  }

  /**
   * `filter(ip)`, asked once per address (the answer is kept with the address's id): whether
   * the source may be counted as an attacker (SourceFilter.isAttacker, a pure function of ip).
   */
  isAttacker(e: HoneypotEvent, ip: string, filter: (ip: string) => boolean): boolean {
    const id = this.sourceId(e, ip);
    const v = this.verdict[id]!;
    if (v !== 0) return v === 1;
    const ok = filter(ip);
    this.verdict[id] = ok ? 1 : 2;
    return ok;
  }

  private newId(ip: string): number {
    const id = this.ips.length;
    this.ips.push(ip);
    this.ids.set(ip, id);
    if (id >= this.count.length) {
      const n = this.count.length * 2;
      this.count = grow(this.count, n);
      this.hourCount = grow(this.hourCount, n);
      const h = new Int32Array(n).fill(-1);
      h.set(this.hourOf);
      this.hourOf = h;
      const v = new Uint8Array(n);
      v.set(this.verdict);
      this.verdict = v;
      const g = new Uint32Array(n);
      g.set(this.hourSourceId);
      this.hourSourceId = g;
    }
    this.hourSourceId[id] = this.acc.hourSources.idOf(ip);
    return id;
  }

  /**
   * Take over what another tally of the same honeypot and week counted and has not flushed (an
   * optimistic part's, parallel.ts), as if its events had been added here; the other is not used
   * after. What it already wrote into its own accumulator (hour spans, per-event counters) comes
   * with that accumulator's merge. Cheaper than flushing it into Maps and merging those: one look-up
   * per address, array additions for the rest.
   */
  absorb(o: SourceTally): void {
    if (o.honeypot !== this.honeypot) throw new Error("cannot absorb another honeypot's tally");
    const acc = this.acc;
    this.events += o.events;
    this.connections += o.connections;
    for (let d = 0; d < 7; d++) this.perDay[d]! += o.perDay[d]!;
    for (let h = 0; h < this.perHourEvents.length; h++) this.perHourEvents[h]! += o.perHourEvents[h]!;
    const mine = new Int32Array(o.ips.length);
    for (let k = 0; k < o.ips.length; k++) {
      const id = this.idOf(o.ips[k]!);
      mine[k] = id;
      if (this.verdict[id] === 0) this.verdict[id] = o.verdict[k]!;
      const n = o.count[k]!;
      if (n === 0) continue;
      this.count[id]! += n;
      const h = o.hourOf[k]!;
      if (h < 0) continue;
      // o's open hour of this source (read after ours): joined to ours when the same, else it
      // becomes ours and ours is written out, as add() does when a source's hour changes.
      if (this.hourOf[id] === h) this.hourCount[id]! += o.hourCount[k]!;
      else {
        if (this.hourOf[id]! >= 0) acc.hourSources.addSpan(this.hourOf[id]!, this.hourSourceId[id]!, this.hourCount[id]!);
        this.hourOf[id] = h;
        this.hourCount[id] = o.hourCount[k]!;
      }
    }
    o.pairs.forEach((byPass, user) => {
      let into = this.pairs.get(user);
      if (into === undefined) this.pairs.set(user, (into = new Map()));
      const target = into;
      byPass.forEach((n, pass) => bump(target, pass, n));
    });
    if (o.keys !== undefined) {
      if (this.table(o.keys) === o.keys) this.keyedLogins.absorb(o.keyedLogins);
      else o.keyedLogins.flushInto(acc, o.keys.strings);
    }
    o.portSources.forEach((port, k, n) => this.portSources.add(port, mine[k]!, n));
  }

  /** Put what was counted into the accumulator, and start over. */
  flushInto(): void {
    const acc = this.acc;
    for (const [user, byPass] of this.pairs) for (const [pass, n] of byPass) bump(acc.pairs, pairKey(user, pass), n);
    this.pairs.clear();
    if (this.keys !== undefined) this.keyedLogins.flushInto(acc, this.keys.strings);
    this.portSources.forEach((port, id, n) => bump(portOf(acc, port).bySource, this.ips[id]!, n));
    this.portSources.clear();
    this.idByKey.fill(0);
    this.lastIp = undefined;
    if (this.events > 0) {
      let hp = acc.honeypots.get(this.honeypot);
      if (!hp) {
        hp = { events: 0, connections: 0, perDay: [0, 0, 0, 0, 0, 0, 0], perHour: acc.hours.starts.map(() => 0), sources: new Set() } satisfies HoneypotAcc;
        acc.honeypots.set(this.honeypot, hp);
      }
      hp.events += this.events;
      hp.connections += this.connections;
      for (let d = 0; d < 7; d++) hp.perDay[d]! += this.perDay[d]!;
      for (let h = 0; h < this.perHourEvents.length; h++) {
        const n = this.perHourEvents[h]!;
        if (n === 0) continue;
        hp.perHour[h]! += n;
        bump(acc.hourByHoneypot[h]!, this.honeypot, n);
      }
      for (let id = 0; id < this.ips.length; id++) {
        const n = this.count[id]!;
        if (n === 0) continue;
        const ip = this.ips[id]!;
        hp.sources.add(ip);
        bump(acc.bySource, ip, n);
        if (this.hourOf[id]! >= 0) acc.hourSources.addSpan(this.hourOf[id]!, this.hourSourceId[id]!, this.hourCount[id]!);
      }
    }
    this.ids.clear();
    this.ips.length = 0;
    this.count.fill(0);
    this.hourOf.fill(-1);
    this.hourCount.fill(0);
    this.verdict.fill(0);
    this.perHourEvents.fill(0);
    this.events = 0;
    this.connections = 0;
    this.perDay.fill(0);
  }
}

function grow(a: Float64Array<ArrayBuffer>, n: number): Float64Array<ArrayBuffer> {
  const b = new Float64Array(n);
  b.set(a);
  return b;
}

/** The accumulator's record of a port, made on first use. */
function portOf(acc: WeekAccumulator, port: number): PortAcc {
  let p = acc.ports.get(port);
  if (!p) {
    p = { connections: 0, perDay: [0, 0, 0, 0, 0, 0, 0], bySource: new Map(), byHoneypot: new Map() };
    acc.ports.set(port, p);
  }
  return p;
}
