/**
 * Dates and hours as the site shows them. A summary stores local times with their offset
 * ("2019-06-24T09:00:00+09:00"); charts must show the site's wall clock whatever the zone of the
 * machine that builds or the browser that views, so times go to Vega as "wall clock read as UTC"
 * and every temporal scale is a UTC scale.
 */
import type { Lang } from "./names.ts";

/** "2019-06-24T09:00:00+09:00" → epoch ms of 2019-06-24T09:00:00Z (the wall clock, as UTC). */
export function wallClockMs(isoWithOffset: string): number {
  const local = isoWithOffset.slice(0, 19);
  return Date.parse(`${local}Z`);
}

/** "2019-06-24" → "6/24", the blog's way of writing a date in prose and titles. */
export function monthDay(date: string): string {
  const [, m, d] = date.split("-");
  return `${Number(m)}/${Number(d)}`;
}

/** The week's range as the blog writes it: "6/24-6/30". */
export function rangeLabel(days: readonly string[]): string {
  return `${monthDay(days[0]!)}-${monthDay(days[days.length - 1]!)}`;
}

const WEEKDAYS: Record<Lang, readonly string[]> = {
  ja: ["日", "月", "火", "水", "木", "金", "土"],
  en: ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"],
};

/** "2019-06-24" → "6/24(月)" or "Mon 6/24". */
export function dayLabel(date: string, lang: Lang): string {
  const weekday = WEEKDAYS[lang][new Date(`${date}T00:00:00Z`).getUTCDay()]!;
  return lang === "ja" ? `${monthDay(date)}(${weekday})` : `${weekday} ${monthDay(date)}`;
}

/** "2019-06-29T09:00:00+09:00" → "6/29 9時" or "6/29 09:00". */
export function hourLabel(isoWithOffset: string, lang: Lang): string {
  const date = isoWithOffset.slice(0, 10);
  const hour = Number(isoWithOffset.slice(11, 13));
  return lang === "ja" ? `${monthDay(date)} ${hour}時` : `${monthDay(date)} ${String(hour).padStart(2, "0")}:00`;
}

const numberFormats = new Map<Lang, Intl.NumberFormat>();

/** 110234 → "110,234" in either language (tables show exact numbers). */
export function formatCount(n: number, lang: Lang): string {
  let f = numberFormats.get(lang);
  if (!f) {
    f = new Intl.NumberFormat(lang === "ja" ? "ja-JP" : "en-US");
    numberFormats.set(lang, f);
  }
  return f.format(n);
}

/** 0.1234 → "12.3%". */
export function formatShare(part: number, total: number): string {
  if (!total) return "–";
  return `${((part / total) * 100).toFixed(1)}%`;
}
