/**
 * The planted facts: what the seed post (2019-W26, "ハニーポットメモリー【3】") reports, placed in
 * the logs exactly, plus the traps a reader of real T-Pot logs meets.
 *
 *  - Port 3389 (RDP; Honeytrap in 24.x before June 2026, or whoever `rdpOwner` names): 431 and
 *    409 connections in W24 and W25 (average 420), 334 in W26; Indonesia is the top source in
 *    W24/W25, China in W26.
 *  - Port 7001 (Oracle WebLogic, Honeytrap): 8 connections in W26, a handful before; the
 *    exploit attempts carry CVE-2019-2725/2729 payloads that Suricata alerts on.
 *  - The week's busiest hour: a burst of SSH brute force around 6/29 09:00 JST from NL and RU.
 *    Every week gets one burst, so its busiest hour is unmistakable.
 *  - Honeytrap down from 6/24 00:00 to 6/25 06:00 JST (30 hours).
 *  - Connections that straddle a week boundary or a restart (written after it, stamped before).
 *  - Junk lines of every kind the reader must survive.
 *  - Floods after the last week (outside every week, so no count moves) that make Wordpot and
 *    Dicompot rotate their files by size, as they do on a busy day.
 *
 * Counts of planted connections do not scale: the post's numbers are absolute. Bursts scale with
 * the volume so that they stay the busiest hour at any scale.
 */
import { DateTime } from "luxon";
import { AddressDrawer } from "./addresses.ts";
import type { Source } from "./addresses.ts";
import { US_PER_DAY, US_PER_HOUR, US_PER_SECOND, weekWindow } from "./clock.ts";
import type { WeekWindow } from "./clock.ts";
import type { JunkKind, RdpOwner } from "./format.ts";
import { Rng, WeightedTable, apportion, zipfWeights } from "./prng.ts";
import type { Availability, Outage, World } from "./world.ts";

export const RDP_PORT = 3389;
export const WEBLOGIC_PORT = 7001;

/** What a planted Honeytrap/Dionaea connection carries. */
export type PlantedPayload = "rdp" | "http-get" | "weblogic-probe" | "weblogic-2725" | "weblogic-2729" | "smb" | "none";

export interface PlantedConnection {
  honeypot: "honeytrap" | "dionaea" | "rdphoneypot" | "rdpy";
  startUs: number;
  durationUs: number;
  port: number;
  source: Source;
  payload: PlantedPayload;
  /** Why it is there, for the manifest ("watched-port", "week-boundary", "restart-crossing"). */
  purpose: "watched-port" | "week-boundary" | "restart-crossing";
}

export interface PlantedBurst {
  weekId: string;
  /** Start of the local hour the burst fills. */
  hourStartUs: number;
  sessions: number;
  countries: Record<string, number>;
  sources: WeightedTable<Source>;
}

export interface PlantedJunk {
  honeypot: string;
  atUs: number;
  kind: JunkKind;
}

/** What a week was planned to hold (the tally reports what was written). */
export interface WeekIntent {
  weekId: string;
  /** Planned connection counts per watched port and country, over the whole ISO week. */
  watched: Record<string, { connections: number; countries: Record<string, number> }>;
  weblogicExploits: Record<string, number>;
  burst: { hourStart: string; sessions: number; countries: Record<string, number> } | null;
}

/** A brute-force flood of one honeypot, big enough to trigger its size rotation. */
export interface PlantedFlood {
  honeypot: "wordpot" | "dicompot";
  startUs: number;
  endUs: number;
  /** Lines planned at most (evenly spaced); the format writes until `bytes` are written and sets `lines` to the count. */
  lines: number;
  bytes: number;
  purpose: string;
}

export interface PlantedPlan {
  /** SSH/Telnet volume level per ISO week (see WeekSpec.sshVolume). */
  sshVolume: Array<{ startUs: number; endUs: number; level: number }>;
  connections: PlantedConnection[];
  bursts: PlantedBurst[];
  junk: PlantedJunk[];
  intents: WeekIntent[];
  floods: PlantedFlood[];
}

interface WeekSpec {
  /** Weekly level of SSH/Telnet volume (1 = ordinary): brute-force campaigns come and go. */
  sshVolume: number;
  rdp: { connections: number; shares: Record<string, number> };
  weblogic: { probes: number; cve20192725: number; cve20192729: number };
  burst: { day: number; hour: number; sessions: number; countries: Record<string, number> };
}

/** The four weeks of the seed post and its comparisons. */
const SEED_WEEKS: Readonly<Record<string, WeekSpec>> = {
  "2019-W23": {
    sshVolume: 0.97,
    rdp: { connections: 396, shares: { ID: 30, CN: 14, US: 9, RU: 8, NL: 6, BR: 5, VN: 5, FR: 4, DE: 4, KR: 3, TR: 3, UA: 3, IN: 3, GB: 2, TW: 1 } },
    weblogic: { probes: 3, cve20192725: 0, cve20192729: 0 },
    burst: { day: 2, hour: 3, sessions: 430, countries: { CN: 1 } },
  },
  "2019-W24": {
    sshVolume: 0.99,
    rdp: { connections: 431, shares: { ID: 34, CN: 14, US: 9, RU: 8, NL: 6, FR: 4, DE: 4, BR: 4, VN: 3, KR: 3, GB: 3, TR: 2, IN: 2, UA: 2, SG: 2 } },
    weblogic: { probes: 4, cve20192725: 1, cve20192729: 0 },
    burst: { day: 3, hour: 22, sessions: 400, countries: { US: 6, CN: 4 } },
  },
  "2019-W25": {
    sshVolume: 0.96,
    rdp: { connections: 409, shares: { ID: 33, CN: 15, US: 10, RU: 7, NL: 6, BR: 5, DE: 4, FR: 4, VN: 4, KR: 3, IN: 3, GB: 2, UA: 2, TR: 2 } },
    weblogic: { probes: 3, cve20192725: 2, cve20192729: 1 },
    burst: { day: 4, hour: 14, sessions: 420, countries: { VN: 1 } },
  },
  "2019-W26": {
    // The seed week: about 110,000 events, over 100,000 of them Cowrie.
    sshVolume: 1.12,
    rdp: { connections: 334, shares: { CN: 35, US: 13, RU: 11, NL: 9, FR: 5, DE: 5, BR: 4, KR: 4, VN: 3, GB: 3, SG: 2, IN: 2, TR: 2, ID: 1, UA: 1 } },
    weblogic: { probes: 3, cve20192725: 4, cve20192729: 1 },
    burst: { day: 5, hour: 9, sessions: 1400, countries: { NL: 55, RU: 45 } },
  },
};

/** Honeytrap's outage in the seed week (the post: "the honeypot was down early in the week"). */
export function seedOutages(timeZone: string): Outage[] {
  const at = (iso: string): number => DateTime.fromISO(iso, { zone: timeZone }).toMillis() * 1000;
  return [{ honeypot: "honeytrap", startUs: at("2019-06-24T00:00:00"), endUs: at("2019-06-25T06:00:00"), reason: "honeytrap container down (planted)" }];
}

/** A week spec for weeks the seed post does not describe: ordinary, drawn from the stream. */
function defaultWeekSpec(rng: Rng): WeekSpec {
  return {
    sshVolume: 0.9 + 0.2 * rng.next(),
    rdp: { connections: rng.int(370, 450), shares: { ID: 25, CN: 20, US: 10, RU: 9, NL: 6, BR: 5, VN: 5, FR: 4, DE: 4, KR: 3, IN: 3, GB: 2, UA: 2, TR: 2 } },
    weblogic: { probes: rng.int(2, 5), cve20192725: 0, cve20192729: 0 },
    burst: { day: rng.int(0, 6), hour: rng.int(0, 23), sessions: 400, countries: { [rng.pick(["CN", "US", "RU", "VN", "BR"])]: 1 } },
  };
}

const WEBLOGIC_PROBE_COUNTRIES = { US: 4, NL: 2, CN: 2, RU: 1, DE: 1 };
const WEBLOGIC_EXPLOIT_COUNTRIES = { CN: 4, US: 2, KR: 1, RU: 1, HK: 1 };

export function planPlanted(opts: { world: World; availability: Availability; drawer: AddressDrawer; rng: Rng; scale: number; rdpOwner?: RdpOwner }): PlantedPlan {
  const { world, availability, rng } = opts;
  const rdpOwner = opts.rdpOwner ?? "honeytrap";
  const plan: PlantedPlan = { sshVolume: [], connections: [], bursts: [], junk: [], intents: [], floods: planFloods(world) };
  const sourceSets = new Map<string, WeightedTable<Source>>();
  // A few addresses per country and purpose, drawn once: the same RDP scanners return weekly.
  const sourcesOf = (purpose: string, country: string, size: number): WeightedTable<Source> => {
    const key = `${purpose}:${country}`;
    let set = sourceSets.get(key);
    if (!set) {
      const list = opts.drawer.draw(country, size, rng);
      set = new WeightedTable(list, zipfWeights(list.length, 1.1));
      sourceSets.set(key, set);
    }
    return set;
  };

  for (const week of isoWeeksTouching(world)) {
    const spec = SEED_WEEKS[week.id] ?? defaultWeekSpec(rng);
    const fromUs = Math.max(week.startUs, world.spanStartUs);
    const toUs = Math.min(week.endUs, world.spanEndUs);
    // Partial weeks at the edges of the span get their share of the week's counts.
    const fraction = (toUs - fromUs) / (week.endUs - week.startUs);
    const intent: WeekIntent = { weekId: week.id, watched: {}, weblogicExploits: {}, burst: null };
    plan.sshVolume.push({ startUs: week.startUs, endUs: week.endUs, level: spec.sshVolume });

    // Port 3389: exact per-country counts, in visits of a few connections each.
    const rdpTotal = Math.round(spec.rdp.connections * fraction);
    const rdpCountries = Object.keys(spec.rdp.shares);
    const rdpCounts = apportion(rdpTotal, Object.values(spec.rdp.shares));
    const rdpByCountry: Record<string, number> = {};
    rdpCountries.forEach((cc, i) => {
      if (rdpCounts[i]! > 0) rdpByCountry[cc] = rdpCounts[i]!;
      placeVisits(plan, availability, rng, {
        honeypot: rdpOwner, count: rdpCounts[i]!, fromUs, toUs, port: RDP_PORT, payload: "rdp",
        sources: sourcesOf("rdp", cc, cc === "ID" || cc === "CN" ? 8 : 3), meanGapUs: 20 * US_PER_SECOND,
      });
    });
    intent.watched[String(RDP_PORT)] = { connections: rdpTotal, countries: rdpByCountry };

    // Port 7001: probes and exploit attempts.
    const wl = spec.weblogic;
    const scaled = (n: number): number => Math.round(n * fraction);
    const wlCountries: Record<string, number> = {};
    const weblogic: Array<[PlantedPayload, number, Record<string, number>]> = [
      ["weblogic-probe", scaled(wl.probes), WEBLOGIC_PROBE_COUNTRIES],
      ["weblogic-2725", scaled(wl.cve20192725), WEBLOGIC_EXPLOIT_COUNTRIES],
      ["weblogic-2729", scaled(wl.cve20192729), WEBLOGIC_EXPLOIT_COUNTRIES],
    ];
    for (const [payload, count, mix] of weblogic) {
      const countries = new WeightedTable(Object.keys(mix), Object.values(mix));
      for (let i = 0; i < count; i++) {
        const cc = countries.pick(rng);
        wlCountries[cc] = (wlCountries[cc] ?? 0) + 1;
        placeVisits(plan, availability, rng, {
          honeypot: "honeytrap", count: 1, fromUs, toUs, port: WEBLOGIC_PORT, payload, sources: sourcesOf("weblogic", cc, 2), meanGapUs: US_PER_SECOND,
        });
      }
    }
    intent.watched[String(WEBLOGIC_PORT)] = { connections: weblogic.reduce((a, [, n]) => a + n, 0), countries: wlCountries };
    intent.weblogicExploits = { "CVE-2019-2725": scaled(wl.cve20192725), "CVE-2019-2729": scaled(wl.cve20192729) };

    // The burst: one local hour of SSH brute force from a handful of addresses.
    const hourStartUs = week.startUs + spec.burst.day * US_PER_DAY + spec.burst.hour * US_PER_HOUR;
    if (hourStartUs >= world.spanStartUs && hourStartUs + US_PER_HOUR <= world.spanEndUs) {
      const sessions = Math.max(1, Math.round(spec.burst.sessions * opts.scale));
      const list: Source[] = [];
      const weights: number[] = [];
      for (const [cc, share] of Object.entries(spec.burst.countries)) {
        const n = Math.max(2, Math.round(share / 10) + 2);
        for (const [i, source] of opts.drawer.draw(cc, n, rng).entries()) {
          list.push(source);
          weights.push(share / n * (i === 0 ? 2 : 1));
        }
      }
      plan.bursts.push({ weekId: week.id, hourStartUs, sessions, countries: spec.burst.countries, sources: new WeightedTable(list, weights) });
      intent.burst = { hourStart: DateTime.fromMillis(hourStartUs / 1000, { zone: world.timeZone }).toISO({ suppressMilliseconds: true })!, sessions, countries: spec.burst.countries };
    }

    if (world.weeks.some((w) => w.id === week.id)) plan.intents.push(intent);
  }

  plantBoundaryCases(plan, world, availability, rng, sourcesOf);
  plantJunk(plan, world, availability);
  plan.connections.sort((a, b) => a.startUs - b.startUs || a.port - b.port);
  plan.junk.sort((a, b) => a.atUs - b.atUs);
  return plan;
}

/** The SSH/Telnet volume level at an instant (1 outside planned weeks). */
export function sshVolumeAt(plan: PlantedPlan, us: number): number {
  for (const v of plan.sshVolume) if (us >= v.startUs && us < v.endUs) return v.level;
  return 1;
}

/** Places `count` connections in visits (one address, a few connections seconds apart). */
function placeVisits(
  plan: PlantedPlan,
  availability: Availability,
  rng: Rng,
  o: { honeypot: PlantedConnection["honeypot"]; count: number; fromUs: number; toUs: number; port: number; payload: PlantedPayload; sources: WeightedTable<Source>; meanGapUs: number },
): void {
  let left = o.count;
  while (left > 0) {
    const size = Math.min(left, 1 + Math.floor(rng.exponential(3)));
    const source = o.sources.pick(rng);
    // Redraw the visit until every connection is inside the window and the honeypot was up
    // for its whole duration: the planted count must be exactly what the files hold.
    for (let attempt = 0; ; attempt++) {
      if (attempt > 10_000) throw new Error(`Unexpected failure to place ${size} connections on port ${o.port}, expected free time in the week`);
      let t = o.fromUs + Math.floor(rng.next() * (o.toUs - o.fromUs - US_PER_HOUR));
      const visit: PlantedConnection[] = [];
      let ok = true;
      for (let i = 0; i < size && ok; i++) {
        const durationUs = Math.floor((0.3 + rng.exponential(2.5)) * US_PER_SECOND);
        ok = t >= o.fromUs && t + durationUs < o.toUs && !availability.isDown(o.honeypot, t) && !availability.isInterrupted(o.honeypot, t, t + durationUs);
        visit.push({ honeypot: o.honeypot, startUs: t, durationUs, port: o.port, source, payload: o.payload, purpose: "watched-port" });
        t += Math.floor(rng.exponential(o.meanGapUs)) + US_PER_SECOND;
      }
      if (ok) {
        plan.connections.push(...visit);
        break;
      }
    }
    left -= size;
  }
}

/**
 * Lines whose write time and timestamp fall on two sides of a boundary: a connection that starts
 * seconds before a week begins and ends after (written in the new week, stamped in the old), and
 * a long one that outlives a restart (its line is in the next rotated file).
 */
function plantBoundaryCases(
  plan: PlantedPlan,
  world: World,
  availability: Availability,
  rng: Rng,
  sourcesOf: (purpose: string, country: string, size: number) => WeightedTable<Source>,
): void {
  const add = (c: Omit<PlantedConnection, "source">, country: string): void => {
    if (availability.isDown(c.honeypot, c.startUs) || availability.isInterrupted(c.honeypot, c.startUs, c.startUs + c.durationUs)) return;
    plan.connections.push({ ...c, source: sourcesOf("boundary", country, 4).pick(rng) });
  };
  for (const week of world.weeks) {
    add({ honeypot: "honeytrap", startUs: week.startUs - 8 * US_PER_SECOND, durationUs: 31 * US_PER_SECOND, port: 8088, payload: "http-get", purpose: "week-boundary" }, "US");
    add({ honeypot: "dionaea", startUs: week.startUs - 3 * US_PER_SECOND + 250_000, durationUs: 47 * US_PER_SECOND, port: 445, payload: "smb", purpose: "week-boundary" }, "VN");
    const restart = world.restarts.find((r) => r.atUs > week.startUs && r.atUs < week.endUs);
    if (restart) {
      add({ honeypot: "dionaea", startUs: restart.atUs - 20 * US_PER_SECOND, durationUs: 4 * 60 * US_PER_SECOND, port: 445, payload: "smb", purpose: "restart-crossing" }, "IN");
      add({ honeypot: "honeytrap", startUs: restart.atUs - 40 * US_PER_SECOND, durationUs: 6 * 60 * US_PER_SECOND, port: 8088, payload: "http-get", purpose: "restart-crossing" }, "US");
    }
  }
}

/**
 * Junk at fixed places relative to the listed weeks (week k, day d, local hour h), each in a
 * file the honeypot was writing then. The cut-off last lines are added at the end of the run.
 */
function plantJunk(plan: PlantedPlan, world: World, availability: Availability): void {
  const weeks = world.weeks;
  const at = (k: number, day: number, hour: number, minute: number): number =>
    weeks[Math.min(k, weeks.length - 1)]!.startUs + day * US_PER_DAY + hour * US_PER_HOUR + minute * 60 * US_PER_SECOND + 123_457;
  const add = (honeypot: string, atUs: number, kind: JunkKind): void => {
    // A honeypot that is down writes nothing: move the junk a day later.
    while (availability.isDown(honeypot, atUs)) atUs += US_PER_DAY;
    plan.junk.push({ honeypot, atUs, kind });
  };
  add("cowrie", at(0, 1, 3, 30), "not-json");
  add("cowrie", at(weeks.length - 1, 2, 15, 13), "invalid-utf8");
  add("dionaea", at(0, 4, 20, 0), "not-json");
  add("dionaea", at(2, 3, 11, 47), "invalid-utf8");
  add("suricata", at(1, 5, 6, 6), "not-json");
  for (let k = 0; k < weeks.length; k++) add("honeytrap", at(k, 3, 12, 0), "impossible-record");
  add("honeytrap", at(weeks.length - 1, 6, 22, 58), "impossible-record");
  // A run of NUL bytes at the start of a fresh Cowrie file after a restart: what a writer
  // without O_APPEND leaves when its file is truncated under it.
  const restart = world.restarts.find((r) => r.atUs > weeks[Math.min(1, weeks.length - 1)]!.startUs + 2 * US_PER_DAY);
  if (restart) plan.junk.push({ honeypot: "cowrie", atUs: restart.atUs + restart.downtimeUs + 1, kind: "binary" });
}

/**
 * After the last restart and the last week: a WordPress login brute force (Wordpot rolls
 * wordpot.log over at 2 MiB) and a DICOM C-FIND loop (Dicompot's lumberjack rolls at 10 MB).
 * Nothing restarts after them, so logrotate never meets the backups; their events are outside
 * every week, so no count the manifest reports moves. Left out when the span has no room.
 */
function planFloods(world: World): PlantedFlood[] {
  const last = world.restarts[world.restarts.length - 1];
  const lastWeek = world.weeks[world.weeks.length - 1]!;
  if (!last) return [];
  const startUs = Math.max(last.atUs + last.downtimeUs, lastWeek.endUs) + US_PER_HOUR;
  const endUs = startUs + 4 * US_PER_HOUR;
  if (endUs > world.spanEndUs - US_PER_HOUR) return [];
  return [
    { honeypot: "wordpot", startUs, endUs, lines: 9000, bytes: Math.round(2 * 1024 * 1024 * 1.2), purpose: "wp-login brute force: wordpot.log passes 2 MiB and rotates to wordpot.log.1" },
    { honeypot: "dicompot", startUs: startUs + 30 * 60 * US_PER_SECOND, endUs, lines: 80_000, bytes: Math.round(10 * 1024 * 1024 * 1.1), purpose: "C-FIND loop: dicompot.log passes 10 MiB and lumberjack keeps a timestamped backup" },
  ];
}

/** Every ISO week (site zone) that overlaps the span, in order. */
function isoWeeksTouching(world: World): WeekWindow[] {
  const out: WeekWindow[] = [];
  let cursor = DateTime.fromMillis(world.spanStartUs / 1000, { zone: world.timeZone });
  for (;;) {
    const id = `${cursor.weekYear}-W${String(cursor.weekNumber).padStart(2, "0")}`;
    const week = weekWindow(id, world.timeZone);
    if (week.startUs >= world.spanEndUs) break;
    out.push(week);
    cursor = DateTime.fromMillis(week.endUs / 1000, { zone: world.timeZone });
  }
  return out;
}
