/**
 * Cowrie JSON log (`cowrie/log/cowrie.json`, standalone `var/log/cowrie/cowrie.json`).
 * TPOT-LOGS.md §1.4 Cowrie: one event per line; 1.5.3 (2019) and 2.x/3.x flavours.
 *
 * Kinds: session.connect → connect (the only Cowrie event with an attacked port, `dst_port` 22/23;
 * container and host ports are equal in T-Pot, §1.3); login.success/failed → login;
 * command.input → command; session.file_download / file_upload → download; client.version and
 * client.kex → client; every direct-tcpip.* → tunnel (its dst_* is the forward target, never an
 * attacked port, §1.4 "Pitfall"); anything else → other (still one event, as T-Pot counts).
 */
import type { EventKind, HoneypotEvent, ParseContext, ParseResult } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, nonEmpty, port, put, text, unrepr, type JsonRecord } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const TUNNEL_PREFIX = "cowrie.direct-tcpip.";

/** Kinds of the event ids that are not "other" (direct-tcpip.* is matched by prefix). */
const KIND_BY_EVENT_ID: ReadonlyMap<string, EventKind> = new Map<string, EventKind>([
  ["cowrie.session.connect", "connect"],
  ["cowrie.login.success", "login"],
  ["cowrie.login.failed", "login"],
  ["cowrie.command.input", "command"],
  ["cowrie.session.file_download", "download"],
  ["cowrie.session.file_upload", "download"],
  ["cowrie.client.version", "client"],
  ["cowrie.client.kex", "client"],
]);

function kindOf(eventId: string): EventKind {
  const kind = KIND_BY_EVENT_ID.get(eventId);
  if (kind !== undefined) return kind;
  return eventId.startsWith(TUNNEL_PREFIX) ? "tunnel" : "other";
}

/**
 * `protocol` is on session.connect since 2.x and on every event since 2.8.1; Cowrie 1.x only
 * names the factory in `system` (`cowrie.ssh.factory.CowrieSSHFactory`, `…HoneyPotTelnetFactory`).
 */
function protocolOf(rec: JsonRecord): string | undefined {
  const protocol = nonEmpty(rec.protocol);
  if (protocol !== undefined) return protocol;
  const system = rec.system;
  if (typeof system !== "string") return undefined;
  if (system.includes("SSHFactory")) return "ssh";
  if (system.includes("TelnetFactory")) return "telnet";
  return undefined;
}

/** Cowrie timestamps are ISO (`…Z`, or `…+0100` for a non-UTC `timezone`); `epoch` is ms (§5). */
function timeOf(rec: JsonRecord, zone: string): number | undefined {
  return parseTimestamp(rec.timestamp, zone) ?? parseTimestamp(rec.epoch, zone);
}

/**
 * The record fields `cowrieRecordToEvent` reads, and nothing else: the byte-level fast path
 * (parse/fast/cowrie.ts) extracts exactly these, so it must list every field read here
 * (tests/perf checks this with a recording proxy).
 */
export const COWRIE_FIELDS = [
  "eventid",
  "timestamp",
  "epoch",
  "src_ip",
  "session",
  "protocol",
  "system",
  "src_port",
  "dst_port",
  "dst_ip",
  "username",
  "password",
  "input",
  "url",
  "shasum",
  "hassh",
  "version",
] as const;

/** One parsed Cowrie record → its event (or why not). Shared by the JSON.parse and byte paths. */
export function cowrieRecordToEvent(rec: JsonRecord, ctx: ParseContext): ParseResult {
  const ts = timeOf(rec, ctx.sensorTimeZone);
  if (ts === undefined) return "no-timestamp";
  const eventId = typeof rec.eventid === "string" ? rec.eventid : "";
  const kind = kindOf(eventId);
  const event: HoneypotEvent = newEvent("cowrie", ts, kind);
  put(event, "srcIp", ipAddress(rec.src_ip));
  put(event, "session", nonEmpty(rec.session));
  put(event, "protocol", protocolOf(rec));
  switch (kind) {
    case "connect":
      put(event, "srcPort", port(rec.src_port));
      put(event, "dstPort", destPort(rec.dst_port));
      break;
    case "login":
      put(event, "username", text(rec.username));
      put(event, "password", text(rec.password));
      event.loginSuccess = eventId === "cowrie.login.success";
      break;
    case "command":
      put(event, "command", text(rec.input));
      break;
    case "download": {
      // 1.5.3 wrote "url": "stdin" for `cat > file` uploads: that is no URL.
      const url = nonEmpty(rec.url);
      if (url !== undefined && url !== "stdin") event.url = url;
      put(event, "sha256", nonEmpty(rec.shasum));
      break;
    }
    case "client":
      if (eventId === "cowrie.client.kex") put(event, "hassh", nonEmpty(rec.hassh));
      else {
        const version = nonEmpty(rec.version);
        if (version !== undefined) event.clientVersion = unrepr(version);
      }
      break;
    case "tunnel":
      // src_port of a direct-tcpip request is the originator the client claims, not its port.
      put(event, "tunnelHost", nonEmpty(rec.dst_ip));
      put(event, "tunnelPort", port(rec.dst_port));
      break;
    default:
      break;
  }
  return event;
}

export const cowrie = defineJsonParser(
  {
    name: "cowrie",
    label: "Cowrie",
    countsAsAttack: true,
    dir: "cowrie",
    files: /^cowrie\.json$/,
  },
  cowrieRecordToEvent,
  { fields: COWRIE_FIELDS },
);
