/**
 * Structural validation of a week summary. A JSON Schema (schema/week-summary.schema.json) is the
 * documented contract; this check guards what every reader relies on.
 */
import { SUMMARY_SCHEMA_ID } from "../model/summary.ts";

export function validateSummary(value: unknown): string[] {
  const problems: string[] = [];
  const v = value as Record<string, any>;
  if (typeof v !== "object" || v === null) return ["not an object"];
  if (v.schema !== SUMMARY_SCHEMA_ID) problems.push("schema is not " + SUMMARY_SCHEMA_ID);
  if (typeof v.week?.id !== "string") problems.push("week.id missing");
  if (!Array.isArray(v.week?.days) || v.week.days.length !== 7) problems.push("week.days must hold 7 dates");
  if (!Array.isArray(v.hourly)) problems.push("hourly missing");
  if (typeof v.totals?.events !== "number") problems.push("totals.events missing");
  if (!Array.isArray(v.ports)) problems.push("ports missing");
  if (typeof v.honeypots !== "object") problems.push("honeypots missing");
  return problems;
}
