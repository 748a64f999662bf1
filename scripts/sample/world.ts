/**
 * The sensor's timeline: which weeks are generated, the span around them, T-Pot's daily
 * restarts (with their short downtime and the odd unclean one) and honeypot outages.
 * Everything here is decided before the first line is generated, so rotation can plan its
 * files up front and generators can ask "was this honeypot up at t?".
 */
import { US_PER_DAY, US_PER_HOUR, US_PER_MINUTE, US_PER_SECOND, localIso, utcIso, weekWindow } from "./clock.ts";
import type { WeekWindow } from "./clock.ts";
import { Rng } from "./prng.ts";

/** One T-Pot start: logrotate runs (clean.sh) and the containers come back. */
export interface Restart {
  index: number;
  atUs: number;
  /** Seconds no honeypot accepts connections (the reboot). */
  downtimeUs: number;
  /**
   * logrotate's copytruncate copied the live files but did not truncate them (the daily job
   * reboots the host; copytruncate is two steps). The copied lines stay in the live file, so
   * they appear again in the next file: the exact duplicates the pipeline must drop.
   */
  unclean: boolean;
}

export interface Outage {
  honeypot: string;
  startUs: number;
  endUs: number;
  reason: string;
}

export interface World {
  timeZone: string;
  weeks: WeekWindow[];
  /** First and last instant of generated traffic (UTC µs); a little spill around the weeks. */
  spanStartUs: number;
  spanEndUs: number;
  restarts: Restart[];
  outages: Outage[];
}

/** Spill before the first and after the last week, so rotation boundaries fall outside them. */
export const SPILL_US = 30 * US_PER_HOUR;

/**
 * The default weeks: the seed post's week (2019-W26, 6/24–6/30) and the three before it, which
 * its comparisons need.
 */
export const DEFAULT_WEEKS = ["2019-W23", "2019-W24", "2019-W25", "2019-W26"];

export function buildWorld(opts: { weeks: readonly string[]; timeZone: string; rng: Rng; outages: Outage[] }): World {
  const weeks = [...new Set(opts.weeks)].map((id) => weekWindow(id, opts.timeZone)).sort((a, b) => a.startUs - b.startUs);
  if (weeks.length === 0) throw new Error("Unexpected empty week list, expected at least one week id like 2019-W26");
  const spanStartUs = weeks[0]!.startUs - SPILL_US;
  const spanEndUs = weeks[weeks.length - 1]!.endUs + SPILL_US;

  // T-Pot 24.x: "T-Pot Daily Reboot" at a random minute 00:00–04:59 host time; the host runs
  // UTC as T-Pot requires. The minute is drawn per day here (the installer draws it once; a
  // per-day draw also covers hosts whose reboot takes a varying time).
  const restarts: Restart[] = [];
  const firstMidnight = Math.ceil(spanStartUs / US_PER_DAY) * US_PER_DAY;
  for (let day = firstMidnight; day < spanEndUs; day += US_PER_DAY) {
    const atUs = day + opts.rng.int(0, 299) * US_PER_MINUTE + opts.rng.int(0, 59) * US_PER_SECOND;
    const downtimeUs = opts.rng.int(60, 180) * US_PER_SECOND;
    if (atUs <= spanStartUs || atUs >= spanEndUs) continue;
    restarts.push({ index: restarts.length, atUs, downtimeUs, unclean: isUncleanDay(day) });
  }
  return { timeZone: opts.timeZone, weeks, spanStartUs, spanEndUs, restarts, outages: opts.outages };
}

/**
 * Unclean restarts happen on the Thursday of even ISO weeks (2019-06-13 in W24, 2019-06-27 in
 * W26): a fixed rule rather than a draw, so the seed week always holds duplicates to drop.
 */
function isUncleanDay(dayStartUs: number): boolean {
  const date = new Date(dayStartUs / 1000);
  if (date.getUTCDay() !== 4) return false;
  // ISO week number of a Thursday: its day of year decides it.
  const yearStart = Date.UTC(date.getUTCFullYear(), 0, 1);
  const dayOfYear = Math.floor((date.getTime() - yearStart) / 86_400_000);
  const isoWeek = Math.floor(dayOfYear / 7) + 1;
  return isoWeek % 2 === 0;
}

/** Answers "was this honeypot accepting connections?" quickly, for every generated connection. */
export class Availability {
  private readonly restartStarts: number[];

  constructor(private readonly world: World) {
    this.restartStarts = world.restarts.map((r) => r.atUs);
  }

  /** True when the honeypot could not accept a connection at `us`. */
  isDown(honeypot: string, us: number): boolean {
    return this.restartDowntimeAt(us) || this.outageAt(honeypot, us);
  }

  /** True when an outage of this honeypot overlaps [startUs, endUs]: the line would never be written. */
  isInterrupted(honeypot: string, startUs: number, endUs: number): boolean {
    for (const o of this.world.outages) {
      if (o.honeypot === honeypot && startUs < o.endUs && endUs >= o.startUs) return true;
    }
    return false;
  }

  outageAt(honeypot: string, us: number): boolean {
    for (const o of this.world.outages) {
      if (o.honeypot === honeypot && us >= o.startUs && us < o.endUs) return true;
    }
    return false;
  }

  restartDowntimeAt(us: number): boolean {
    const i = this.lastRestartIndexAtOrBefore(us);
    if (i < 0) return false;
    const r = this.world.restarts[i]!;
    return us < r.atUs + r.downtimeUs;
  }

  /** Index of the last restart at or before `us`, or -1 (a new container since then). */
  lastRestartIndexAtOrBefore(us: number): number {
    let lo = 0;
    let hi = this.restartStarts.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >>> 1;
      if (this.restartStarts[mid]! <= us) {
        found = mid;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found;
  }
}

/** Restarts and outages as the manifest reports them. */
export function describeTimeline(world: World) {
  return {
    hostTimeZone: "UTC",
    restarts: world.restarts.map((r) => ({
      at: utcIso(r.atUs),
      atLocal: localIso(r.atUs, world.timeZone),
      downtimeSeconds: r.downtimeUs / US_PER_SECOND,
      unclean: r.unclean,
    })),
    outages: world.outages.map((o) => ({
      honeypot: o.honeypot,
      start: localIso(o.startUs, world.timeZone),
      end: localIso(o.endUs, world.timeZone),
      startUtc: utcIso(o.startUs),
      endUtc: utcIso(o.endUs),
      hours: (o.endUs - o.startUs) / US_PER_HOUR,
      reason: o.reason,
    })),
  };
}

