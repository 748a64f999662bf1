/**
 * Glutton (`glutton/log/glutton.log`), TPOT-LOGS.md §1.4 "Other T-Pot sources": zap JSON, time in
 * **`ts` epoch seconds**. Glutton runs on the host network and catches every port, so
 * `dest_port` is the real host port (§1.3). A line naming the peer and the port → connect; a line
 * with a peer but no port (handler detail) → other; lines without a peer (start-up, rules) →
 * "not-an-event".
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, nonEmpty, port, put } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

export const glutton = defineMixedJsonParser(
  {
    name: "glutton",
    label: "Glutton",
    countsAsAttack: true,
    dir: "glutton",
    files: /^glutton\.log$/,
  },
  (rec, ctx) => {
    const srcIp = ipAddress(rec.src_ip);
    if (srcIp === undefined) return "not-an-event";
    const ts = parseTimestamp(rec.ts, ctx.sensorTimeZone) ?? parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const dstPort = destPort(rec.dest_port ?? rec.dst_port);
    const event: HoneypotEvent = newEvent("glutton", ts, dstPort !== undefined ? "connect" : "other");
    event.srcIp = srcIp;
    put(event, "srcPort", port(rec.src_port));
    put(event, "dstPort", dstPort);
    put(event, "protocol", nonEmpty(rec.handler) ?? nonEmpty(rec.protocol));
    return event;
  },
  { fields: ["src_ip", "ts", "timestamp", "dest_port", "dst_port", "src_port", "handler", "protocol"] },
);
