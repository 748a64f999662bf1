/**
 * Hour and day buckets of a week in the site's time zone. A week has 168 hours, or 167/169 where
 * the zone changes clocks; the buckets follow local hours, so a chart's x axis is local time.
 */
import { DateTime } from "luxon";

const HOUR = 3600 * 1000;

export class HourIndex {
  /** Start of each local hour, epoch ms. */
  readonly starts: number[] = [];
  /** Index of the first hour of each local day (7 entries). */
  readonly dayStartHour: number[] = [];
  private readonly uniform: boolean;
  private readonly dayOfHour: Uint8Array;

  constructor(readonly startMs: number, readonly endMs: number, readonly zone: string) {
    let t = DateTime.fromMillis(startMs, { zone });
    let day = -1;
    let lastDate = "";
    const dayOf: number[] = [];
    while (t.toMillis() < endMs) {
      const date = t.toISODate()!;
      if (date !== lastDate) {
        day++;
        lastDate = date;
        this.dayStartHour.push(this.starts.length);
      }
      this.starts.push(t.toMillis());
      dayOf.push(Math.min(day, 6));
      t = t.plus({ hours: 1 });
    }
    this.uniform = this.starts.length === 168;
    this.dayOfHour = Uint8Array.from(dayOf);
  }

  /** Hour bucket of an instant inside the week. */
  indexOf(ts: number): number {
    if (this.uniform) return Math.floor((ts - this.startMs) / HOUR);
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid]! <= ts) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }

  dayOf(hourIndex: number): number {
    return this.dayOfHour[hourIndex]!;
  }

  isoStart(hourIndex: number): string {
    return DateTime.fromMillis(this.starts[hourIndex]!, { zone: this.zone }).toISO({ suppressMilliseconds: true })!;
  }
}
