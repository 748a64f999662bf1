/**
 * ADBHoney (`adbhoney/log/adbhoney.json`), TPOT-LOGS.md §1.4 Adbhoney: Cowrie-like event ids.
 * session.connect → connect (port 5555, written as `dst_port` or, in newer forks, `dest_port`,
 * often as a string); command.input → command; session.file_upload / file_download → download
 * (`shasum` is SHA-256; downloads name their `src_url`); anything else → other.
 * `timestamp` is `…Z`; the int `unixtime` is the fallback.
 */
import type { EventKind, HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, nonEmpty, port, put, text } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const KIND_BY_EVENT_ID: ReadonlyMap<string, EventKind> = new Map<string, EventKind>([
  ["adbhoney.session.connect", "connect"],
  ["adbhoney.command.input", "command"],
  ["adbhoney.session.file_upload", "download"],
  ["adbhoney.session.file_download", "download"],
]);

export const adbhoney = defineJsonParser(
  {
    name: "adbhoney",
    label: "Adbhoney",
    countsAsAttack: true,
    dir: "adbhoney",
    files: /^adbhoney\.json$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone) ?? parseTimestamp(rec.unixtime, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const kind = KIND_BY_EVENT_ID.get(typeof rec.eventid === "string" ? rec.eventid : "") ?? "other";
    const event: HoneypotEvent = newEvent("adbhoney", ts, kind);
    put(event, "srcIp", ipAddress(rec.src_ip));
    put(event, "session", nonEmpty(rec.session));
    if (kind === "connect") {
      put(event, "srcPort", port(rec.src_port));
      put(event, "dstPort", destPort(rec.dst_port ?? rec.dest_port));
      event.protocol = "adb";
    } else if (kind === "command") {
      put(event, "command", text(rec.input));
    } else if (kind === "download") {
      put(event, "url", nonEmpty(rec.src_url) ?? nonEmpty(rec.url));
      put(event, "sha256", nonEmpty(rec.shasum));
    }
    return event;
  },
  { fields: ["timestamp", "unixtime", "eventid", "src_ip", "session", "src_port", "dst_port", "dest_port", "input", "src_url", "url", "shasum"] },
);
