/**
 * The ground truth (`<outDir>/ground-truth.json`): what the generated tree holds, counted from
 * what was written, so tests can check that the pipeline finds exactly these numbers.
 */
import type { DuplicateGroup, FileKind, JunkEntry } from "./rotation.ts";
import type { JunkKind } from "./format.ts";
import type { WeekIntent } from "./planted.ts";
import type { WeekTruth } from "./tally.ts";

export const MANIFEST_SCHEMA = "honeyweek/sample-ground-truth";
export const MANIFEST_SCHEMA_VERSION = 1;

export interface ManifestFile {
  /** Path relative to the output directory, e.g. "cowrie/log/cowrie.json.3.gz". */
  path: string;
  honeypot: string;
  /** "live" (being written), "logrotate" (T-Pot's .N.gz), "dated" (Cowrie's own .YYYY-MM-DD). */
  kind: FileKind;
  compressed: boolean;
  /** Lines in the (decompressed) file, junk included. */
  lines: number;
  /** Event lines (lines minus junk). */
  records: number;
  /** Uncompressed size. */
  bytes: number;
  /** The honeypot wrote this file's lines in [writtenFrom, writtenTo) (UTC). */
  writtenFrom: string;
  writtenTo: string;
  /** Earliest and latest event timestamp inside (UTC); null for a file of junk only. */
  firstEvent: string | null;
  lastEvent: string | null;
}

export interface SampleManifest {
  schema: typeof MANIFEST_SCHEMA;
  schemaVersion: number;
  generator: {
    seed: number;
    scale: number;
    hostile: boolean;
    weeks: string[];
    /** Site time zone: weeks, days and hours are in it. */
    timeZone: string;
    /** Zone of timestamps written without one (T-Pot: UTC). */
    sensorTimeZone: "UTC";
    geoip: { database: string; built: string };
    gzipLevel: number;
  };
  /** First and last instant of generated traffic: the weeks plus spill on both sides. */
  span: { start: string; end: string };
  /** The sensor's own addresses: never attackers (Suricata shows the host as a source). */
  sensor: { hostAddress: string; publicAddress: string; containerAddresses: Record<string, string> };
  layout: {
    honeypots: Array<{ name: string; dir: string; liveFile: string; selfRotation: string; countsAsAttack: boolean }>;
    /** How the files were cut, in words (see rotation.ts). */
    rotation: string[];
  };
  timeline: {
    hostTimeZone: string;
    restarts: Array<{ at: string; atLocal: string; downtimeSeconds: number; unclean: boolean }>;
    outages: Array<{ honeypot: string; start: string; end: string; startUtc: string; endUtc: string; hours: number; reason: string }>;
  };
  files: ManifestFile[];
  /** Event lines written to two files (unclean restarts): count each once. */
  duplicates: { records: number; byHoneypot: Record<string, number>; groups: DuplicateGroup[] };
  /** Damaged lines planted on purpose; only invalid-UTF-8 records (entries with event: true) are counted in `weeks`. */
  junk: { total: number; byKind: Partial<Record<JunkKind, number>>; byFile: Record<string, Partial<Record<JunkKind, number>>>; entries: JunkEntry[] };
  /** Events of sessions still open at the span's end whose lines were never written. */
  unwritten: number;
  planted: {
    weeks: WeekIntent[];
    /** Connections written on the other side of a boundary from their timestamp. */
    boundaryCases: Array<{ honeypot: string; port: number; timestamp: string; writtenAt: string; purpose: string }>;
  };
  /** The ground truth per ISO week (site time zone), in week order, counted from the written lines. */
  weeks: WeekTruth[];
}

export function summariseJunk(entries: JunkEntry[]): SampleManifest["junk"] {
  const byKind: Partial<Record<JunkKind, number>> = {};
  const byFile: Record<string, Partial<Record<JunkKind, number>>> = {};
  for (const e of entries) {
    byKind[e.kind] = (byKind[e.kind] ?? 0) + 1;
    const f = (byFile[e.file] ??= {});
    f[e.kind] = (f[e.kind] ?? 0) + 1;
  }
  return { total: entries.length, byKind, byFile, entries };
}

export function summariseDuplicates(groups: DuplicateGroup[]): SampleManifest["duplicates"] {
  const byHoneypot: Record<string, number> = {};
  let records = 0;
  for (const g of groups) {
    byHoneypot[g.honeypot] = (byHoneypot[g.honeypot] ?? 0) + g.records;
    records += g.records;
  }
  return { records, byHoneypot, groups };
}
