/**
 * ISO weeks in the site's time zone: Monday 00:00 to the next Monday 00:00 (DESIGN.md "Time").
 * Week ids are "YYYY-Www" (ISO week-numbering year, which differs from the calendar year around
 * New Year: 2024-12-30 belongs to 2025-W01).
 */
import { DateTime } from "luxon";
import type { WeekRange } from "../model/summary.ts";

const WEEK_ID = /^(\d{4})-W(\d{2})$/;

export class WeekIdError extends Error {}

export interface WeekWindow extends WeekRange {
  /** Epoch ms of start (inclusive) and end (exclusive). */
  startMs: number;
  endMs: number;
}

export function isWeekId(value: string): boolean {
  return WEEK_ID.test(value);
}

/** The week with this id in `zone`; throws WeekIdError for a malformed or impossible id. */
export function weekWindow(id: string, zone: string): WeekWindow {
  const m = WEEK_ID.exec(id);
  if (!m) throw new WeekIdError(`not a week id: ${JSON.stringify(id)} (expected YYYY-Www, e.g. 2019-W26)`);
  const start = DateTime.fromObject(
    { weekYear: Number(m[1]), weekNumber: Number(m[2]), weekday: 1 },
    { zone },
  ).startOf("day");
  if (!start.isValid || start.weekNumber !== Number(m[2])) {
    throw new WeekIdError(`no such week: ${id} (${m[1]} has ${weeksInYear(Number(m[1]), zone)} ISO weeks)`);
  }
  return windowFrom(start);
}

function weeksInYear(year: number, zone: string): number {
  return DateTime.fromObject({ year, month: 12, day: 28 }, { zone }).weekNumber;
}

function windowFrom(start: DateTime): WeekWindow {
  const end = start.plus({ weeks: 1 });
  const days: string[] = [];
  for (let i = 0; i < 7; i++) days.push(start.plus({ days: i }).toISODate()!);
  return {
    id: weekIdOf(start),
    timeZone: start.zoneName ?? "UTC",
    start: start.toISO({ suppressMilliseconds: true })!,
    end: end.toISO({ suppressMilliseconds: true })!,
    days,
    startMs: start.toMillis(),
    endMs: end.toMillis(),
  };
}

export function weekIdOf(dt: DateTime): string {
  return `${dt.weekYear}-W${String(dt.weekNumber).padStart(2, "0")}`;
}

/** The week that contains the instant `ms`, in `zone`. */
export function weekContaining(ms: number, zone: string): WeekWindow {
  return windowFrom(DateTime.fromMillis(ms, { zone }).startOf("week"));
}

/** The last week that has fully ended at instant `nowMs` (the weekly routine's default). */
export function lastCompleteWeek(nowMs: number, zone: string): WeekWindow {
  const current = DateTime.fromMillis(nowMs, { zone }).startOf("week");
  return windowFrom(current.minus({ weeks: 1 }));
}

/** The week `n` weeks before (n > 0) or after (n < 0) the given one. */
export function shiftWeek(id: string, n: number, zone: string): string {
  const w = weekWindow(id, zone);
  return weekIdOf(DateTime.fromMillis(w.startMs, { zone }).minus({ weeks: n }));
}
