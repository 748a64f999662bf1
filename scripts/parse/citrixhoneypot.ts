/**
 * CitrixHoneypot (`citrixhoneypot/log/server.log`), TPOT-LOGS.md §1.4 CitrixHoneypot:
 * python-json-logger lines `{"asctime": "2020-01-16 11:16:44,123", "levelname", "message":
 * "(IP:PORT): <text>"}`; asctime is container local time (= UTC in T-Pot) with a comma decimal.
 *
 * The honeypot writes `<METHOD> Header: <path>` first for every request → connect on 443 (the
 * only port it listens on, hard-coded by Logstash, §2.3); its verdicts on that request
 * ("Detected type 1 CVE-2019-19781 scan attempt!", "Detected CVE-2019-19781 payload: …") → other.
 * Lines whose message names no `(ip:port)` (start-up, errors) are "not-an-event".
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { put, splitHostPort, stripIpv4Mapped } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const HTTPS_PORT = 443;
const REQUEST_MARK = " Header: ";
/** `OPTIONS` is the longest method name the honeypot logs before " Header: ". */
const MAX_METHOD_LENGTH = 7;

export const citrixhoneypot = defineJsonParser(
  {
    name: "citrixhoneypot",
    label: "CitrixHoneypot",
    countsAsAttack: true,
    dir: "citrixhoneypot",
    files: /^server\.log$/,
  },
  (rec, ctx) => {
    const message = rec.message;
    if (typeof message !== "string" || message.charCodeAt(0) !== 40 /* ( */) return "not-an-event";
    const close = message.indexOf("):");
    if (close < 0) return "not-an-event";
    const peer = splitHostPort(message.slice(1, close));
    if (peer === undefined) return "not-an-event";
    const ts = parseTimestamp(rec.asctime, ctx.sensorTimeZone) ?? parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const text = message.slice(close + 2).trimStart();
    const mark = text.indexOf(REQUEST_MARK);
    const isRequest = mark > 0 && mark <= MAX_METHOD_LENGTH;
    const event: HoneypotEvent = newEvent("citrixhoneypot", ts, isRequest ? "connect" : "other");
    event.srcIp = stripIpv4Mapped(peer.host);
    put(event, "srcPort", peer.port);
    if (isRequest) {
      event.dstPort = HTTPS_PORT;
      event.protocol = "https";
    }
    return event;
  },
  { fields: ["message", "asctime", "timestamp"] },
);
