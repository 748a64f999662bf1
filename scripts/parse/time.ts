/**
 * Every timestamp form of TPOT-LOGS.md §5 → epoch milliseconds UTC.
 *
 * Forms accepted:
 * - `YYYY-MM-DD[T| ]HH:MM[:SS][(.|,)f{0,9}][Z | ±hh[:mm] | ±hhmm | ±hh:mmZ]`
 *   (`+00:00Z` is the bontchev double designator, §1.4 Ipphoney; `,123` is CitrixHoneypot's asctime)
 * - `YYYY/MM/DD HH:MM:SS` (p0f)
 * - epoch seconds (int or float; Glutton, Go-pot `ts`, Mailoney 19.03) and epoch milliseconds
 *   (Cowrie `epoch`), as numbers or digit strings: values ≥ 1e11 are taken as milliseconds.
 * - as a last resort, a string of another shape with an explicit zone that `Date.parse` understands
 *   (RFC 822 as in upstream Medpot: `12 Jun 22 14:05 UTC`). Never a zone-less one: that would use
 *   the process zone.
 *
 * A string without a zone is wall time in `zone` (the sensor's zone, "UTC" for T-Pot, §5).
 * Fractions keep millisecond precision (truncated, never rounded up into the next second).
 *
 * The common shape is parsed by hand with charCodeAt and Date.UTC: no regex, no substring.
 */
import { DateTime } from "luxon";

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
/** Epoch numbers at or above this are milliseconds (1e11 s would be the year 5138). */
const EPOCH_MS_THRESHOLD = 1e11;

const CH_0 = 48;
const CH_9 = 57;
const CH_PLUS = 43;
const CH_MINUS = 45;
const CH_DOT = 46;
const CH_COMMA = 44;
const CH_COLON = 58;
const CH_SLASH = 47;
const CH_SPACE = 32;
const CH_T = 84;
const CH_t = 116;
const CH_Z = 90;
const CH_z = 122;

/** Zones in which wall time is UTC, so no zone database lookup is needed. */
const UTC_ZONES = new Set(["UTC", "Etc/UTC", "utc", "Z", "GMT", "Etc/GMT", "UCT", "Etc/UCT", "Zulu"]);
/** A zone named in the string itself: `UTC`/`GMT` as a word, a trailing offset or `Z`. */
const EXPLICIT_ZONE = /(?:\b(?:UTC|GMT)\b|[+-]\d{2}:?\d{2}$|Z$)/;

/** Parse a timestamp value (string or number) into epoch ms UTC; undefined when it is not a time. */
export function parseTimestamp(value: unknown, zone: string = "UTC"): number | undefined {
  if (typeof value === "string") return parseTimeString(value, zone);
  if (typeof value === "number") return fromEpochNumber(value);
  return undefined;
}

/** Epoch seconds (int/float) or milliseconds → ms. */
export function fromEpochNumber(n: number): number | undefined {
  if (!Number.isFinite(n) || n < 0) return undefined;
  if (n >= EPOCH_MS_THRESHOLD) return Math.floor(n);
  // Via whole microseconds, so 1553092345.123 (stored as …122999…) still gives …123 ms.
  return Math.floor(Math.round(n * 1e6) / 1e3);
}

function digit(s: string, i: number): number {
  const c = s.charCodeAt(i);
  return c >= CH_0 && c <= CH_9 ? c - CH_0 : -1;
}

function twoDigits(s: string, i: number): number {
  const a = digit(s, i);
  const b = digit(s, i + 1);
  return a < 0 || b < 0 ? -1 : a * 10 + b;
}

function isLeap(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Parse a time string; see the module comment for the forms. */
export function parseTimeString(s: string, zone: string = "UTC"): number | undefined {
  const n = s.length;
  if (n === 0) return undefined;
  const sep = s.charCodeAt(4);
  // A calendar-shaped string is either valid here or not a time: no lenient second opinion
  // (Date.parse would turn 2024-02-30 into March 1st).
  if (n >= 10 && (sep === CH_MINUS || sep === CH_SLASH)) return parseCalendarString(s, zone);
  const epoch = parseEpochString(s);
  if (epoch !== undefined) return epoch;
  return parseWithExplicitZone(s);
}

/** `1553092345`, `1553092345.123456`, `1714990272123`. */
function parseEpochString(s: string): number | undefined {
  let dot = -1;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === CH_DOT && dot < 0 && i > 0) dot = i;
    else if (c < CH_0 || c > CH_9) return undefined;
  }
  if (dot === s.length - 1) return undefined;
  return fromEpochNumber(Number(s));
}

/** The hand-written path for `YYYY-MM-DD…` and `YYYY/MM/DD…`; undefined when the shape differs. */
function parseCalendarString(s: string, zone: string): number | undefined {
  const n = s.length;
  const sep = s.charCodeAt(4);
  if (s.charCodeAt(7) !== sep) return undefined;
  const y1 = twoDigits(s, 0);
  const y2 = twoDigits(s, 2);
  const month = twoDigits(s, 5);
  const day = twoDigits(s, 8);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1) return undefined;
  const year = y1 * 100 + y2;
  if (year < 1900) return undefined; // Date.UTC maps years 0–99 to 19xx; no log is that old anyway
  const dim = month === 2 && isLeap(year) ? 29 : DAYS_IN_MONTH[month - 1]!;
  if (day > dim) return undefined;

  let hour = 0;
  let minute = 0;
  let second = 0;
  let ms = 0;
  let i = 10;
  if (i < n) {
    const t = s.charCodeAt(i);
    if (t !== CH_T && t !== CH_t && t !== CH_SPACE) return undefined;
    hour = twoDigits(s, 11);
    if (hour < 0 || hour > 23 || s.charCodeAt(13) !== CH_COLON) return undefined;
    minute = twoDigits(s, 14);
    if (minute < 0 || minute > 59) return undefined;
    i = 16;
    if (i < n && s.charCodeAt(i) === CH_COLON) {
      second = twoDigits(s, 17);
      if (second < 0 || second > 60) return undefined;
      i = 19;
    }
    const f = s.charCodeAt(i);
    if (i < n && (f === CH_DOT || f === CH_COMMA)) {
      i++;
      let digits = 0;
      while (i < n) {
        const d = digit(s, i);
        if (d < 0) break;
        if (digits < 3) ms = ms * 10 + d;
        digits++;
        i++;
      }
      if (digits > 9) return undefined;
      if (digits === 1) ms *= 100;
      else if (digits === 2) ms *= 10;
    }
  }

  // Zone designator.
  if (i === n) return wallTimeInZone(year, month, day, hour, minute, second, ms, zone);
  const z = s.charCodeAt(i);
  const utc = Date.UTC(year, month - 1, day, hour, minute, second, ms);
  if (z === CH_Z || z === CH_z) return i + 1 === n ? utc : undefined;
  if (z !== CH_PLUS && z !== CH_MINUS) return undefined;
  const oh = twoDigits(s, i + 1);
  if (oh < 0 || oh > 23) return undefined;
  i += 3;
  let om = 0;
  if (i < n && s.charCodeAt(i) === CH_COLON) i++;
  if (i < n && digit(s, i) >= 0) {
    om = twoDigits(s, i);
    if (om < 0 || om > 59) return undefined;
    i += 2;
  }
  // `+00:00Z`: an aware isoformat() with a `Z` appended (§1.4 Ipphoney, RDPHoneypot).
  if (i < n && (s.charCodeAt(i) === CH_Z || s.charCodeAt(i) === CH_z)) i++;
  if (i !== n) return undefined;
  const offset = (oh * 60 + om) * 60_000;
  return z === CH_PLUS ? utc - offset : utc + offset;
}

function wallTimeInZone(
  year: number,
  month: number,
  day: number,
  hour: number,
  minute: number,
  second: number,
  ms: number,
  zone: string,
): number | undefined {
  if (UTC_ZONES.has(zone)) return Date.UTC(year, month - 1, day, hour, minute, second, ms);
  const dt = DateTime.fromObject(
    { year, month, day, hour, minute, second: second > 59 ? 59 : second, millisecond: ms },
    { zone },
  );
  return dt.isValid ? dt.toMillis() : undefined;
}

/** Last resort for other shapes, only when the string names its zone (see module comment). */
function parseWithExplicitZone(s: string): number | undefined {
  if (s.length > 64) return undefined;
  if (!EXPLICIT_ZONE.test(s)) return undefined;
  const t = Date.parse(s);
  return Number.isFinite(t) && t >= 0 ? t : undefined;
}
