/**
 * Validation of a week summary against the documented JSON Schema (week-summary.schema.json),
 * with Ajv: when a summary is written and when one is read.
 */
import { createRequire } from "node:module";
import { Ajv } from "ajv";

const require = createRequire(import.meta.url);
const schema = require("./week-summary.schema.json");

const ajv = new Ajv({ allErrors: true, strict: true });
const check = ajv.compile(schema);

/** Problems as short "path: message" strings; empty when the value is a valid summary. */
export function validateSummary(value: unknown): string[] {
  if (check(value)) return [];
  return (check.errors ?? []).map((e) => `${e.instancePath || "/"} ${e.message ?? "is invalid"}`);
}
