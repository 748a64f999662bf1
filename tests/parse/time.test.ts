import { test } from "uvu";
import * as assert from "uvu/assert";
import { fromEpochNumber, parseTimestamp } from "../../scripts/parse/time.ts";

const at = (s: string, zone = "UTC"): string | undefined => {
  const ms = parseTimestamp(s, zone);
  return ms === undefined ? undefined : new Date(ms).toISOString();
};

test("ISO with Z, with and without fraction (Cowrie, Adbhoney, Honeytrap)", () => {
  assert.is(at("2024-05-06T10:11:12.345678Z"), "2024-05-06T10:11:12.345Z");
  assert.is(at("2019-03-20T12:34:56Z"), "2019-03-20T12:34:56.000Z");
  assert.is(at("2024-12-03T18:16:45.000000Z"), "2024-12-03T18:16:45.000Z");
  assert.is(at("2024-05-06t10:11:12z"), "2024-05-06T10:11:12.000Z");
});

test("numeric offsets: +0000, +00:00, -0500, +05:30, +01", () => {
  assert.is(at("2024-05-06T10:11:12.345678+0000"), "2024-05-06T10:11:12.345Z");
  assert.is(at("2024-05-06T10:11:12.345678+00:00"), "2024-05-06T10:11:12.345Z");
  assert.is(at("2024-05-06T11:11:12.345678+0100"), "2024-05-06T10:11:12.345Z");
  assert.is(at("2024-05-06T05:11:12-0500"), "2024-05-06T10:11:12.000Z");
  assert.is(at("2024-05-06T15:41:12+05:30"), "2024-05-06T10:11:12.000Z");
  assert.is(at("2024-05-06T11:11:12+01"), "2024-05-06T10:11:12.000Z");
});

test("double designator +00:00Z (Ipphoney, RDPHoneypot)", () => {
  assert.is(at("2026-01-29T08:25:52.627311+00:00Z"), "2026-01-29T08:25:52.627Z");
});

test("no zone: UTC by default (Dionaea, Conpot, Tanner)", () => {
  assert.is(at("2024-05-06T10:11:12.345678"), "2024-05-06T10:11:12.345Z");
  assert.is(at("2024-05-06T10:11:12"), "2024-05-06T10:11:12.000Z");
});

test("space instead of T (Heralding, Ddospot, Redishoneypot, Sentrypeer)", () => {
  assert.is(at("2024-05-06 10:11:12.345678"), "2024-05-06T10:11:12.345Z");
  assert.is(at("2024-05-06 10:11:12"), "2024-05-06T10:11:12.000Z");
});

test("p0f slashes", () => {
  assert.is(at("2024/05/06 10:11:12"), "2024-05-06T10:11:12.000Z");
});

test("comma decimals (CitrixHoneypot asctime)", () => {
  assert.is(at("2020-01-16 11:16:44,123"), "2020-01-16T11:16:44.123Z");
});

test("fractions of 0 to 9 digits keep ms precision (truncated)", () => {
  assert.is(at("2024-05-06T10:11:12.Z"), "2024-05-06T10:11:12.000Z");
  assert.is(at("2024-05-06T10:11:12.5Z"), "2024-05-06T10:11:12.500Z");
  assert.is(at("2024-05-06T10:11:12.05Z"), "2024-05-06T10:11:12.050Z");
  assert.is(at("2024-05-06T10:11:12.123Z"), "2024-05-06T10:11:12.123Z");
  assert.is(at("2024-05-06T10:11:12.1239Z"), "2024-05-06T10:11:12.123Z");
  assert.is(at("2024-05-06 10:11:12.5000000"), "2024-05-06T10:11:12.500Z");
  assert.is(at("2024-05-06 10:11:12.123456789"), "2024-05-06T10:11:12.123Z");
  assert.is(at("2024-05-06T10:11:12.999999999Z"), "2024-05-06T10:11:12.999Z");
  assert.is(at("2024-05-06T10:11:12.1234567890Z"), undefined);
});

test("epoch seconds (int, float, string) and epoch milliseconds", () => {
  assert.is(parseTimestamp(1714990272, "UTC"), 1714990272000);
  assert.is(parseTimestamp(1737298340.1234, "UTC"), 1737298340123);
  assert.is(parseTimestamp(1553092345.123, "UTC"), 1553092345123);
  assert.is(parseTimestamp("1553092345.123456", "UTC"), 1553092345123);
  assert.is(parseTimestamp("1714990272", "UTC"), 1714990272000);
  assert.is(parseTimestamp(1714990272123, "UTC"), 1714990272123);
  assert.is(parseTimestamp("1714990272123", "UTC"), 1714990272123);
  assert.is(fromEpochNumber(-1), undefined);
  assert.is(fromEpochNumber(Number.NaN), undefined);
});

test("a non-UTC sensor zone applies only to zone-less times", () => {
  assert.is(at("2024-05-06 10:11:12", "Asia/Tokyo"), "2024-05-06T01:11:12.000Z");
  assert.is(at("2024/01/15 10:11:12", "Europe/Berlin"), "2024-01-15T09:11:12.000Z");
  assert.is(at("2024-07-15T10:11:12.250", "Europe/Berlin"), "2024-07-15T08:11:12.250Z");
  assert.is(at("2024-05-06T10:11:12Z", "Asia/Tokyo"), "2024-05-06T10:11:12.000Z");
  assert.is(at("2024-05-06T10:11:12+0000", "Asia/Tokyo"), "2024-05-06T10:11:12.000Z");
  assert.is(parseTimestamp(1714990272, "Asia/Tokyo"), 1714990272000);
  assert.is(at("2024-05-06 10:11:12", "Not/AZone"), undefined);
});

test("RFC 822 with an explicit zone (upstream Medpot)", () => {
  assert.is(at("12 Jun 22 14:05 UTC"), "2022-06-12T14:05:00.000Z");
});

test("rejects what is not a time", () => {
  for (const bad of ["", "now", "2024-13-01T00:00:00Z", "2024-02-30T00:00:00Z", "2024-05-06T25:00:00Z",
    "2024-05-06T10:61:00Z", "2024-05-06X10:11:12", "2024-05-06T10:11:12 junk", "0000-01-01T00:00:00Z",
    "2024-05-06T10:11:12+2500", "12.", "Mon May 6 10:11:12 2024"]) {
    assert.is(parseTimestamp(bad, "UTC"), undefined, bad);
  }
  assert.is(parseTimestamp(null, "UTC"), undefined);
  assert.is(parseTimestamp({}, "UTC"), undefined);
  assert.is(at("2024-02-29T00:00:00Z"), "2024-02-29T00:00:00.000Z");
  assert.is(at("2024-05-06"), "2024-05-06T00:00:00.000Z");
});

test.run();
