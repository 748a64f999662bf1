/**
 * Older week summaries are brought up to the current schema version step by step, so years of
 * stored weeks (the only copy of their numbers once T-Pot has deleted the logs) stay readable.
 * Each entry migrates from version N to N + 1. Version 1 is the first; the table grows with it.
 */
import { SUMMARY_SCHEMA_VERSION } from "../model/summary.ts";

type Migration = (old: Record<string, unknown>) => Record<string, unknown>;

export const MIGRATIONS: Record<number, Migration> = {
  // 1: (v1) => ({ ...v1, schemaVersion: 2, … }),
};

export class MigrationError extends Error {}

export function migrateSummary(value: Record<string, unknown>, file: string): Record<string, unknown> {
  let v = value;
  let version: unknown = v.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version) || version < 1) {
    throw new MigrationError(`${file}: no schema version; not a summary this honeyweek can read`);
  }
  if (version > SUMMARY_SCHEMA_VERSION) {
    throw new MigrationError(
      `${file}: schema version ${version} is newer than this honeyweek understands (${SUMMARY_SCHEMA_VERSION}); upgrade honeyweek`,
    );
  }
  while ((version as number) < SUMMARY_SCHEMA_VERSION) {
    const step = MIGRATIONS[version as number];
    if (!step) {
      throw new MigrationError(
        `${file}: schema version ${version} cannot be migrated to ${SUMMARY_SCHEMA_VERSION}; re-aggregate the week from its logs if you still have them`,
      );
    }
    v = step(v);
    version = v.schemaVersion as number;
  }
  return v;
}
