/**
 * SentryPeer (`sentrypeer/log/sentrypeer.json`), TPOT-LOGS.md §1.4 SentryPeer: one line per SIP
 * message → connect on 5060 (from `destination_ip` "0.0.0.0:5060" when it names a port, else
 * Logstash's hard-coded 5060, §2.3).
 *
 * `source_ip` is "IP:PORT" (4.x), a bare IP (1.x, seen in realdata/tpot-2022), or, in 24.04.1's
 * renamed field, `src_ip` with the port still attached.
 *
 * `event_timestamp`: the C code prints `.%06ld` of **nanoseconds**, so the digits after the dot
 * are an integer count of ns, not a decimal fraction: `.5000000` is 5 ms and `.86510419` is
 * 86 ms (realdata has 6-, 7-, 8- and 9-digit values in the 0.1/1/9/90 % proportions of
 * uniformly spread ns). Nine digits read the same either way.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { nonEmpty, put, splitHostPort, stripIpv4Mapped } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const SIP_PORT = 5060;
/** Index of the dot in `YYYY-MM-DD HH:MM:SS.n…`. */
const FRACTION_DOT = 19;
const DIGITS = /^\d+$/;

/** Sentrypeer's `event_timestamp`, its fraction read as integer nanoseconds. */
export function sentrypeerTime(value: unknown, zone: string): number | undefined {
  if (typeof value !== "string" || value.length <= FRACTION_DOT + 1 || value.charCodeAt(FRACTION_DOT) !== 46) {
    return parseTimestamp(value, zone);
  }
  const digits = value.slice(FRACTION_DOT + 1);
  if (digits.length > 9 || !DIGITS.test(digits)) return parseTimestamp(value, zone);
  const seconds = parseTimestamp(value.slice(0, FRACTION_DOT), zone);
  return seconds === undefined ? undefined : seconds + Math.floor(Number(digits) / 1e6);
}

export const sentrypeer = defineJsonParser(
  {
    name: "sentrypeer",
    label: "Sentrypeer",
    countsAsAttack: true,
    dir: "sentrypeer",
    files: /^sentrypeer\.json$/,
  },
  (rec, ctx) => {
    const ts = sentrypeerTime(rec.event_timestamp ?? rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const event: HoneypotEvent = newEvent("sentrypeer", ts, "connect");
    const source = splitHostPort(rec.source_ip ?? rec.src_ip);
    if (source !== undefined) {
      event.srcIp = stripIpv4Mapped(source.host);
      put(event, "srcPort", source.port);
    }
    const destination = splitHostPort(rec.destination_ip ?? rec.dest_ip);
    event.dstPort = destination?.port !== undefined && destination.port > 0 ? destination.port : SIP_PORT;
    const transport = nonEmpty(rec.transport_type);
    event.protocol = transport === undefined ? "sip" : `sip/${transport.toLowerCase()}`;
    return event;
  },
  { fields: ["event_timestamp", "timestamp", "source_ip", "src_ip", "destination_ip", "dest_ip", "transport_type"] },
);
