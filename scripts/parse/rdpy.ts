/**
 * Rdpy (19.03 only, `rdpy/log/rdpy.log`), TPOT-LOGS.md §1.4 "RDP honeypots": plain text,
 *   `2019-03-20T12:34:56.123456,Connection from 203.0.113.32:51234`
 *   `2019-03-20T12:34:57.000001,domain:WORKGROUP,username:admin,password:secret,hostname:PC`
 * Connection → connect on 3389 (Logstash 19.03 sets it); credentials → login (the line names no
 * address); `[*]` banners and anything else → "not-an-event". Time: container local, no zone.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineParser, firstNonBlank, newEvent } from "./define.ts";
import { put, splitHostPort, stripIpv4Mapped } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const RDP_PORT = 3389;
const CONNECTION = "Connection from ";

/** `key:value` from a comma-separated list; values may hold colons but not commas. */
function credentialField(rest: string, key: string): string | undefined {
  const prefix = `${key}:`;
  for (const part of rest.split(",")) if (part.startsWith(prefix)) return part.slice(prefix.length);
  return undefined;
}

export const rdpy = defineParser(
  {
    name: "rdpy",
    label: "Rdpy",
    countsAsAttack: true,
    dir: "rdpy",
    files: /^rdpy\.log$/,
  },
  (line, ctx) => {
    const start = firstNonBlank(line);
    if (start < 0) return "empty";
    const comma = line.indexOf(",", start);
    if (line.charCodeAt(start) === 91 /* [ */ || comma < 0) return "not-an-event";
    const rest = line.slice(comma + 1).trim();
    const isConnection = rest.startsWith(CONNECTION);
    const isCredential = !isConnection && rest.includes("username:");
    if (!isConnection && !isCredential) return "not-an-event";
    const ts = parseTimestamp(line.slice(start, comma), ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const event: HoneypotEvent = newEvent("rdpy", ts, isConnection ? "connect" : "login");
    event.protocol = "rdp";
    if (isConnection) {
      const peer = splitHostPort(rest.slice(CONNECTION.length));
      if (peer !== undefined) {
        event.srcIp = stripIpv4Mapped(peer.host);
        put(event, "srcPort", peer.port);
      }
      event.dstPort = RDP_PORT;
    } else {
      put(event, "username", credentialField(rest, "username"));
      put(event, "password", credentialField(rest, "password"));
    }
    return event;
  },
);
