/**
 * Mailoney (TPOT-LOGS.md §1.4 Mailoney), `mailoney/log/commands.log`, two generations:
 * - 24.x JSON `{"timestamp": "….000000Z", "src_ip", "src_port", "data", "emails"?}`;
 * - 19.03 text `[<epoch seconds float>][IP:PORT] <line>` (the epoch is the only timestamp).
 * One line per SMTP command. Mailoney logs no connection event, so the session greeting
 * (HELO/EHLO, the first command of an SMTP session) → connect on port 25; every other line →
 * command. Host ports 25 and 587 both map to container port 25 (§1.3) and nothing in the log
 * tells them apart: 25, as Logstash hard-codes.
 */
import type { HoneypotEvent, ParseContext, ParseResult } from "../model/event.ts";
import { defineParser, firstNonBlank, newEvent, parseJsonRecord } from "./define.ts";
import { ipAddress, port, put, splitHostPort, stripIpv4Mapped, text, type JsonRecord } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const SMTP_PORT = 25;

function isGreeting(data: string): boolean {
  const verb = data.trimStart().slice(0, 4).toUpperCase();
  return verb === "HELO" || verb === "EHLO";
}

function smtpEvent(ts: number, srcIp: string | undefined, srcPort: number | undefined, data: string | undefined): HoneypotEvent {
  const greeting = data !== undefined && isGreeting(data);
  const event = newEvent("mailoney", ts, greeting ? "connect" : "command");
  put(event, "srcIp", srcIp);
  put(event, "srcPort", srcPort);
  event.protocol = "smtp";
  if (greeting) event.dstPort = SMTP_PORT;
  put(event, "command", data);
  return event;
}

/** `[1553092345.123456][203.0.113.15:52311] EHLO User` */
function parseTextLine(line: string, start: number, ctx: ParseContext): ParseResult {
  const timeEnd = line.indexOf("][", start);
  if (line.charCodeAt(start) !== 91 /* [ */ || timeEnd < 0) return "not-an-event";
  const peerEnd = line.indexOf("]", timeEnd + 2);
  if (peerEnd < 0) return "not-an-event";
  const ts = parseTimestamp(line.slice(start + 1, timeEnd), ctx.sensorTimeZone);
  if (ts === undefined) return "no-timestamp";
  const peer = splitHostPort(line.slice(timeEnd + 2, peerEnd));
  const data = line.slice(peerEnd + 1).trimStart();
  return smtpEvent(ts, peer === undefined ? undefined : stripIpv4Mapped(peer.host), peer?.port, data);
}

/** 24.x JSON: `{"timestamp": …, "src_ip": …, "src_port": …, "data": "EHLO User"}`. */
function parseJsonLine(rec: JsonRecord, ctx: ParseContext): ParseResult {
  const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
  if (ts === undefined) return "no-timestamp";
  return smtpEvent(ts, ipAddress(rec.src_ip), port(rec.src_port), text(rec.data));
}

export const mailoney = defineParser(
  {
    name: "mailoney",
    label: "Mailoney",
    countsAsAttack: true,
    dir: "mailoney",
    files: /^commands\.log$/,
  },
  (line, ctx) => {
    const start = firstNonBlank(line);
    if (start < 0) return "empty";
    if (line.charCodeAt(start) !== 123 /* { */) return parseTextLine(line, start, ctx);
    const rec = parseJsonRecord(line);
    if (typeof rec === "string") return rec;
    return parseJsonLine(rec, ctx);
  },
  { toEvent: parseJsonLine, fields: ["timestamp", "src_ip", "src_port", "data"] },
);
