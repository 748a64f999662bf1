/**
 * p0f (`p0f/log/p0f.json`, T-Pot-patched `-j`), TPOT-LOGS.md §1.4 p0f: passive fingerprints of
 * all traffic. A sensor, not a honeypot: countsAsAttack false, every line kind "fingerprint".
 * `timestamp` is `YYYY/MM/DD HH:MM:SS` in container local time (= UTC). The client is the peer;
 * `os` is kept only when the record describes the client (`subject` "cli") and p0f had a guess
 * (not `???`), as T-Pot's "P0f OS Distribution" panel shows it.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { ipAddress, nonEmpty, port, put } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

export const p0f = defineJsonParser(
  {
    name: "p0f",
    label: "P0f",
    countsAsAttack: false,
    dir: "p0f",
    files: /^p0f\.json$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const event: HoneypotEvent = newEvent("p0f", ts, "fingerprint");
    put(event, "srcIp", ipAddress(rec.client_ip));
    put(event, "srcPort", port(rec.client_port));
    put(event, "protocol", nonEmpty(rec.mod));
    const os = nonEmpty(rec.os);
    if (rec.subject === "cli" && os !== undefined && os !== "???") event.os = os;
    return event;
  },
  { fields: ["timestamp", "client_ip", "client_port", "mod", "os", "subject"] },
);
