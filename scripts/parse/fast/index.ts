/**
 * Byte-level fast paths, by parser name. A format without one is read through its ordinary
 * parser (decode the line, parse the string). Each call makes fresh per-thread state.
 *
 * Cowrie has its own (fast/cowrie.ts); every other parser that declares its record fields
 * (define.ts RecordFields) gets the generic one (fast/record.ts): a new format gets a fast path
 * by declaring its fields in its own module, nothing to add here.
 */
import type { ByteLineParser } from "./types.ts";
import { cowrieBytes } from "./cowrie.ts";
import { recordBytes } from "./record.ts";
import { PARSERS } from "../registry.ts";
import { recordLaneOf } from "../define.ts";

export interface FastOptions {
  /**
   * Leave out what counting does not read (see the format module); the event returned may be one
   * object reused by the next call, so nothing of it may be kept.
   */
  lean?: boolean;
}

/** Formats with a fast path of their own. */
const OWN: ReadonlyArray<[string, (o: FastOptions) => ByteLineParser]> = [["cowrie", cowrieBytes]];

const FAST: ReadonlyMap<string, (o: FastOptions) => ByteLineParser> = new Map([
  ...PARSERS.filter((p) => recordLaneOf(p) !== undefined).map((p): [string, (o: FastOptions) => ByteLineParser] => [p.name, () => recordBytes(p)]),
  ...OWN,
]);

export function fastParserFor(honeypot: string, o: FastOptions = {}): ByteLineParser | undefined {
  return FAST.get(honeypot)?.(o);
}

/** Names of the formats that have a fast path. */
export function fastFormats(): string[] {
  return [...FAST.keys()];
}

export type { ByteLineParser } from "./types.ts";
