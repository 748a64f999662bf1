/**
 * One week, end to end up to the summary: discover → read → parse → aggregate → enrich.
 * Everything that can go wrong with the input is counted in the summary's data-quality section
 * and never stops the run; only a missing log root or no readable file at all is an error.
 */
import type { HoneypotParser, ParseContext } from "../model/event.ts";
import type { WeekSummary } from "../model/summary.ts";
import type { SiteSettings } from "../model/settings.ts";
import { PARSERS, parserByName } from "../parse/registry.ts";
import { discoverFiles, explicitFiles, type Discovery } from "../discover/layout.ts";
import { firstEventTime, mapLimited, selectForWindow, type SelectedFile } from "../discover/window.ts";
import { WeekAccumulator } from "./accumulator.ts";
import { finalizeWeek } from "./finalize.ts";
import { openCountryLookup, type CountryLookup } from "../enrich/geo.ts";
import { openAsnLookup, type AsnLookup } from "../enrich/asn.ts";
import { readingOrder } from "./dedup.ts";
import { readFiles } from "./parallel.ts";
import type { WeekWindow } from "../util/week.ts";
import { lookupExploits } from "../enrich/exploits/index.ts";

export class AggregateError extends Error {}

export interface AggregateInput {
  /** A log root (T-Pot data folder, ~/tpotce, Cowrie folder) or explicit files. */
  logs: { root: string } | { files: string[] };
  window: WeekWindow;
  settings: SiteSettings;
  /** Reuse an opened GeoIP reader across weeks. */
  geo?: CountryLookup;
  asn?: AsnLookup;
  progress?: ProgressSink;
}

export interface ProgressSink {
  start(totalFiles: number, totalBytes: number): void;
  advance(bytes: number): void;
  fileDone(path: string): void;
  finish(): void;
}

export interface AggregateResult {
  summary: WeekSummary;
  discovery: Discovery;
  /** Files read for this week (after the window selection). */
  filesRead: SelectedFile[];
  bytesRead: number;
}

export async function aggregateWeek(input: AggregateInput): Promise<AggregateResult> {
  const { window, settings } = input;
  const discovery = "root" in input.logs ? await discoverFiles(input.logs.root, PARSERS) : await explicitFiles(input.logs.files, PARSERS);
  if ("root" in input.logs && discovery.problems.some((p) => p.path === (input.logs as { root: string }).root)) {
    const p = discovery.problems[0]!;
    throw new AggregateError(`log folder ${p.path}: ${p.reason === "not-found" ? "does not exist" : p.detail}`);
  }
  if (discovery.files.length === 0) {
    const where = "root" in input.logs ? input.logs.root : input.logs.files.join(", ");
    throw new AggregateError(`no honeypot log files found in ${where} (expected T-Pot's <honeypot>/log/ folders or Cowrie's cowrie.json*)`);
  }

  const ctxFor = (file: string): ParseContext => ({ sensorTimeZone: settings.sensorTimeZone, file });
  const withTimes: SelectedFile[] = await mapLimited(discovery.files, 8, async (f) => ({
    ...f,
    firstEventMs: await firstEventTime(f, parserByName(f.honeypot)!, ctxFor(f.path)),
  }));
  // Each honeypot's files in order of their first event, so duplicates across files are caught
  // with memory for the overlaps only (aggregate/dedup.ts).
  const byHoneypot = new Map<string, SelectedFile[]>();
  for (const f of selectForWindow(withTimes, window.startMs, window.endMs)) {
    byHoneypot.set(f.honeypot, [...(byHoneypot.get(f.honeypot) ?? []), f]);
  }
  const selected = [...byHoneypot.keys()].sort().flatMap((hp) => readingOrder(byHoneypot.get(hp)!));

  const attackHoneypots = new Set(PARSERS.filter((p) => p.countsAsAttack).map((p) => p.name));
  const acc = new WeekAccumulator(window.startMs, window.endMs, window.timeZone, attackHoneypots);
  for (const p of discovery.problems) {
    const f = acc.file(p.path, "?");
    acc.problem(f, "notes", p.reason, 0);
  }

  const totalBytes = selected.reduce((s, f) => s + f.size, 0);
  input.progress?.start(selected.length, totalBytes);
  // Each honeypot's files deduplicated in this reading order (dedup.ts), on all cores (parallel.ts).
  const bytesRead = await readFiles({
    acc,
    files: selected,
    sensorTimeZone: settings.sensorTimeZone,
    sensorAddresses: settings.sensorAddresses,
    onBytes: (n) => input.progress?.advance(n),
    onFileDone: (path) => input.progress?.fileDone(path),
  });
  input.progress?.finish();

  const geo = input.geo ?? (await openCountryLookup(settings.geoipCountryDb));
  const labels = new Map(PARSERS.map((p: HoneypotParser) => [p.name, p.label]));
  const exploits = await exploitsAsOfWeek(acc, window, settings);
  const asn = input.asn ?? (await openAsnLookup(settings.geoipAsnDb));
  const summary = finalizeWeek(acc, { window, geo, asn, sourceMasking: settings.sourceMasking, labels, exploits });
  return { summary, discovery, filesRead: selected, bytesRead };
}

/** Every CVE seen in the week's alerts and every watched CVE, looked up as of the week's last day. */
async function exploitsAsOfWeek(acc: WeekAccumulator, window: WeekWindow, settings: SiteSettings) {
  const cves = new Set<string>([...acc.suricata.cves.keys(), ...settings.watchedCves.map((c) => c.id)]);
  return lookupExploits({
    exploitDbPath: settings.exploitDbPath,
    kevPath: settings.kevPath,
    cves: [...cves].sort(),
    keywordsByCve: Object.fromEntries(settings.watchedCves.map((c) => [c.id, c.keywords])),
    asOf: window.days[6]!,
  });
}
