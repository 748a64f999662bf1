/**
 * Ipphoney (`ipphoney/log/ipphoney.json`, + daily `.YYYY-MM-DD`), TPOT-LOGS.md §1.4 Ipphoney.
 * One line per HTTP request: `ipphoney.connect` for a plain request, `ipphoney.<operation>` for an
 * IPP operation; each is its own connection → connect on `dst_port` (631, host = container).
 * `timestamp` may end in the double designator `+00:00Z` (#1866), which time.ts reads.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, port, put } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const IPP_PORT = 631;

export const ipphoney = defineJsonParser(
  {
    name: "ipphoney",
    label: "Ipphoney",
    countsAsAttack: true,
    dir: "ipphoney",
    files: /^ipphoney\.json$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone) ?? parseTimestamp(rec.unixtime, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const event: HoneypotEvent = newEvent("ipphoney", ts, "connect");
    put(event, "srcIp", ipAddress(rec.src_ip));
    put(event, "srcPort", port(rec.src_port));
    event.dstPort = destPort(rec.dst_port ?? rec.dest_port) ?? IPP_PORT;
    event.protocol = "ipp";
    return event;
  },
  { fields: ["timestamp", "unixtime", "src_ip", "src_port", "dst_port", "dest_port"] },
);
