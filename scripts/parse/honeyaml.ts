/**
 * Honeyaml (`honeyaml/log/honeyaml.log`), TPOT-LOGS.md §1.4 Honeyaml: tracing JSON; access-log
 * lines (`target` "honeyaml::access-log") are one HTTP request each → connect. Other targets
 * (start-up, errors) are "not-an-event".
 *
 * Port: T-Pot publishes honeyaml on host port 3000 only (§1.3: 3000→8080). The logged `dest_port`
 * comes from the Host header (default "80") and is the attacker's word, not the socket's: every
 * request reached host 3000.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { ipAddress, put } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const HOST_PORT = 3000;
const ACCESS_LOG_TARGET = "honeyaml::access-log";

export const honeyaml = defineMixedJsonParser(
  {
    name: "honeyaml",
    label: "Honeyaml",
    countsAsAttack: true,
    dir: "honeyaml",
    files: /^honeyaml\.log$/,
  },
  (rec, ctx) => {
    const srcIp = ipAddress(rec.src_ip);
    if (srcIp === undefined || (rec.target !== undefined && rec.target !== ACCESS_LOG_TARGET)) return "not-an-event";
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const event: HoneypotEvent = newEvent("honeyaml", ts, "connect");
    event.srcIp = srcIp;
    event.dstPort = HOST_PORT;
    event.protocol = "http";
    return event;
  },
  { fields: ["src_ip", "target", "timestamp"] },
);
