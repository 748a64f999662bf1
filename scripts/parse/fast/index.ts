/**
 * Byte-level fast paths, by parser name. A format without one is read through its ordinary
 * parser (decode the line, parse the string). Each call makes fresh per-thread state.
 */
import type { ByteLineParser } from "./types.ts";
import { cowrieBytes } from "./cowrie.ts";

export interface FastOptions {
  /**
   * Leave out what counting does not read (see the format module); the event returned may be one
   * object reused by the next call, so nothing of it may be kept.
   */
  lean?: boolean;
}

const FAST: ReadonlyMap<string, (o: FastOptions) => ByteLineParser> = new Map([["cowrie", cowrieBytes]]);

export function fastParserFor(honeypot: string, o: FastOptions = {}): ByteLineParser | undefined {
  return FAST.get(honeypot)?.(o);
}

export type { ByteLineParser } from "./types.ts";
