/**
 * Reading and writing week summaries (data/weeks/<YYYY-Www>.json).
 * Output is deterministic: keys in a fixed order (the order the aggregator builds them in), two-space
 * indentation, a final newline; written atomically.
 */
import { readFile, readdir, stat } from "node:fs/promises";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { writeFileAtomic } from "../util/atomic.ts";
import { isWeekId } from "../util/week.ts";
import { SUMMARY_SCHEMA_ID, type WeekSummary } from "../model/summary.ts";
import { migrateSummary } from "./migrate.ts";
import { validateSummary } from "./validate.ts";

export class SummaryError extends Error {}

export function weekFile(weeksDir: string, id: string): string {
  return join(weeksDir, `${id}.json`);
}

export function serializeSummary(summary: WeekSummary): string {
  return JSON.stringify(summary, null, 2) + "\n";
}

export async function writeSummary(weeksDir: string, summary: WeekSummary): Promise<string> {
  const problems = validateSummary(summary);
  if (problems.length) throw new SummaryError(`refusing to write an invalid summary: ${problems.join("; ")}`);
  const path = weekFile(weeksDir, summary.week.id);
  await writeFileAtomic(path, serializeSummary(summary));
  return path;
}

/** Parse and check one summary file's text; the error names the file. */
export function parseSummary(text: string, file: string): WeekSummary {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (err) {
    throw new SummaryError(`${file}: not JSON (${(err as Error).message})`);
  }
  if (typeof value !== "object" || value === null || (value as { schema?: unknown }).schema !== SUMMARY_SCHEMA_ID) {
    throw new SummaryError(`${file}: not a honeyweek week summary`);
  }
  try {
    value = migrateSummary(value as Record<string, unknown>, file);
  } catch (err) {
    throw new SummaryError((err as Error).message);
  }
  const problems = validateSummary(value);
  if (problems.length) throw new SummaryError(`${file}: ${problems.slice(0, 5).join("; ")}`);
  return value as WeekSummary;
}

export async function readSummary(path: string): Promise<WeekSummary> {
  return parseSummary(await readFile(path, "utf8"), path);
}

/** Week ids with a summary in weeksDir, oldest first. */
export async function listWeekIds(weeksDir: string): Promise<string[]> {
  let names: string[];
  try {
    names = await readdir(weeksDir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw err;
  }
  return names
    .filter((n) => n.endsWith(".json") && isWeekId(n.slice(0, -5)))
    .map((n) => n.slice(0, -5))
    .sort();
}

export async function loadWeeks(weeksDir: string): Promise<Map<string, WeekSummary>> {
  const out = new Map<string, WeekSummary>();
  for (const id of await listWeekIds(weeksDir)) out.set(id, await readSummary(weekFile(weeksDir, id)));
  return out;
}

const syncCache = new Map<string, { mtimeMs: number; summary: WeekSummary }>();

/**
 * Synchronous, mtime-cached loading for the site build (shortcodes run many times per build, and
 * during `serve` a re-aggregated week must show its new numbers).
 */
export function loadWeeksSync(weeksDir: string): Map<string, WeekSummary> {
  const out = new Map<string, WeekSummary>();
  let names: string[] = [];
  try {
    names = readdirSync(weeksDir);
  } catch {
    return out;
  }
  for (const name of names.sort()) {
    const id = name.slice(0, -5);
    if (!name.endsWith(".json") || !isWeekId(id)) continue;
    const path = join(weeksDir, name);
    const mtimeMs = statSync(path).mtimeMs;
    const cached = syncCache.get(path);
    if (cached && cached.mtimeMs === mtimeMs) {
      out.set(id, cached.summary);
      continue;
    }
    const summary = parseSummary(readFileSync(path, "utf8"), path);
    syncCache.set(path, { mtimeMs, summary });
    out.set(id, summary);
  }
  return out;
}

export async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}
