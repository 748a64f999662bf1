/**
 * The ground truth (`<outDir>/ground-truth.json`): what the generated tree holds, counted from
 * what was written, so tests can check that the pipeline finds exactly these numbers.
 */
import type { DuplicateGroup, FileKind, JunkEntry } from "./rotation.ts";
import type { JunkKind, RdpOwner } from "./format.ts";
import type { EXEMPTIONS, FIELD_KINDS, FieldKind } from "./hostile.ts";
import type { WeekIntent } from "./planted.ts";
import type { WeekTruth } from "./tally.ts";

export const MANIFEST_SCHEMA = "honeyweek/sample-ground-truth";
/** 2: every T-Pot format, files with notEvents, fingerprints, hostile ledger, backups, floods. */
export const MANIFEST_SCHEMA_VERSION = 2;

export interface ManifestFile {
  /** Path relative to the output directory, e.g. "cowrie/log/cowrie.json.3.gz". */
  path: string;
  honeypot: string;
  /**
   * "live" (being written), "logrotate" (T-Pot's .N.gz), "dated" (Cowrie's and the bontchev
   * pots' own .YYYY-MM-DD), "backup" (a honeypot's size rotation: wordpot.log.1, dicompot-<time>.log).
   */
  kind: FileKind;
  compressed: boolean;
  /** Lines in the (decompressed) file, junk included. */
  lines: number;
  /** Event lines (invalid-UTF-8 records included). */
  records: number;
  /** Valid lines that are no events: CSV headers, start-up banners, status text. lines = records + notEvents + junk that is no event. */
  notEvents: number;
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
    /** Who owns port 3389 in this tree (the planted RDP counts are its connections). */
    rdpOwner: RdpOwner;
  };
  /** First and last instant of generated traffic: the weeks plus spill on both sides. */
  span: { start: string; end: string };
  /** The sensor's own addresses: never attackers (Suricata shows the host as a source). */
  sensor: { hostAddress: string; publicAddress: string; containerAddresses: Record<string, string> };
  layout: {
    honeypots: Array<{ name: string; dir: string; countsAsAttack: boolean; files: Array<{ liveFile: string; selfRotation: string; logrotate: boolean }> }>;
    /** Formats the parsers know that this tree does not hold, and why. */
    notWritten: Array<{ name: string; reason: string }>;
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
    /** Floods after the last week (outside every week) that make a honeypot rotate its file by size. */
    floods: Array<{ honeypot: string; start: string; end: string; lines: number; purpose: string }>;
  };
  /** Hostile mode only (else null): the corpus, the field kinds and which fields of each format are attacker-controlled. */
  hostile: {
    payloads: number;
    families: Record<string, number>;
    kinds: typeof FIELD_KINDS;
    exemptions: typeof EXEMPTIONS;
    sweepVisitsPerWeek: number;
    /** Lines over the reader's line limit (junk kind too-long): not events. */
    tooLongLines: number;
    fields: Record<string, Readonly<Record<string, FieldKind>>>;
  } | null;
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
