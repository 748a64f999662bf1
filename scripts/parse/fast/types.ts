/** The contract of a byte-level fast path for one log format. */
import type { ParseContext, ParseResult } from "../../model/event.ts";

/**
 * Parse the line in b[start, end) (no newline, no trailing CR) as the format's ordinary parser
 * would parse its UTF-8 decoding; null when this path does not handle the line (the caller then
 * decodes it and calls the ordinary parser). Must never return anything the ordinary parser
 * would not return for the same line.
 */
export interface ByteLineParser {
  (b: Buffer, start: number, end: number, ctx: ParseContext): ParseResult | null;
  /**
   * Optional: the lines about to be parsed, as one block (read/lines.ts ByteLineSink.block): a
   * parser may scan them all at once and then answer each line's call from that. A line that was
   * not in the last block is parsed on its own.
   */
  block?(b: Buffer, start: number, end: number): void;
}
