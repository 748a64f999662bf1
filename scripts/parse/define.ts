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

/** The keys read of one object: a record, or an object value inside one. */
export interface RecordShape {
  /**
   * Every key of the object `toEvent` reads (and nothing else of it: no key iteration, no `in`
   * on undeclared keys). Plain ASCII, without quotes, backslashes or `__proto__`.
   */
  readonly fields: readonly string[];
  /**
   * Declared fields whose value, when it is an object, `toEvent` reads only at these keys (and
   * does not keep, compare or walk): such a value is given as a partial object too, so what is
   * never read is never built (Honeytrap's attack_connection.payload, Fatt's ssh algorithm lists).
   * A value that is not an object (an array, a string …) is given whole.
   */
  readonly nested?: { readonly [field: string]: RecordShape };
}

/**
 * What a JSON format declares of the records its `toEvent` reads, so that a line can be turned
 * into an event without decoding it or parsing all of it (parse/fast/record.ts: the line is
 * scanned for these keys only, and `toEvent` is given a record holding just them).
 * tests/perf/record-fast.test.ts holds every declaration to its parser.
 */
export interface RecordFields extends RecordShape {
  /** `toEvent` reads its third argument, the line's text. */
  readonly usesLine?: boolean;
  /**
   * `toEvent` returns `otherwise` for every record whose `field` is not the string `is` (Suricata:
   * event_type "alert"), so such a line needs no record at all. `field` must be declared too.
   */
  readonly only?: { readonly field: string; readonly is: string; readonly otherwise: SkipReason };
}

/**
 * A parser's record lane: for every line that is one JSON object (blanks around it allowed),
 * `parse(line, ctx)` is `toEvent(JSON.parse(line), ctx, line)`, made never to throw as
 * defineParser does; and `toEvent` reads only the declared fields.
 */
export interface RecordLane extends RecordFields {
  readonly toEvent: RecordParser;
  /**
   * For a parser that reads JSON records from some of its files only (Heralding's
   * log_session.json beside auth.csv): whether the lane holds for ctx's file. Absent: always.
   */
  readonly appliesTo?: (ctx: ParseContext) => boolean;
}

const LANES = new WeakMap<HoneypotParser, RecordLane>();

/** The record lane a parser declared, if any. */
export function recordLaneOf(parser: HoneypotParser): RecordLane | undefined {
  return LANES.get(parser);
}

/** A key the byte scanners can look for, and that a partial record can hold as JSON.parse would. */
function checkDeclaredKey(parser: string, key: string): void {
  if (key === "__proto__" || key.length === 0) throw new Error(`${parser}: field ${JSON.stringify(key)} cannot be declared`);
  for (let i = 0; i < key.length; i++) {
    const c = key.charCodeAt(i);
    if (c < 32 || c >= 127 || c === 34 || c === 92) throw new Error(`${parser}: declared field ${JSON.stringify(key)} must be plain ASCII`);
  }
}

/** A shape's declared keys (checked), and its nested shapes' (each a declared field of it). */
function checkShape(parser: string, shape: RecordShape): Set<string> {
  const seen = new Set<string>();
  for (const key of shape.fields) {
    checkDeclaredKey(parser, key);
    if (seen.has(key)) throw new Error(`${parser}: field ${key} declared twice`);
    seen.add(key);
  }
  for (const [key, inner] of Object.entries(shape.nested ?? {})) {
    if (!seen.has(key)) throw new Error(`${parser}: nested field ${key} is not declared`);
    checkShape(parser, inner);
  }
  return seen;
}

function withLane(parser: HoneypotParser, lane: RecordLane): HoneypotParser {
  const seen = checkShape(parser.name, lane);
  if (lane.only !== undefined && !seen.has(lane.only.field)) throw new Error(`${parser.name}: \`only\` field ${lane.only.field} is not declared`);
  LANES.set(parser, { ...lane, fields: [...lane.fields] });
  return parser;
}

/**
 * Wrap a line parser so it never throws: a bug or an unforeseen shape becomes a skipped line
 * ("parser-error", counted and reported so the bug is seen), never a crashed week. A parser that
 * reads JSON records among other lines (Heralding, Mailoney) may declare its record lane.
 */
export function defineParser(info: ParserInfo, parseLine: LineParser, lane?: RecordLane): HoneypotParser {
  const parser: HoneypotParser = {
    ...info,
    parse(line: string, ctx: ParseContext): ParseResult | ParseResult[] {
      try {
        return parseLine(line, ctx);
      } catch {
        return "parser-error";
      }
    },
  };
  return lane === undefined ? parser : withLane(parser, lane);
}

/**
 * A parser for a JSON-lines format: blank and non-JSON lines are handled here. `fields`: the
 * record keys `toEvent` reads, for the byte-level fast path (RecordFields).
 */
export function defineJsonParser(info: ParserInfo, toEvent: RecordParser, fields?: RecordFields): HoneypotParser {
  const parser = defineParser(info, (line, ctx) => {
    const rec = parseJsonRecord(line);
    if (typeof rec === "string") return rec;
    return toEvent(rec, ctx, line);
  });
  return fields === undefined ? parser : withLane(parser, { ...fields, toEvent });
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
export function defineMixedJsonParser(info: ParserInfo, toEvent: RecordParser, fields?: RecordFields): HoneypotParser {
  const parser = defineParser(info, (line, ctx) => {
    const rec = parseMixedLine(line);
    if (typeof rec === "string") return rec;
    return toEvent(rec, ctx, line);
  });
  return fields === undefined ? parser : withLane(parser, { ...fields, toEvent });
}
