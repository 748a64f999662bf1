/**
 * Reading a generated tree for the tests, and counting it two ways:
 * - `plainCount`: the independent reading of plain.ts;
 * - `parserCount`: every line through the pipeline's parser for its folder (PARSERS), as the
 *   reader hands it over (lines over its limit skipped, invalid UTF-8 repaired to U+FFFD).
 * Both drop a line already read from another file (logrotate copies), keep repeats inside one
 * file (Conpot writes some records twice), and bucket events into the manifest's weeks.
 */
import { readFile, readdir } from "node:fs/promises";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { PARSERS } from "../../scripts/parse/registry.ts";
import { parsePythonDict } from "../../scripts/parse/python-literal.ts";
import type { HoneypotParser } from "../../scripts/model/event.ts";
import { MAX_LINE_BYTES } from "../../scripts/read/lines.ts";
import { readPlain } from "./plain.ts";
import type { PlainEvent } from "./plain.ts";

const utf8 = new TextDecoder("utf-8", { fatal: true });

export interface TreeLine {
  /** Path relative to the tree root. */
  file: string;
  honeypot: string;
  parser: HoneypotParser;
  /** 1-based. */
  lineNo: number;
  /** Without the newline (a CR before it is kept). */
  raw: Buffer;
  terminated: boolean;
}

export interface TreeFile {
  file: string;
  honeypot: string;
  lines: TreeLine[];
}

/** Every file under <hp>/log of every parser's folder, lines split, gzip decoded. */
export async function readTree(root: string): Promise<TreeFile[]> {
  const out: TreeFile[] = [];
  for (const parser of PARSERS) {
    const dir = join(root, parser.dir, "log");
    const names = await readdir(dir).catch(() => [] as string[]);
    for (const name of names.sort()) {
      const file = `${parser.dir}/log/${name}`;
      const bytes = await readFile(join(root, file));
      const text = name.endsWith(".gz") ? gunzipSync(bytes) : bytes;
      const lines: TreeLine[] = [];
      let start = 0;
      while (start < text.length) {
        const nl = text.indexOf(0x0a, start);
        const end = nl < 0 ? text.length : nl;
        lines.push({ file, honeypot: parser.name, parser, lineNo: lines.length + 1, raw: text.subarray(start, end), terminated: nl >= 0 });
        start = end + 1;
      }
      out.push({ file, honeypot: parser.name, lines });
    }
  }
  return out;
}

/** The line's text as a reader gives it: CR stripped, invalid UTF-8 repaired. */
export function lineText(l: TreeLine): string {
  const raw = l.raw.length > 0 && l.raw[l.raw.length - 1] === 0x0d ? l.raw.subarray(0, l.raw.length - 1) : l.raw;
  return raw.toString("utf8");
}

export function isValidUtf8(raw: Buffer): boolean {
  try {
    utf8.decode(raw);
    return true;
  } catch {
    return false;
  }
}

/** Over the reader's line limit: skipped unread (hostile mode's huge values can get there). */
export const isTooLong = (l: TreeLine): boolean => l.raw.length > MAX_LINE_BYTES;

export interface HoneypotCount {
  events: number;
  connections: number;
  ports: Map<number, number>;
  sources: Set<string>;
}

export interface WeekCount {
  honeypots: Map<string, HoneypotCount>;
  /** Honeypot events by source address (for countries). */
  bySource: Map<string, number>;
  sensors: Map<string, { events: number; sources: Set<string>; os: Map<string, number> }>;
  suricata: { events: number; alerts: number; cve7001: Map<string, number> };
  hourly: number[];
  /** Source addresses of the honeypot events of each hour of the week. */
  hourIps: Map<number, string[]>;
  /** Source addresses of connections by port. */
  portIps: Map<number, string[]>;
  /** Times of honeypot events by honeypot. */
  times: Map<string, number[]>;
  /** Cowrie events by eventid (plain count only). */
  cowrieTypes: Map<string, number>;
}

export interface TreeCount {
  weeks: WeekCount[];
  /** Event lines already read from another file. */
  duplicates: number;
  junk: Map<string, number>;
  /** Lines whose reading is not valid for their format and are no planted junk: must be empty. */
  invalid: Array<{ file: string; line: number; why: string }>;
}

type Reader = (l: TreeLine) => { events: PlainEvent[] } | "not-an-event" | { invalid: string };

function newWeek(): WeekCount {
  return {
    honeypots: new Map(),
    bySource: new Map(),
    sensors: new Map(),
    suricata: { events: 0, alerts: 0, cve7001: new Map() },
    hourly: new Array(168).fill(0),
    hourIps: new Map(),
    portIps: new Map(),
    times: new Map(),
    cowrieTypes: new Map(),
  };
}

const bump = <K>(m: Map<K, number>, k: K, n = 1): void => void m.set(k, (m.get(k) ?? 0) + n);

function count(tree: TreeFile[], weeks: ReadonlyArray<{ startUtc: string; endUtc: string }>, read: Reader): TreeCount {
  const bounds = weeks.map((w) => [Date.parse(w.startUtc), Date.parse(w.endUtc)] as const);
  const result: TreeCount = { weeks: weeks.map(newWeek), duplicates: 0, junk: new Map(), invalid: [] };
  const firstFile = new Map<string, string>();
  for (const f of tree) {
    for (const l of f.lines) {
      if (!l.terminated) {
        bump(result.junk, "cut-off");
        continue;
      }
      if (l.raw[0] === 0) {
        bump(result.junk, "binary");
        continue;
      }
      if (isTooLong(l)) {
        bump(result.junk, "too-long");
        continue;
      }
      if (!isValidUtf8(l.raw)) bump(result.junk, "invalid-utf8");
      const r = read(l);
      if (r === "not-an-event") continue;
      if ("invalid" in r) {
        if (r.invalid === "impossible record") bump(result.junk, "impossible-record");
        else if (/JSON|Unexpected|Bad control|not a Python dict|columns|Unterminated|Expected/.test(r.invalid)) bump(result.junk, "not-json");
        else result.invalid.push({ file: l.file, line: l.lineNo, why: r.invalid });
        continue;
      }
      const key = `${l.honeypot}\u0000${l.raw.toString("latin1")}`;
      const seen = firstFile.get(key);
      if (seen !== undefined && seen !== l.file) {
        result.duplicates += r.events.length;
        continue;
      }
      firstFile.set(key, l.file);
      for (const e of r.events) {
        const k = bounds.findIndex(([a, b]) => e.t >= a && e.t < b);
        if (k < 0) continue;
        const w = result.weeks[k]!;
        if (l.honeypot === "suricata") {
          w.suricata.events++;
          if (e.alert) {
            w.suricata.alerts++;
            if (e.alert.destPort === 7001) for (const c of e.alert.cves) bump(w.suricata.cve7001, c);
          }
          continue;
        }
        if (e.sensor) {
          let s = w.sensors.get(l.honeypot);
          if (!s) w.sensors.set(l.honeypot, (s = { events: 0, sources: new Set(), os: new Map() }));
          s.events++;
          if (e.src !== undefined) s.sources.add(e.src);
          if (e.os !== undefined) bump(s.os, e.os);
          continue;
        }
        let h = w.honeypots.get(l.honeypot);
        if (!h) w.honeypots.set(l.honeypot, (h = { events: 0, connections: 0, ports: new Map(), sources: new Set() }));
        h.events++;
        if (e.type !== undefined && l.honeypot === "cowrie") bump(w.cowrieTypes, e.type);
        const hour = Math.floor((e.t - bounds[k]![0]) / 3_600_000);
        w.hourly[hour]!++;
        (w.times.get(l.honeypot) ?? w.times.set(l.honeypot, []).get(l.honeypot)!).push(e.t);
        if (e.src !== undefined) {
          h.sources.add(e.src);
          bump(w.bySource, e.src);
          (w.hourIps.get(hour) ?? w.hourIps.set(hour, []).get(hour)!).push(e.src);
        }
        if (e.connect) h.connections++;
        if (e.port !== undefined) {
          bump(h.ports, e.port);
          if (e.src !== undefined) (w.portIps.get(e.port) ?? w.portIps.set(e.port, []).get(e.port)!).push(e.src);
        }
      }
    }
  }
  return result;
}

/** The independent count (plain.ts). */
export function plainCount(tree: TreeFile[], weeks: ReadonlyArray<{ startUtc: string; endUtc: string }>): TreeCount {
  return count(tree, weeks, (l) => {
    const r = readPlain(l.honeypot, l.file, lineText(l), parsePythonDict);
    if (r.kind === "invalid") return { invalid: r.why };
    if (r.kind === "not-an-event") return "not-an-event";
    return { events: [r.event] };
  });
}

/** The count through the pipeline's parsers. */
export function parserCount(tree: TreeFile[], weeks: ReadonlyArray<{ startUtc: string; endUtc: string }>, root: string): TreeCount {
  return count(tree, weeks, (l) => {
    const result = l.parser.parse(lineText(l), { sensorTimeZone: "UTC", file: join(root, l.file) });
    const events: PlainEvent[] = [];
    for (const r of Array.isArray(result) ? result : [result]) {
      if (typeof r === "string") {
        if (r === "not-an-event" || r === "empty") continue;
        return { invalid: r === "impossible-record" ? "impossible record" : r === "not-json" ? "not JSON" : `parser says ${r}` };
      }
      events.push({
        t: r.ts,
        ...(r.srcIp === undefined ? {} : { src: r.srcIp }),
        connect: r.kind === "connect",
        ...(r.kind === "connect" && r.dstPort !== undefined ? { port: r.dstPort } : {}),
        sensor: r.kind === "fingerprint" || r.honeypot === "suricata",
        ...(r.os === undefined ? {} : { os: r.os }),
        ...(r.alert ? { alert: { destPort: r.dstPort ?? 0, cves: r.alert.cves } } : {}),
      });
    }
    return events.length === 0 ? "not-an-event" : { events };
  });
}
