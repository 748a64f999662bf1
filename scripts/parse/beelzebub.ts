/**
 * Beelzebub (`beelzebub/log/beelzebub.json`), TPOT-LOGS.md §1.4 Beelzebub: T-Pot's flat format
 * (`tpotLogger`) with a tracer `status`: Start / Interaction / End for SSH shell sessions,
 * Stateless for single exchanges (SSH password attempts, HTTP requests, TCP banners).
 * - SSH attempt (username/password) → login;
 * - a session Start, or a stateless HTTP/TCP exchange (its own connection) → connect on the logged
 *   `dest_port` (derived from the service definition, so already the host port);
 * - a session command (`input`) → command; End and the rest → other.
 * The older nested format `{"event": {DateTime, RemoteAddr, Protocol, Command, User, Password,
 * SourceIp, SourcePort …}}` is read the same way.
 */
import type { EventKind, HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, nonEmpty, port, put, record, splitHostPort, text, type JsonRecord } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

/** The older upstream layout, mapped to the flat key names. */
function flatten(rec: JsonRecord): JsonRecord {
  const nested = record(rec.event);
  if (nested === undefined) return rec;
  const remote = splitHostPort(nested.RemoteAddr);
  return {
    timestamp: nested.DateTime,
    protocol: nested.Protocol,
    status: nested.Status,
    msg: nested.Msg,
    session: nested.ID,
    src_ip: nested.SourceIp ?? remote?.host,
    src_port: nested.SourcePort ?? remote?.port,
    username: nested.User,
    password: nested.Password,
    input: nested.Command,
    client: nested.Client,
    request_uri: nested.RequestURI,
  };
}

function kindOf(rec: JsonRecord, protocol: string): EventKind {
  if (rec.username !== undefined || rec.password !== undefined) return "login";
  if (rec.status === "Start") return "connect";
  if (rec.status === "Stateless" && protocol !== "ssh") return "connect";
  if (rec.input !== undefined && rec.input !== "") return "command";
  return "other";
}

export const beelzebub = defineMixedJsonParser(
  {
    name: "beelzebub",
    label: "Beelzebub",
    countsAsAttack: true,
    dir: "beelzebub",
    files: /^beelzebub\.json$/,
  },
  (raw, ctx) => {
    const rec = flatten(raw);
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const protocol = (nonEmpty(rec.protocol) ?? "").toLowerCase();
    const kind = kindOf(rec, protocol);
    const event: HoneypotEvent = newEvent("beelzebub", ts, kind);
    put(event, "srcIp", ipAddress(rec.src_ip));
    put(event, "srcPort", port(rec.src_port));
    if (kind === "connect") put(event, "dstPort", destPort(rec.dest_port));
    if (protocol !== "") event.protocol = protocol;
    put(event, "session", nonEmpty(rec.session));
    if (kind === "login") {
      put(event, "username", text(rec.username));
      put(event, "password", text(rec.password));
      put(event, "clientVersion", nonEmpty(rec.client));
    } else if (kind === "command") {
      put(event, "command", text(rec.input));
    } else if (kind === "connect") {
      put(event, "clientVersion", nonEmpty(rec.client_version));
    }
    return event;
  },
  {
    fields: ["event", "timestamp", "protocol", "status", "session", "src_ip", "src_port", "dest_port", "username", "password", "input", "client", "client_version"],
    nested: {
      event: {
        fields: ["DateTime", "Protocol", "Status", "Msg", "ID", "SourceIp", "RemoteAddr", "SourcePort", "User", "Password", "Command", "Client", "RequestURI"],
      },
    },
  },
);
