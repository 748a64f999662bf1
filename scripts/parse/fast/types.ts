/** The contract of a byte-level fast path for one log format. */
import type { ParseContext, ParseResult } from "../../model/event.ts";

/**
 * Parse the line in b[start, end) (no newline, no trailing CR) as the format's ordinary parser
 * would parse its UTF-8 decoding; null when this path does not handle the line (the caller then
 * decodes it and calls the ordinary parser). Must never return anything the ordinary parser
 * would not return for the same line.
 */
export type ByteLineParser = (b: Buffer, start: number, end: number, ctx: ParseContext) => ParseResult | null;
