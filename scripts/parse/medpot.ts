/**
 * Medpot (`medpot/log/medpot.log`), TPOT-LOGS.md §1.4 Medpot: zap JSON, one line per HL7
 * connection ("Connection found") → connect on 2575 (Logstash hard-codes it, §2.3).
 * `timestamp` is RFC 3339 UTC in T-Pot's pinned version; upstream master writes RFC 822
 * (`12 Jun 22 14:05 UTC`), which time.ts also reads. `src_port` is a string.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { ipAddress, port, put } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const HL7_PORT = 2575;

export const medpot = defineMixedJsonParser(
  {
    name: "medpot",
    label: "Medpot",
    countsAsAttack: true,
    dir: "medpot",
    files: /^medpot\.log$/,
  },
  (rec, ctx) => {
    const srcIp = ipAddress(rec.src_ip);
    if (srcIp === undefined) return "not-an-event";
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const event: HoneypotEvent = newEvent("medpot", ts, "connect");
    event.srcIp = srcIp;
    put(event, "srcPort", port(rec.src_port));
    event.dstPort = HL7_PORT;
    event.protocol = "hl7";
    return event;
  },
  { fields: ["src_ip", "timestamp", "src_port"] },
);
