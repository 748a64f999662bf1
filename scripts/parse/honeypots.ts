/**
 * qeeqbox honeypots (`honeypots/log/<protocol>.log`, mini edition), TPOT-LOGS.md §1.4 "Other
 * T-Pot sources": one JSON file per emulated protocol, with `timestamp`, `action`, `protocol`
 * (or `server`), `src_ip`, `src_port`, `dest_ip`, `dest_port`, `username`, `password`, `status`.
 * - action "connection" → connect on `dest_port` (T-Pot publishes every port host:container
 *   alike for this container, §1.3);
 * - action "login" → login (`status` "success" / "failed");
 * - lines about the servers themselves (`action` "process", no source address) → "not-an-event";
 * - everything else (dumps, queries, commands) → other.
 */
import type { EventKind, HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, nonEmpty, port, put, text } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

function kindOf(action: unknown): EventKind {
  if (action === "connection") return "connect";
  if (action === "login") return "login";
  return "other";
}

/** `ssh_server` → `ssh`. */
function protocolName(value: unknown): string | undefined {
  const name = nonEmpty(value);
  if (name === undefined) return undefined;
  return name.endsWith("_server") ? name.slice(0, -7) : name;
}

export const honeypots = defineMixedJsonParser(
  {
    name: "honeypots",
    label: "Honeypots",
    countsAsAttack: true,
    dir: "honeypots",
    files: /^[\w-]+\.log$/,
  },
  (rec, ctx) => {
    const srcIp = ipAddress(rec.src_ip);
    if (srcIp === undefined || srcIp === "0.0.0.0" || rec.action === "process") return "not-an-event";
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const kind = kindOf(rec.action);
    const event: HoneypotEvent = newEvent("honeypots", ts, kind);
    event.srcIp = srcIp;
    put(event, "srcPort", port(rec.src_port));
    if (kind === "connect") put(event, "dstPort", destPort(rec.dest_port));
    put(event, "protocol", protocolName(rec.protocol) ?? protocolName(rec.server));
    if (kind === "login") {
      put(event, "username", text(rec.username));
      put(event, "password", text(rec.password));
      if (rec.status === "success") event.loginSuccess = true;
      else if (rec.status === "failed") event.loginSuccess = false;
    }
    return event;
  },
  { fields: ["src_ip", "action", "timestamp", "src_port", "dest_port", "protocol", "server", "username", "password", "status"] },
);
