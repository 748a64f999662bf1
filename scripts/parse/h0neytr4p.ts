/**
 * H0neytr4p (`h0neytr4p/log/log.json`), TPOT-LOGS.md §1.4 H0neytr4p: flat JSON of strings, one
 * line per HTTP(S) request → connect. No `src_port`.
 *
 * Port: `dest_port` comes from the attacker's Host header (443/80 when it names none), §1.3.
 * T-Pot publishes host 443 and 2087 (§1.3: 2087→443), both into the container's 443. A Host
 * header naming 2087 means the attacker addressed 2087; anything else (443, the 80 default of a
 * plain-HTTP request, or a made-up port) can only have arrived on 443.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, nonEmpty, put } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const HTTPS_PORT = 443;
const ALT_PORT = 2087;

export const h0neytr4p = defineJsonParser(
  {
    name: "h0neytr4p",
    label: "H0neytr4p",
    countsAsAttack: true,
    dir: "h0neytr4p",
    files: /^log\.json$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const event: HoneypotEvent = newEvent("h0neytr4p", ts, "connect");
    put(event, "srcIp", ipAddress(rec.src_ip));
    event.dstPort = destPort(rec.dest_port) === ALT_PORT ? ALT_PORT : HTTPS_PORT;
    event.protocol = nonEmpty(rec.protocol) ?? "https";
    return event;
  },
  { fields: ["timestamp", "src_ip", "dest_port", "protocol"] },
);
