/**
 * Dicompot (`dicompot/log/dicompot.log`, lumberjack backups `dicompot-<time>.log`),
 * TPOT-LOGS.md §1.4 Dicompot: logrus JSON with capitalised keys; `time` container local (= UTC).
 * Only the connection line (`msg` "Connection from", `IP`, `Port`) names the peer → connect;
 * DICOM commands (`Command`: C-ECHO, C-FIND …) → command; the rest → other. `ID` ties them.
 *
 * Port: dicompot logs none and Logstash sets none. It listens on 11112 in the container;
 * §1.3 lists the 24.x host mapping 104→11112, and T-Pot's older compose files publish
 * 11112:11112. Both host ports reach the same container port and the log cannot tell which was
 * hit; we report 11112, the DICOM port the honeypot itself serves and the one every T-Pot
 * release publishes.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { ipAddress, nonEmpty, port, put } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const DICOM_PORT = 11112;

export const dicompot = defineMixedJsonParser(
  {
    name: "dicompot",
    label: "Dicompot",
    countsAsAttack: true,
    dir: "dicompot",
    files: /^dicompot(?:-[\w.:-]+)?\.log$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec.time, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const srcIp = ipAddress(rec.IP);
    const command = nonEmpty(rec.Command);
    const session = nonEmpty(rec.ID);
    if (srcIp === undefined && command === undefined && session === undefined) return "not-an-event";
    const kind = srcIp !== undefined ? "connect" : command !== undefined ? "command" : "other";
    const event: HoneypotEvent = newEvent("dicompot", ts, kind);
    put(event, "srcIp", srcIp);
    put(event, "srcPort", port(rec.Port));
    if (kind === "connect") event.dstPort = DICOM_PORT;
    put(event, "command", command);
    put(event, "session", session);
    event.protocol = "dicom";
    return event;
  },
  { fields: ["time", "IP", "Command", "ID", "Port"] },
);
