/**
 * Tanner / Snare (`tanner/log/tanner_report.json`), TPOT-LOGS.md §1.4 Tanner: one line per HTTP
 * request with Tanner's analysis; `timestamp` UTC without zone; the peer in `peer.{ip,port}`.
 * Every request → connect on port 80 (Snare's only port; Logstash hard-codes 80, §2.3).
 * The session is Snare's `uuid`.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { ipAddress, nonEmpty, port, put, record } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const HTTP_PORT = 80;

export const tanner = defineJsonParser(
  {
    name: "tanner",
    label: "Tanner",
    countsAsAttack: true,
    dir: "tanner",
    files: /^tanner_report\.json$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const peer = record(rec.peer);
    const event: HoneypotEvent = newEvent("tanner", ts, "connect");
    put(event, "srcIp", ipAddress(peer?.ip));
    put(event, "srcPort", port(peer?.port));
    event.dstPort = HTTP_PORT;
    event.protocol = "http";
    put(event, "session", nonEmpty(rec.uuid));
    return event;
  },
  { fields: ["timestamp", "peer", "uuid"], nested: { peer: { fields: ["ip", "port"] } } },
);
