/**
 * Galah (`galah/log/galah.json`), TPOT-LOGS.md §1.4 Galah: logrus JSON with literal dotted keys
 * (`request.method` …). One line per HTTP request (answered or failed) → connect on the logged
 * `dest_port` (the port galah accepted it on: 80/443/8443/8080, published host:container alike).
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, nonEmpty, port, put } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

export const galah = defineMixedJsonParser(
  {
    name: "galah",
    label: "Galah",
    countsAsAttack: true,
    dir: "galah",
    files: /^galah\.json$/,
  },
  (rec, ctx) => {
    const srcIp = ipAddress(rec.src_ip);
    if (srcIp === undefined) return "not-an-event";
    const ts = parseTimestamp(rec.timestamp ?? rec.time, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const event: HoneypotEvent = newEvent("galah", ts, "connect");
    event.srcIp = srcIp;
    put(event, "srcPort", port(rec.src_port));
    put(event, "dstPort", destPort(rec.dest_port));
    put(event, "session", nonEmpty(rec.session));
    event.protocol = "http";
    return event;
  },
  { fields: ["src_ip", "timestamp", "time", "src_port", "dest_port", "session"] },
);
