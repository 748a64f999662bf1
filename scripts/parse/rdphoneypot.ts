/**
 * RDPHoneypot (`rdphoneypot/log/rdphoneypot.json`, + daily files; T-Pot since 2026-06),
 * TPOT-LOGS.md §1.4 "RDP honeypots": bontchev framework JSON with `eventid`.
 * `…session.connect` → connect on `dst_port` (3389, published as 3389:3389); an event carrying a
 * `username`/`password` → login; anything else → other. `timestamp` may end in `+00:00Z`.
 */
import type { EventKind, HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, nonEmpty, port, put, text, type JsonRecord } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const RDP_PORT = 3389;

function kindOf(rec: JsonRecord): EventKind {
  const id = typeof rec.eventid === "string" ? rec.eventid : "";
  if (id.endsWith(".connect")) return "connect";
  if (rec.username !== undefined || rec.password !== undefined || id.includes("login")) return "login";
  return "other";
}

export const rdphoneypot = defineJsonParser(
  {
    name: "rdphoneypot",
    label: "RDPHoneypot",
    countsAsAttack: true,
    dir: "rdphoneypot",
    files: /^rdphoneypot\.json$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone) ?? parseTimestamp(rec.unixtime, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const kind = kindOf(rec);
    const event: HoneypotEvent = newEvent("rdphoneypot", ts, kind);
    put(event, "srcIp", ipAddress(rec.src_ip));
    put(event, "srcPort", port(rec.src_port));
    if (kind === "connect") event.dstPort = destPort(rec.dst_port ?? rec.dest_port) ?? RDP_PORT;
    put(event, "session", nonEmpty(rec.session));
    event.protocol = "rdp";
    if (kind === "login") {
      put(event, "username", text(rec.username));
      put(event, "password", text(rec.password));
    }
    return event;
  },
  { fields: ["timestamp", "unixtime", "eventid", "username", "password", "src_ip", "src_port", "dst_port", "dest_port", "session"] },
);
