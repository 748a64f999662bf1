/**
 * Log4Pot (`log4pot/log/log4pot.log`), TPOT-LOGS.md §1.4 Log4pot: JSON lines; T-Pot renamed the
 * upstream `type` key to `reason` (start, request, exploit, payload, exception, end).
 * `timestamp` is UTC without zone.
 * - request → connect: `client`/`port` are the peer.
 * - exploit, payload, exception → other (they follow a request, joined by `correlation_id`).
 * - start / end are the honeypot starting and stopping → "not-an-event".
 *
 * Port: the container listens on 8080 only and logs `server_port` 8080; the mobile edition maps
 * host 80, 443, 8080, 9200 and 25565 all to it (§1.3), so the host port is unknowable. We report
 * 8080 (as Logstash's rename does): one of the real host ports, and the only one the log names.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { ipAddress, nonEmpty, port, put } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const LOG4POT_PORT = 8080;

export const log4pot = defineMixedJsonParser(
  {
    name: "log4pot",
    label: "Log4pot",
    countsAsAttack: true,
    dir: "log4pot",
    files: /^log4pot\.log$/,
  },
  (rec, ctx) => {
    const reason = rec.reason ?? rec.type;
    if (reason === "start" || reason === "end") return "not-an-event";
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const isRequest = reason === "request";
    const event: HoneypotEvent = newEvent("log4pot", ts, isRequest ? "connect" : "other");
    put(event, "srcIp", ipAddress(rec.client));
    put(event, "srcPort", port(rec.port));
    if (isRequest) event.dstPort = LOG4POT_PORT;
    put(event, "session", nonEmpty(rec.correlation_id));
    event.protocol = "http";
    return event;
  },
  { fields: ["reason", "type", "timestamp", "client", "port", "correlation_id"] },
);
