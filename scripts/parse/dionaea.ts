/**
 * Dionaea JSON log (`dionaea/log/dionaea.json`), TPOT-LOGS.md §1.4 Dionaea: one line per
 * connection, written when it ends, stamped with its start (UTC, no zone designator).
 *
 * An incoming connection (`connection.type` accept/reject) → connect with the attacked port
 * (`dst_port`: host network in 19.03, identical host:container mappings in 24.x, §1.3), the
 * service handler as protocol (smbd, mssqld …) and, when the attacker tried credentials, the first
 * username/password (one line = one connection, so it stays one event).
 * An outgoing connection dionaea makes itself (type "connect": TFTP replies, mirror connects
 * back to the attacker) → other, without a port: its dst_port is an ephemeral port, not an
 * attacked one.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, nonEmpty, port, put, record, text, type JsonRecord } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

interface Credential {
  username?: string;
  password?: string;
}

function first(value: unknown): unknown {
  return Array.isArray(value) ? value[0] : value;
}

/**
 * T-Pot writes `flat_data: true` → `{"username": [...], "password": [...]}` parallel arrays;
 * without it dionaea writes a list of `{username, password}` objects. Accept both.
 */
function firstCredential(value: unknown): Credential | undefined {
  if (Array.isArray(value)) {
    const item = record(value[0]);
    return item === undefined ? undefined : { username: text(item.username), password: text(item.password) };
  }
  const flat = record(value);
  if (flat === undefined) return undefined;
  const username = text(first(flat.username));
  const password = text(first(flat.password));
  return username === undefined && password === undefined ? undefined : { username, password };
}

function isIncoming(connection: JsonRecord | undefined): boolean {
  const type = connection?.type;
  // Older records without `connection.type` are incoming: dionaea logs accepted connections.
  return type === undefined || type === "accept" || type === "reject";
}

export const dionaea = defineJsonParser(
  {
    name: "dionaea",
    label: "Dionaea",
    countsAsAttack: true,
    dir: "dionaea",
    files: /^dionaea\.json$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const connection = record(rec.connection);
    const incoming = isIncoming(connection);
    const event: HoneypotEvent = newEvent("dionaea", ts, incoming ? "connect" : "other");
    put(event, "srcIp", ipAddress(rec.src_ip));
    put(event, "srcPort", port(rec.src_port));
    if (incoming) put(event, "dstPort", destPort(rec.dst_port));
    put(event, "protocol", nonEmpty(connection?.protocol) ?? nonEmpty(connection?.transport));
    const credential = firstCredential(rec.credentials);
    if (credential !== undefined) {
      put(event, "username", credential.username);
      put(event, "password", credential.password);
    }
    return event;
  },
  {
    fields: ["timestamp", "connection", "src_ip", "src_port", "dst_port", "credentials"],
    nested: { connection: { fields: ["type", "protocol", "transport"] }, credentials: { fields: ["username", "password"] } },
  },
);
