/**
 * Go-pot (`go-pot/log/go-pot.json`), TPOT-LOGS.md §1.4 Go-pot: zap JSON access log, a `start`
 * and an `end` line per request (`phase`). `start` → connect, `end` → other. Lines without
 * `dest_port` are not access-log lines (Logstash drops them, §2.3) → "not-an-event".
 * Time: the RFC 3339 `timestamp`, else zap's epoch-seconds `ts`.
 *
 * Port: `dest_port` is taken from the Host header (default 80/443) and says what the attacker
 * typed, not where the socket is; T-Pot publishes go-pot on host 8080 only (§1.4 heading), so
 * every request reached 8080.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { ipAddress, nonEmpty, put } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const HOST_PORT = 8080;

export const goPot = defineMixedJsonParser(
  {
    name: "go-pot",
    label: "Go-pot",
    countsAsAttack: true,
    dir: "go-pot",
    files: /^go-pot\.json$/,
  },
  (rec, ctx) => {
    if (rec.dest_port === undefined || rec.dest_port === null || rec.dest_port === "") return "not-an-event";
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone) ?? parseTimestamp(rec.ts, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const isStart = rec.phase !== "end";
    const event: HoneypotEvent = newEvent("go-pot", ts, isStart ? "connect" : "other");
    put(event, "srcIp", ipAddress(rec.src_ip));
    if (isStart) event.dstPort = HOST_PORT;
    put(event, "session", nonEmpty(rec.id));
    event.protocol = "http";
    return event;
  },
  { fields: ["dest_port", "timestamp", "ts", "phase", "src_ip", "id"] },
);
