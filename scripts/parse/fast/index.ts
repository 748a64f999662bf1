/**
 * Byte-level fast paths, by parser name. A format without one is read through its ordinary
 * parser (decode the line, parse the string). Each call makes fresh per-thread state.
 */
import type { ByteLineParser } from "./types.ts";
import { cowrieBytes } from "./cowrie.ts";

const FAST: ReadonlyMap<string, () => ByteLineParser> = new Map([["cowrie", cowrieBytes]]);

export function fastParserFor(honeypot: string): ByteLineParser | undefined {
  return FAST.get(honeypot)?.();
}

export type { ByteLineParser } from "./types.ts";
