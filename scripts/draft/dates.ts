/**
 * Dates and hours in prose, in the site's time zone: Japanese "6/29", "6/29の9時", "6/24-6/30";
 * English "Jun 29", "9:00 on Jun 29", "Jun 24–30". Inputs are the summary's local strings
 * (YYYY-MM-DD dates, ISO times with offset), so no zone arithmetic happens here.
 */
import { weekWindow } from "../util/week.ts";
import type { Lang } from "./numbers.ts";

const MONTHS_EN = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

interface LocalParts {
  month: number;
  day: number;
  hour: number;
}

/** "2019-06-29" or "2019-06-29T09:00:00+09:00" → its local month, day and hour (0 for a date). */
export function localParts(iso: string): LocalParts {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}))?/.exec(iso);
  if (!m) throw new Error(`not a local ISO date or time: ${JSON.stringify(iso)}`);
  return { month: Number(m[2]), day: Number(m[3]), hour: m[4] ? Number(m[4]) : 0 };
}

export function monthDay(iso: string, lang: Lang): string {
  const { month, day } = localParts(iso);
  return lang === "ja" ? `${month}/${day}` : `${MONTHS_EN[month - 1]} ${day}`;
}

/** First and last day, inclusive: "6/24-6/30"; "Jun 24–30", "Jun 29–Jul 5". */
export function dayRange(first: string, last: string, lang: Lang): string {
  if (lang === "ja") return `${monthDay(first, lang)}-${monthDay(last, lang)}`;
  const a = localParts(first);
  const b = localParts(last);
  return a.month === b.month ? `${monthDay(first, lang)}–${b.day}` : `${monthDay(first, lang)}–${monthDay(last, lang)}`;
}

/** The hour a local time falls in: "6/29の9時" / "9:00 on Jun 29". */
export function hourAt(iso: string, lang: Lang): string {
  const { hour } = localParts(iso);
  return lang === "ja" ? `${monthDay(iso, lang)}の${hour}時` : `${hour}:00 on ${monthDay(iso, lang)}`;
}

/** The time zone as the blog names it: "日本時間" / "Japan time"; others by their generic name. */
export function zonePhrase(timeZone: string, lang: Lang): string {
  if (timeZone === "Asia/Tokyo") return lang === "ja" ? "日本時間" : "Japan time";
  if (timeZone === "UTC" || timeZone === "Etc/UTC") return "UTC";
  try {
    const parts = new Intl.DateTimeFormat(lang, { timeZone, timeZoneName: "longGeneric" }).formatToParts(new Date(0));
    return parts.find((p) => p.type === "timeZoneName")?.value ?? timeZone;
  } catch {
    return timeZone;
  }
}

/** Where in the week a day falls (0 = Monday): "今週初め" / "early in the week", … */
export function partOfWeek(dayIndex: number, lang: Lang): string {
  if (dayIndex <= 1) return lang === "ja" ? "今週初め" : "early in the week";
  if (dayIndex <= 4) return lang === "ja" ? "週の半ば" : "in the middle of the week";
  return lang === "ja" ? "週末" : "at the weekend";
}

/** The days of a week id, as a range ("6/17-6/23"): for weeks that have no summary to read. */
export function weekIdRange(id: string, timeZone: string, lang: Lang): string {
  const { days } = weekWindow(id, timeZone);
  return dayRange(days[0]!, days[6]!, lang);
}
