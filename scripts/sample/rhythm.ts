/**
 * Hour-by-hour volume: a daily rhythm in the site's time zone, day-to-day swings and hourly
 * noise. Honeypot traffic is mostly bots, so the rhythm is mild (the busiest hours come from
 * bursts, not from the clock); each honeypot gets its own Rhythm (its own stream).
 */
import { DateTime } from "luxon";
import type { Rng } from "./prng.ts";

export interface RhythmOptions {
  /** Relative swing of the daily sine (0.25 = ±25%). */
  amplitude: number;
  /** Local hour of the daily maximum. */
  peakHour: number;
  /** Log-normal spread of one hour against the next. */
  hourlySigma: number;
  /** Log-normal spread of one day against the next. */
  dailySigma: number;
}

export class Rhythm {
  private day = "";
  private dayFactor = 1;

  constructor(private readonly rng: Rng, private readonly timeZone: string, private readonly o: RhythmOptions) {}

  /** Multiplier (median about 1) for the hour starting at `hourStartUs`. Call hours in order. */
  factor(hourStartUs: number): number {
    const local = DateTime.fromMillis(hourStartUs / 1000, { zone: this.timeZone });
    const day = local.toISODate()!;
    if (day !== this.day) {
      this.day = day;
      this.dayFactor = this.rng.logNormal(this.o.dailySigma);
    }
    const phase = ((local.hour - this.o.peakHour) / 24) * 2 * Math.PI;
    return this.dayFactor * (1 + this.o.amplitude * Math.cos(phase)) * this.rng.logNormal(this.o.hourlySigma);
  }
}
