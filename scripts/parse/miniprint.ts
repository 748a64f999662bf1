/**
 * Miniprint (`miniprint/log/miniprint.json`), TPOT-LOGS.md §1.4 Miniprint: JSON with `event` and
 * `action`. A connection opening (`action` "open_conn" / `event` "connection") → connect on the
 * logged `dest_port` (9100; container and host ports agree); PJL commands (`command`) → command;
 * saved print jobs/uploads and everything else → other.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, nonEmpty, port, put, text } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const PRINTER_PORT = 9100;

export const miniprint = defineMixedJsonParser(
  {
    name: "miniprint",
    label: "Miniprint",
    countsAsAttack: true,
    dir: "miniprint",
    files: /^miniprint\.json$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const isConnect = rec.action === "open_conn" || rec.event === "connection";
    const command = text(rec.command);
    const event: HoneypotEvent = newEvent("miniprint", ts, isConnect ? "connect" : command !== undefined ? "command" : "other");
    put(event, "srcIp", ipAddress(rec.src_ip));
    put(event, "srcPort", port(rec.src_port));
    if (isConnect) event.dstPort = destPort(rec.dest_port) ?? PRINTER_PORT;
    else put(event, "command", command);
    put(event, "session", nonEmpty(rec.session_id));
    put(event, "protocol", nonEmpty(rec.protocol) ?? "pjl");
    return event;
  },
  { fields: ["timestamp", "action", "event", "command", "src_ip", "src_port", "dest_port", "session_id", "protocol"] },
);
