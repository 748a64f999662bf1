/**
 * Building blocks for format modules: line → JSON record, and the wrapper that turns a
 * record-to-event function into a `HoneypotParser` that never throws.
 */
import type {
  EventKind,
  HoneypotEvent,
  HoneypotParser,
  ParseContext,
  ParseResult,
  SkipReason,
} from "../model/event.ts";
import { record, type JsonRecord } from "./fields.ts";

/** Everything of a parser but its parse function. */
export type ParserInfo = Omit<HoneypotParser, "parse">;

export type LineParser = (line: string, ctx: ParseContext) => ParseResult | ParseResult[];
export type RecordParser = (rec: JsonRecord, ctx: ParseContext, line: string) => ParseResult | ParseResult[];

function isBlank(c: number): boolean {
  // space, tab, CR, LF, and a UTF-8 BOM left at the start of a file
  return c === 32 || c === 9 || c === 13 || c === 10 || c === 0xfeff;
}

/** Index of the first non-blank character, or -1 for a blank line. */
export function firstNonBlank(line: string): number {
  for (let i = 0; i < line.length; i++) if (!isBlank(line.charCodeAt(i))) return i;
  return -1;
}

/**
 * A line of a JSON-lines log → its object, or why not. The first and last characters are checked
 * before JSON.parse so text noise and cut-off lines cost no exception.
 */
export function parseJsonRecord(line: string): JsonRecord | SkipReason {
  const start = firstNonBlank(line);
  if (start < 0) return "empty";
  let end = line.length - 1;
  while (end > start && isBlank(line.charCodeAt(end))) end--;
  if (line.charCodeAt(start) !== 123 /* { */ || line.charCodeAt(end) !== 125 /* } */) return "not-json";
  let value: unknown;
  try {
    value = JSON.parse(start === 0 ? line : line.slice(start));
  } catch {
    return "not-json";
  }
  return record(value) ?? "not-json";
}

/** A new event with the three required fields; optional ones are added with `put`. */
export function newEvent(honeypot: string, ts: number, kind: EventKind): HoneypotEvent {
  return { honeypot, ts, kind };
}

/**
 * Wrap a line parser so it never throws: a bug or an unforeseen shape becomes a skipped line
 * ("parser-error", counted and reported so the bug is seen), never a crashed week.
 */
export function defineParser(info: ParserInfo, parseLine: LineParser): HoneypotParser {
  return {
    ...info,
    parse(line: string, ctx: ParseContext): ParseResult | ParseResult[] {
      try {
        return parseLine(line, ctx);
      } catch {
        return "parser-error";
      }
    },
  };
}

/** A parser for a JSON-lines format: blank and non-JSON lines are handled here. */
export function defineJsonParser(info: ParserInfo, toEvent: RecordParser): HoneypotParser {
  return defineParser(info, (line, ctx) => {
    const rec = parseJsonRecord(line);
    if (typeof rec === "string") return rec;
    return toEvent(rec, ctx, line);
  });
}

/**
 * A line of a log that mixes JSON records with plain text (Ddospot status lines, Wordpot/werkzeug
 * and Go-pot noise, panics): text is "not-an-event", a broken JSON record is still "not-json".
 */
export function parseMixedLine(line: string): JsonRecord | SkipReason {
  const start = firstNonBlank(line);
  if (start < 0) return "empty";
  if (line.charCodeAt(start) !== 123 /* { */) return "not-an-event";
  return parseJsonRecord(line);
}

/** Like defineJsonParser, for logs that mix JSON records and plain text lines. */
export function defineMixedJsonParser(info: ParserInfo, toEvent: RecordParser): HoneypotParser {
  return defineParser(info, (line, ctx) => {
    const rec = parseMixedLine(line);
    if (typeof rec === "string") return rec;
    return toEvent(rec, ctx, line);
  });
}
