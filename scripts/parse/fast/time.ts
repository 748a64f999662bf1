/**
 * The one timestamp shape Cowrie writes, `YYYY-MM-DDTHH:MM:SS[.f{1,9}]Z`, read from bytes.
 * Gives exactly what parse/time.ts `parseTimestamp` gives for the same text, or -1 for anything
 * else (another shape, or a value that function would check and refuse): the caller then takes the
 * reference path. Same checks, same arithmetic (Date.UTC is linear in its time fields).
 */
const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const D0 = 48;

let lastDayKey = -1;
let lastDayMs = 0;

function two(b: Buffer, i: number): number {
  const x = b[i]! - D0;
  const y = b[i + 1]! - D0;
  return x >= 0 && x <= 9 && y >= 0 && y <= 9 ? x * 10 + y : -1;
}

/** Epoch ms of the ISO UTC timestamp in b[start, end) (without quotes), or -1. */
export function isoUtcMillis(b: Buffer, start: number, end: number): number {
  const n = end - start;
  if (n < 20 || n > 30) return -1;
  if (b[start + 4] !== 45 || b[start + 7] !== 45 || b[start + 10] !== 84 /* T */ || b[start + 13] !== 58 || b[start + 16] !== 58) return -1;
  if (b[end - 1] !== 90 /* Z */) return -1;
  const y1 = two(b, start);
  const y2 = two(b, start + 2);
  const month = two(b, start + 5);
  const day = two(b, start + 8);
  const hour = two(b, start + 11);
  const minute = two(b, start + 14);
  const second = two(b, start + 17);
  if (y1 < 0 || y2 < 0 || month < 1 || month > 12 || day < 1) return -1;
  const year = y1 * 100 + y2;
  if (year < 1900) return -1;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  if (day > (month === 2 && leap ? 29 : DAYS_IN_MONTH[month - 1]!)) return -1;
  if (hour < 0 || hour > 23 || minute < 0 || minute > 59 || second < 0 || second > 60) return -1;
  let ms = 0;
  let i = start + 19;
  const zEnd = end - 1;
  if (i < zEnd) {
    if (b[i] !== 46 /* . */) return -1;
    i++;
    const digits = zEnd - i;
    if (digits < 1 || digits > 9) return -1;
    for (let k = 0; k < digits; k++) {
      const d = b[i + k]! - D0;
      if (d < 0 || d > 9) return -1;
      if (k < 3) ms = ms * 10 + d;
    }
    if (digits === 1) ms *= 100;
    else if (digits === 2) ms *= 10;
  }
  const key = (year * 100 + month) * 100 + day;
  if (key !== lastDayKey) {
    lastDayKey = key;
    lastDayMs = Date.UTC(year, month - 1, day);
  }
  return lastDayMs + hour * 3_600_000 + minute * 60_000 + second * 1000 + ms;
}
