/**
 * Heralding (TPOT-LOGS.md §1.4 Heralding), two files:
 * - `auth.csv`: one row per authentication attempt → login. A header row is written whenever the
 *   file starts (so once per rotation): "not-an-event". 24.x has 11 columns (`password_hash` last,
 *   quoted when it holds commas), 2019 versions 10. Empty user/password fields mean "none sent"
 *   (VNC sends only a password), so they are left out rather than counted as empty strings.
 * - `log_session.json`: one line per finished session → connect, with the attacked port
 *   (`destination_port`; heralding's compose ports are host:container identical, §1.3).
 * The attempts inside a session record are not repeated: auth.csv has them, one event each.
 * (`session.csv` repeats log_session.json and is not read.)
 */
import type { HoneypotEvent, ParseContext, ParseResult } from "../model/event.ts";
import { defineParser, firstNonBlank, newEvent, parseJsonRecord } from "./define.ts";
import { destPort, ipAddress, nonEmpty, port, put, type JsonRecord } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const HEADER_START = "timestamp,";
const MIN_COLUMNS = 10;

/** Split one CSV row (RFC 4180 quoting, as Python's csv module writes it). */
export function splitCsvRow(line: string): string[] {
  const fields: string[] = [];
  let i = 0;
  const n = line.length;
  for (;;) {
    if (line.charCodeAt(i) === 34 /* " */) {
      let value = "";
      i++;
      for (;;) {
        const close = line.indexOf('"', i);
        if (close < 0) {
          value += line.slice(i);
          i = n;
          break;
        }
        value += line.slice(i, close);
        if (line.charCodeAt(close + 1) === 34) {
          value += '"';
          i = close + 2;
        } else {
          i = close + 1;
          break;
        }
      }
      fields.push(value);
      const comma = line.indexOf(",", i);
      if (comma < 0) return fields;
      i = comma + 1;
    } else {
      const comma = line.indexOf(",", i);
      if (comma < 0) {
        fields.push(line.slice(i));
        return fields;
      }
      fields.push(line.slice(i, comma));
      i = comma + 1;
    }
  }
}

function parseAuthRow(line: string, ctx: ParseContext): ParseResult {
  if (line.startsWith(HEADER_START)) return "not-an-event";
  let end = line.length;
  if (line.charCodeAt(end - 1) === 13) end--; // a CRLF row
  const cols = splitCsvRow(end === line.length ? line : line.slice(0, end));
  if (cols.length < MIN_COLUMNS) return "not-json";
  const ts = parseTimestamp(cols[0], ctx.sensorTimeZone);
  if (ts === undefined) return "no-timestamp";
  const event: HoneypotEvent = newEvent("heralding", ts, "login");
  put(event, "srcIp", ipAddress(cols[3]));
  put(event, "srcPort", port(cols[4]));
  put(event, "protocol", nonEmpty(cols[7]));
  put(event, "session", nonEmpty(cols[2]));
  put(event, "username", nonEmpty(cols[8]));
  put(event, "password", nonEmpty(cols[9]));
  return event;
}

function parseSession(rec: JsonRecord, ctx: ParseContext): ParseResult {
  const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
  if (ts === undefined) return "no-timestamp";
  const event: HoneypotEvent = newEvent("heralding", ts, "connect");
  put(event, "srcIp", ipAddress(rec.source_ip));
  put(event, "srcPort", port(rec.source_port));
  put(event, "dstPort", destPort(rec.destination_port));
  put(event, "protocol", nonEmpty(rec.protocol));
  put(event, "session", nonEmpty(rec.session_id));
  return event;
}

/** log_session.json's lines are JSON records; auth.csv's are CSV rows, whatever they look like. */
function isSessionLog(ctx: ParseContext): boolean {
  return ctx.file.includes("log_session");
}

export const heralding = defineParser(
  {
    name: "heralding",
    label: "Heralding",
    countsAsAttack: true,
    dir: "heralding",
    files: /^(?:auth\.csv|log_session\.json)$/,
  },
  (line, ctx) => {
    const start = firstNonBlank(line);
    if (start < 0) return "empty";
    // The file decides the format; a JSON-looking line in auth.csv would still be junk.
    if (isSessionLog(ctx)) {
      const rec = parseJsonRecord(line);
      return typeof rec === "string" ? rec : parseSession(rec, ctx);
    }
    return parseAuthRow(line, ctx);
  },
  {
    toEvent: parseSession,
    appliesTo: isSessionLog,
    fields: ["timestamp", "source_ip", "source_port", "destination_port", "protocol", "session_id"],
  },
);
