/** Shared test helpers for the parse tests: fixture lines and a parse-everything shortcut. */
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { HoneypotEvent, HoneypotParser, ParseContext, ParseResult } from "../../scripts/model/event.ts";

const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), "..", "fixtures", "parse");

/** Path of a fixture file. */
export function fixturePath(format: string, file: string): string {
  return join(FIXTURES, format, file);
}

/** The lines of a fixture file, without the final empty string after the last newline. */
export function fixtureLines(format: string, file: string): string[] {
  const lines = readFileSync(fixturePath(format, file), "utf8").split("\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  return lines;
}

export function context(file = "/data/x/log/x.json", sensorTimeZone = "UTC"): ParseContext {
  return { sensorTimeZone, file };
}

/** Parse every line; one result per line (arrays kept as they are). */
export function parseLines(parser: HoneypotParser, lines: string[], ctx: ParseContext = context()): (ParseResult | ParseResult[])[] {
  return lines.map((line) => parser.parse(line, ctx));
}

/** Parse a fixture file, one result per line. */
export function parseFixture(parser: HoneypotParser, file: string, ctx?: ParseContext): (ParseResult | ParseResult[])[] {
  return parseLines(parser, fixtureLines(parser.name, file), ctx ?? context(`/data/${parser.dir}/log/${file}`));
}

/** The single event of a result; throws (failing the test) when it is a skip reason or an array. */
export function asEvent(result: ParseResult | ParseResult[] | undefined): HoneypotEvent {
  if (result === undefined || typeof result === "string" || Array.isArray(result)) {
    throw new Error(`expected one event, got ${JSON.stringify(result)}`);
  }
  return result;
}

export function iso(ms: number): string {
  return new Date(ms).toISOString();
}
