/**
 * Honeytrap attack log (`honeytrap/log/attackers.json`), TPOT-LOGS.md §1.4 Honeytrap: one line
 * per connection, written at its end, `@timestamp` = start (second precision, `Z`).
 * Honeytrap runs on the host network and catches every port no container claims, so
 * `attack_connection.local_port` is the real host port (§1.3).
 *
 * Honeytrap also writes records of nothing: `@timestamp` 1970-01-01T00:00:00Z with 0.0.0.0
 * addresses (seen in realdata/tpot-2022); those are "impossible-record".
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, nonEmpty, port, put, record } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

/** Anything before 1990 is honeytrap's zeroed record, not a time (epoch 0 and its neighbours). */
const EARLIEST_PLAUSIBLE_MS = Date.UTC(1990, 0, 1);

export const honeytrap = defineJsonParser(
  {
    name: "honeytrap",
    label: "Honeytrap",
    countsAsAttack: true,
    dir: "honeytrap",
    files: /^attackers\.json$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec["@timestamp"], ctx.sensorTimeZone) ?? parseTimestamp(rec.start_time, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const attack = record(rec.attack_connection);
    const srcIp = ipAddress(attack?.remote_ip);
    if (ts < EARLIEST_PLAUSIBLE_MS || srcIp === undefined || srcIp === "0.0.0.0") return "impossible-record";
    const event: HoneypotEvent = newEvent("honeytrap", ts, "connect");
    event.srcIp = srcIp;
    put(event, "srcPort", port(attack?.remote_port));
    put(event, "dstPort", destPort(attack?.local_port));
    put(event, "protocol", nonEmpty(attack?.protocol));
    return event;
  },
  {
    fields: ["@timestamp", "start_time", "attack_connection"],
    // (attack_connection.payload, proxy_connection: never read, never built by the fast path)
    nested: { attack_connection: { fields: ["remote_ip", "remote_port", "local_port", "protocol"] } },
  },
);
