/**
 * HellPot (`hellpot/log/hellpot.log`), TPOT-LOGS.md §1.4 "Other T-Pot sources": zerolog JSON
 * with `time`, `message`, `REMOTE_ADDR`, `URL`, `USERAGENT`, `BYTES`, `DURATION`.
 * A `NEW` message is a client arriving → connect on host port 80 (T-Pot maps 80→8080, §1.3;
 * Logstash sets 80); the other messages about a client (its end, bytes served) → other; lines
 * without `REMOTE_ADDR` (start-up, config) → "not-an-event".
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { put, splitHostPort, stripIpv4Mapped } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const HTTP_PORT = 80;

export const hellpot = defineMixedJsonParser(
  {
    name: "hellpot",
    label: "Hellpot",
    countsAsAttack: true,
    dir: "hellpot",
    files: /^hellpot\.log$/,
  },
  (rec, ctx) => {
    const remote = splitHostPort(rec.REMOTE_ADDR ?? rec.remote_addr);
    if (remote === undefined) return "not-an-event";
    const ts = parseTimestamp(rec.time ?? rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const isNew = rec.message === "NEW";
    const event: HoneypotEvent = newEvent("hellpot", ts, isNew ? "connect" : "other");
    event.srcIp = stripIpv4Mapped(remote.host);
    put(event, "srcPort", remote.port);
    if (isNew) event.dstPort = HTTP_PORT;
    event.protocol = "http";
    return event;
  },
  { fields: ["REMOTE_ADDR", "remote_addr", "time", "timestamp", "message"] },
);
