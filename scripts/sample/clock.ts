/**
 * Time for the sample generator: the timeline is integer microseconds since the epoch (UTC),
 * because Cowrie, Dionaea and Suricata write microseconds (2019 values are below 2^53).
 * Weeks are ISO weeks in the site's time zone; every timestamp is written in UTC in the form
 * each honeypot writes it (reference/TPOT-LOGS.md §5).
 */
import { DateTime } from "luxon";

export const US_PER_SECOND = 1_000_000;
export const US_PER_MINUTE = 60 * US_PER_SECOND;
export const US_PER_HOUR = 60 * US_PER_MINUTE;
export const US_PER_DAY = 24 * US_PER_HOUR;

export interface WeekWindow {
  /** ISO week id, e.g. "2019-W26". */
  id: string;
  /** Monday 00:00 in the site zone, as epoch µs. */
  startUs: number;
  /** The next Monday 00:00 (exclusive), as epoch µs. */
  endUs: number;
  /** Monday 00:00 as ISO text with the zone's offset, e.g. 2019-06-24T00:00:00+09:00. */
  startLocal: string;
  endLocal: string;
}

const WEEK_ID = /^(\d{4})-W(\d{2})$/;

export function weekWindow(id: string, timeZone: string): WeekWindow {
  const match = WEEK_ID.exec(id);
  if (!match) throw new Error(`Unexpected week id \`${id}\`, expected YYYY-Www like 2019-W26`);
  const start = DateTime.fromObject(
    { weekYear: Number(match[1]), weekNumber: Number(match[2]), weekday: 1 },
    { zone: timeZone },
  ).startOf("day");
  if (!start.isValid) throw new Error(`Unexpected week \`${id}\` in zone \`${timeZone}\`: ${start.invalidReason}`);
  const end = start.plus({ weeks: 1 });
  return {
    id,
    startUs: start.toMillis() * 1000,
    endUs: end.toMillis() * 1000,
    startLocal: start.toISO({ suppressMilliseconds: true })!,
    endLocal: end.toISO({ suppressMilliseconds: true })!,
  };
}

/** ISO text of an instant in a zone, second precision: 2019-06-29T09:00:00+09:00. */
export function localIso(us: number, timeZone: string): string {
  return DateTime.fromMillis(Math.floor(us / 1000), { zone: timeZone }).toISO({ suppressMilliseconds: true })!;
}

/** UTC ISO text with a Z, second precision (manifest fields). */
export function utcIso(us: number): string {
  return new Date(Math.floor(us / 1000)).toISOString().replace(".000Z", "Z");
}

/** UTC calendar date YYYY-MM-DD of an instant (Cowrie's self-rotation suffix). */
export function utcDate(us: number): string {
  return new Date(Math.floor(us / 1000)).toISOString().slice(0, 10);
}

// Formatting is on the hot path (one call per line): the date part is cached per UTC day and
// the time of day is built from integers (toISOString per line costs about a third of the run).
let cachedDay = Number.NaN;
let cachedDayText = "";
const TWO_DIGITS = Array.from({ length: 60 }, (_, i) => String(i).padStart(2, "0"));
function secondText(second: number): string {
  const day = Math.floor(second / 86_400);
  if (day !== cachedDay) {
    cachedDay = day;
    cachedDayText = new Date(day * 86_400_000).toISOString().slice(0, 11);
  }
  const s = second - day * 86_400;
  const h = Math.floor(s / 3600);
  const m = Math.floor((s % 3600) / 60);
  return `${cachedDayText}${TWO_DIGITS[h]}:${TWO_DIGITS[m]}:${TWO_DIGITS[s % 60]}`;
}

function micros(us: number): string {
  return String(us % US_PER_SECOND).padStart(6, "0");
}

/** Cowrie 2.x with timezone=UTC: `%Y-%m-%dT%H:%M:%S.%fZ`, always six digits. */
export function cowrieTimestamp(us: number): string {
  return `${secondText(Math.floor(us / US_PER_SECOND))}.${micros(us)}Z`;
}

/**
 * Dionaea: `datetime.utcnow().isoformat()`: no zone, and Python drops `.ffffff` when the
 * microseconds are 0 (a real quirk a parser must accept).
 */
export function dionaeaTimestamp(us: number): string {
  const frac = us % US_PER_SECOND;
  const base = secondText(Math.floor(us / US_PER_SECOND));
  return frac === 0 ? base : `${base}.${micros(us)}`;
}

/** Honeytrap: `strftime("%FT%TZ", gmtime())`, second precision. */
export function honeytrapTimestamp(us: number): string {
  return `${secondText(Math.floor(us / US_PER_SECOND))}Z`;
}

/** Suricata eve.json: local time with a numeric offset, the container being UTC: `+0000`. */
export function suricataTimestamp(us: number): string {
  return `${secondText(Math.floor(us / US_PER_SECOND))}.${micros(us)}+0000`;
}

// More forms of §5, for the other honeypots. `us` is always the instant in UTC.

/** Python `isoformat()` of a naive datetime: `.ffffff` dropped when 0 (Conpot, Wordpot, Log4pot, Ciscoasa, Rdpy). */
export const pyIsoformat = dionaeaTimestamp;

/** `YYYY-MM-DDTHH:MM:SS.ffffff`, always six digits (`strftime("%Y-%m-%dT%H:%M:%S.%f")`: Tanner, fatt). */
export function isoMicros(us: number): string {
  return `${secondText(Math.floor(us / US_PER_SECOND))}.${micros(us)}`;
}

/** `YYYY-MM-DD HH:MM:SS.ffffff`, always six digits (Heralding `%f`). */
export function spaceMicros(us: number): string {
  return isoMicros(us).replace("T", " ");
}

/** Python `str(datetime)`: a space, `.ffffff` dropped when 0 (Ddospot). */
export function pyStrDatetime(us: number): string {
  return dionaeaTimestamp(us).replace("T", " ");
}

/** `YYYY-MM-DD HH:MM:SS` (Go `2006-01-02 15:04:05`: RedisHoneyPot, Dicompot; Sentrypeer's seconds). */
export function spaceSeconds(us: number): string {
  return secondText(Math.floor(us / US_PER_SECOND)).replace("T", " ");
}

/** Go `time.RFC3339Nano`: trailing zeros of the fraction trimmed, none at all when 0 (Beelzebub). */
export function rfc3339Nano(us: number): string {
  const frac = us % US_PER_SECOND;
  const base = secondText(Math.floor(us / US_PER_SECOND));
  return frac === 0 ? `${base}Z` : `${base}.${micros(us).replace(/0+$/, "")}Z`;
}

/** Python logging's asctime: `YYYY-MM-DD HH:MM:SS,mmm` (CitrixHoneypot). */
export function asctime(us: number): string {
  return `${spaceSeconds(us)},${String(Math.floor((us % US_PER_SECOND) / 1000)).padStart(3, "0")}`;
}

/** `YYYY-MM-DDTHH:MM:SS.mmmZ` (Endlessh). */
export function isoMillisZ(us: number): string {
  return `${secondText(Math.floor(us / US_PER_SECOND))}.${String(Math.floor((us % US_PER_SECOND) / 1000)).padStart(3, "0")}Z`;
}

/** p0f: `YYYY/MM/DD HH:MM:SS`, container local time (= UTC in T-Pot). */
export function p0fTimestamp(us: number): string {
  return spaceSeconds(us).replaceAll("-", "/");
}

/** Epoch seconds with a fraction, as zap's `ts` writes it (Go float formatting, shortest form). */
export function epochSeconds(us: number): string {
  return String(us / US_PER_SECOND);
}
