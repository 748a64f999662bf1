/**
 * The generic byte-level fast path, for every format whose parser declares the record fields its
 * `toEvent` reads (define.ts RecordFields / RecordLane): the bytes of one line → the same result
 * `parser.parse` gives for the decoded line, or null (the caller then decodes the line and calls
 * `parser.parse`, the reference).
 *
 * 1. The scanner (WasmFieldScanner, or FieldScanner without wasm SIMD) refuses anything that is not
 *    a plain-ASCII, valid JSON object with unescaped keys → null. For such a line the reference's
 *    UTF-8 decoding is the latin1 reading of its bytes, and its record is JSON.parse's.
 * 2. A declared `only` guard (Suricata: event_type "alert") answers from the scanned value alone,
 *    without a record, when the guard says the line is no event.
 * 3. Otherwise a partial record: a plain object holding, for every declared field present, the
 *    value JSON.parse would give it (the scanner's `value`; for a field with a nested shape whose
 *    value is an object, a partial object of that shape's keys in turn), passed to the parser's
 *    own `toEvent` (with the line's text when it reads it). `toEvent` reads no other key
 *    (tests/perf/record-fast.test.ts), so it cannot tell this record from JSON.parse's.
 *
 * A throw from `toEvent` gives null: the reference path then runs the same code and reports it
 * as defineParser does ("parser-error"). An array result (no declared parser makes one) is left
 * to the reference too, as the ByteLineParser contract is one result per line.
 */
import type { HoneypotParser, ParseContext, ParseResult } from "../../model/event.ts";
import { recordLaneOf, type RecordLane, type RecordShape } from "../define.ts";
import type { JsonRecord } from "../fields.ts";
import { FieldScanner, VT_NONE, VT_OBJECT, VT_STRING, VT_STRING_ESC, latin1 } from "./scan.ts";
import { WasmFieldScanner, scannerFor, type ScannedLine } from "./wasmScan.ts";
import type { ByteLineParser } from "./types.ts";
import { BlockCursor } from "./blockCursor.ts";

export interface RecordBytesOptions {
  /** Scan with FieldScanner (lines and nested values) even where the WebAssembly scanner works (tests compare the two). */
  js?: boolean;
}

/** The fast path of a parser that declares its record fields (throws for one that does not). */
export function recordBytes(parser: HoneypotParser, o: RecordBytesOptions = {}): ByteLineParser {
  const lane = recordLaneOf(parser);
  if (lane === undefined) throw new Error(`${parser.name} declares no record fields`);
  return laneBytes(lane, o);
}

/** The fast path of one record lane (its own scanner: one per thread). */
export function laneBytes(lane: RecordLane, o: RecordBytesOptions = {}): ByteLineParser {
  const top = new ShapeReader(lane, o.js === true ? (keys) => new FieldScanner(keys) : scannerFor);
  const sc = top.sc;
  const toEvent = lane.toEvent;
  const usesLine = lane.usesLine === true;
  const blocks = sc instanceof WasmFieldScanner ? new BlockCursor(sc) : null;
  // The guard: the field's index, and the bytes it must be (without quotes).
  const guard = lane.only;
  const gi = guard === undefined ? -1 : lane.fields.indexOf(guard.field);
  const gBytes = guard === undefined ? Buffer.alloc(0) : Buffer.from(guard.is, "utf8");
  // appliesTo, asked once per file (by its path), not per line.
  const appliesTo = lane.appliesTo;
  let lastFile: string | null = null;
  let applies = true;

  const parse: ByteLineParser = (b: Buffer, start: number, end: number, ctx: ParseContext): ParseResult | null => {
    if (appliesTo !== undefined) {
      if (ctx.file !== lastFile) {
        applies = appliesTo(ctx);
        lastFile = ctx.file;
      }
      if (!applies) return null;
    }
    if (!(blocks !== null ? blocks.scan(b, start, end) : sc.scan(b, start, end))) return null;
    if (guard !== undefined && !guardHolds(sc, gi, gBytes, guard.is)) return guard.otherwise;
    const rec = top.record();
    let r: ParseResult | ParseResult[];
    try {
      r = toEvent(rec, ctx, usesLine ? latin1(b, start, end) : "");
    } catch {
      return null; // the reference path reports it (as parser-error)
    }
    return Array.isArray(r) ? null : r;
  };
  if (blocks !== null) parse.block = (b, start, end) => blocks.load(b, start, end);
  return parse;
}

/**
 * The partial object of one shape (define.ts RecordShape) from the last scan of `sc`: each declared
 * key present, with JSON.parse's value; an object value of a nested shape as a partial object in
 * turn (scanned by this reader's own scanner for it).
 *
 * The object is built by a function made for the shape, one `rec["key"] = …` per declared key:
 * each store then has one known key (a loop's `rec[fields[i]] = v` was a megamorphic keyed store,
 * most of the cost of a small record). The keys are checked plain ASCII without quotes or
 * backslashes (define.ts), and are written into the code as JSON string literals.
 */
class ShapeReader {
  readonly sc: ScannedLine;
  private readonly inner: (ShapeReader | null)[];
  readonly record: () => JsonRecord;

  constructor(shape: RecordShape, scanner: (keys: readonly string[]) => ScannedLine) {
    this.sc = scanner(shape.fields);
    const nested = shape.nested ?? {};
    this.inner = shape.fields.map((f) => {
      const s = Object.hasOwn(nested, f) ? nested[f] : undefined;
      return s === undefined ? null : new ShapeReader(s, scanner);
    });
    const stores = shape.fields.map((f, i) => `t = sc.typeOf(${i}); if (t !== ${VT_NONE}) rec[${JSON.stringify(f)}] = r.value(${i}, t);`);
    const build = new Function("r", "sc", `"use strict"; const rec = {}; let t; ${stores.join(" ")} return rec;`) as (r: ShapeReader, sc: ScannedLine) => JsonRecord;
    this.record = () => build(this, this.sc);
  }

  /** Field i's value (its type t, not none). */
  value(i: number, t: number): unknown {
    const sc = this.sc;
    const sub = this.inner[i]!;
    // (A nested object the inner scanner refuses, e.g. one with an escaped key, is given whole.)
    return t === VT_OBJECT && sub !== null && sub.sc.scan(sc.buf, sc.from[i]!, sc.to[i]!) ? sub.record() : sc.value(i);
  }
}

/** Whether field gi of the scanned line is the string `is` (as JSON.parse would read it). */
function guardHolds(sc: ScannedLine, gi: number, want: Buffer, is: string): boolean {
  const t = sc.typeOf(gi);
  if (t === VT_STRING) {
    // Unescaped, hence ASCII: its bytes are its text.
    const from = sc.from[gi]! + 1;
    if (sc.to[gi]! - 1 - from !== want.length) return false;
    const b = sc.buf;
    for (let k = 0; k < want.length; k++) if (b[from + k] !== want[k]) return false;
    return true;
  }
  // An escaped string may still spell it; anything else (absent, a number …) is not the string.
  if (t === VT_STRING_ESC) return sc.value(gi) === is;
  return false;
}

