/**
 * Rotation exactly as a T-Pot host leaves it (reference/TPOT-LOGS.md §1.2), decided up front
 * from the timeline, then applied line by line.
 *
 * Two schemes act on the same live file:
 *  - T-Pot's logrotate at every start (`copytruncate`, `compress`, `notifempty`, no dateext):
 *    it copies the live file to `<file>.1.gz` (older generations shift up) and empties it. One
 *    generation per restart, at 00:00–04:59 host time (UTC), never at midnight.
 *  - Cowrie's own daily file (Twisted DailyLogFile, container TZ = UTC): at its first write after
 *    UTC midnight it renames the live file to `cowrie.json.YYYY-MM-DD` and starts a new one.
 *    clean.sh never touches these dated files.
 *
 * A file therefore holds the lines written between the last "reset" of the live file (a
 * truncate or a rename) and the moment it was copied or renamed. On a normal day they partition
 * the stream: `cowrie.json.N.gz` holds [00:00Z, restart) and `cowrie.json.<date>` holds
 * [restart, 24:00Z). On an unclean restart the copy is made but the truncate is not, so the copied
 * lines stay in the live file: for Cowrie they reappear in that day's dated file (which then
 * holds the whole UTC day), for the other honeypots in the next `.N.gz` generation. Those are
 * the exact duplicate records the manifest counts.
 *
 * Lines are routed by the time the honeypot wrote them (`writeUs`), not by their timestamp:
 * Dionaea and Honeytrap write at connection end, so a line can sit in a later file than its time.
 */
import { mkdir, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { utcDate } from "./clock.ts";
import { US_PER_DAY } from "./clock.ts";
import type { JunkKind, LogRecord, SelfRotation, SizeRotation } from "./format.ts";
import { BlockWriter } from "./writer.ts";
import type { Restart, World } from "./world.ts";

/** "backup": a honeypot's own size rotation (Wordpot `wordpot.log.1`, Dicompot `dicompot-<time>.log`). */
export type FileKind = "live" | "logrotate" | "dated" | "backup";

export interface FilePlan {
  id: number;
  honeypot: string;
  kind: FileKind;
  /** Directory relative to the data root, e.g. "cowrie/log". */
  dir: string;
  /** The live file's name, e.g. "cowrie.json". */
  baseName: string;
  /** Final name for live and dated files; logrotate names are numbered when all are known. */
  name: string | null;
  /** Lines the honeypot wrote in [fromUs, toUs) are in this file. */
  fromUs: number;
  toUs: number;
  compressed: boolean;
  /** The restart that copied it (logrotate files). */
  restart?: Restart;
}

export interface RotationSpec {
  name: string;
  dir: string;
  liveFile: string;
  selfRotation: SelfRotation;
  /** T-Pot's logrotate handles the file (default true). */
  logrotate?: boolean;
}

/**
 * Every file a honeypot will have, with the write-time window each one holds. Size rotation is
 * not planned here: it depends on bytes written, and RotatingSink applies it to the live window.
 */
export function planFiles(spec: RotationSpec, world: World, firstId: number): FilePlan[] {
  type Reset = { atUs: number; restart?: Restart };
  const resets: Reset[] = spec.logrotate === false ? [] : world.restarts.map((restart) => ({ atUs: restart.atUs, restart }));
  if (spec.selfRotation === "daily-utc") {
    for (let m = Math.ceil(world.spanStartUs / US_PER_DAY) * US_PER_DAY; m < world.spanEndUs; m += US_PER_DAY) {
      if (m > world.spanStartUs) resets.push({ atUs: m });
    }
  }
  // A rename at midnight happens before a restart later that day; equal times cannot occur
  // (restarts are never at 00:00:00.000000).
  resets.sort((a, b) => a.atUs - b.atUs);

  const plans: FilePlan[] = [];
  const base = { honeypot: spec.name, dir: spec.dir, baseName: spec.liveFile };
  let liveStart = world.spanStartUs;
  for (const reset of resets) {
    const id = firstId + plans.length;
    if (reset.restart) {
      plans.push({ ...base, id, kind: "logrotate", name: null, fromUs: liveStart, toUs: reset.atUs, compressed: true, restart: reset.restart });
      if (!reset.restart.unclean) liveStart = reset.atUs;
    } else {
      // Twisted names the file after the date of the lines it holds: the day before midnight.
      const name = `${spec.liveFile}.${utcDate(reset.atUs - 1)}`;
      plans.push({ ...base, id, kind: "dated", name, fromUs: liveStart, toUs: reset.atUs, compressed: false });
      liveStart = reset.atUs;
    }
  }
  plans.push({ ...base, id: firstId + plans.length, kind: "live", name: spec.liveFile, fromUs: liveStart, toUs: Number.POSITIVE_INFINITY, compressed: false });
  return plans;
}

export interface JunkEntry {
  file: string;
  /** 1-based line number in the (decompressed) file. */
  line: number;
  kind: JunkKind;
  /**
   * The line is still an event and is counted in `weeks`: an invalid-UTF-8 line is a real record
   * with damaged bytes, which a reader repairs (U+FFFD) and reports rather than drops.
   */
  event: boolean;
}

export interface FileResult {
  path: string;
  honeypot: string;
  kind: FileKind;
  compressed: boolean;
  lines: number;
  /** Lines that are events (the rest is junk). */
  records: number;
  bytes: number;
  /** Write-time window of the file (UTC µs; the live file's end is the span end). */
  fromUs: number;
  toUs: number;
  /** Earliest and latest event timestamp inside (not in write order: see module doc). */
  firstEventUs: number | null;
  lastEventUs: number | null;
  /** Valid lines that are no events (CSV headers, banners, status text). */
  notEvents: number;
}

export interface DuplicateGroup {
  honeypot: string;
  files: string[];
  records: number;
}

interface OpenFile {
  plan: FilePlan;
  writer: BlockWriter;
  /** Name on disk until finish() (logrotate generations and size-rotated segments). */
  tempName: string | null;
  records: number;
  notEvents: number;
  /** Exact bytes written (kept for size rotation only). */
  size: number;
  firstEventUs: number | null;
  lastEventUs: number | null;
  junk: { line: number; kind: JunkKind; event: boolean }[];
}

/**
 * Writes one honeypot's lines into its planned files. Lines must arrive in write-time order.
 * Files are opened on their first line (so an empty generation is never created: logrotate's
 * notifempty) and closed once the stream has moved past their window.
 */
export class RotatingSink {
  private readonly plans: FilePlan[];
  private nextPlan = 0;
  private readonly open: OpenFile[] = [];
  private readonly done: OpenFile[] = [];
  private readonly duplicatePairs = new Map<string, number>();
  private readonly closing: Promise<void>[] = [];
  private lastWriteUs = Number.NEGATIVE_INFINITY;
  private readonly size: SizeRotation | null;
  /** Size-rotated segments of the live window, oldest first. */
  private readonly segments: OpenFile[] = [];
  private nextSegmentId: number;

  constructor(private readonly outDir: string, plans: FilePlan[], private readonly spanEndUs: number, selfRotation: SelfRotation = "none") {
    this.plans = [...plans].sort((a, b) => a.fromUs - b.fromUs || a.id - b.id);
    this.size = typeof selfRotation === "object" ? selfRotation : null;
    // Segment ids come after every planned id of every stream (ids only need to be unique).
    this.nextSegmentId = 1_000_000_000 + Math.max(...plans.map((p) => p.id));
  }

  /** Writes the line to every file whose window holds its write time; returns how many. */
  write(record: LogRecord): number {
    const t = record.writeUs;
    if (t < this.lastWriteUs) throw new Error(`Unexpected line written at ${t} after ${this.lastWriteUs}, expected write-time order`);
    this.lastWriteUs = t;
    this.advance(t);
    let copies = 0;
    let firstId = -1;
    // A size rollover replaces the live file while we loop: loop over a copy then.
    for (const file of this.size ? [...this.open] : this.open) {
      if (t < file.plan.fromUs || t >= file.plan.toUs) continue;
      this.append(file, record, true);
      if (copies === 0) firstId = file.plan.id;
      else if (record.fact) {
        const key = `${firstId},${file.plan.id}`;
        this.duplicatePairs.set(key, (this.duplicatePairs.get(key) ?? 0) + 1);
      }
      copies++;
    }
    return copies;
  }

  /** Appends an unterminated last line to the live file (a write cut off mid-record). */
  writeCutOff(record: LogRecord): void {
    this.advance(this.spanEndUs - 1);
    const live = this.open.find((f) => f.plan.kind === "live") ?? this.openFile(this.plans.find((p) => p.kind === "live")!);
    this.append(live, record, false);
  }

  /** Waits for blocked writers and for files closed since the last call (call once per batch). */
  async settle(): Promise<void> {
    const closing = this.closing.splice(0);
    await Promise.all(closing);
    for (const file of this.open) await file.writer.settle();
  }

  /** Closes everything and gives logrotate files their numbers: `.1.gz` is the newest. */
  async finish(): Promise<{ files: FileResult[]; junk: JunkEntry[]; duplicates: DuplicateGroup[] }> {
    await this.settle();
    for (const file of this.open.splice(0)) {
      await file.writer.close();
      this.done.push(file);
    }
    const rotated = this.done.filter((f) => f.plan.kind === "logrotate").sort((a, b) => b.plan.toUs - a.plan.toUs);
    for (let i = 0; i < rotated.length; i++) rotated[i]!.plan.name = `${rotated[i]!.plan.baseName}.${i + 1}.gz`;
    this.nameSegments();
    for (const file of this.done) {
      if (file.tempName === null) continue;
      const dir = join(this.outDir, file.plan.dir);
      await rm(join(dir, file.plan.name!), { force: true });
      await rename(join(dir, file.tempName), join(dir, file.plan.name!));
    }
    const pathOf = (plan: FilePlan): string => `${plan.dir}/${plan.name}`;
    const byId = new Map(this.done.map((f) => [f.plan.id, f.plan]));
    const ordered = [...this.done].sort((a, b) => a.plan.fromUs - b.plan.fromUs || a.plan.toUs - b.plan.toUs);
    return {
      files: ordered.map((f) => ({
        path: pathOf(f.plan),
        honeypot: f.plan.honeypot,
        kind: f.plan.kind,
        compressed: f.plan.compressed,
        lines: f.writer.lines,
        records: f.records,
        bytes: f.writer.bytes,
        fromUs: f.plan.fromUs,
        toUs: Math.min(f.plan.toUs, this.spanEndUs),
        firstEventUs: f.firstEventUs,
        lastEventUs: f.lastEventUs,
        notEvents: f.notEvents,
      })),
      junk: ordered.flatMap((f) => f.junk.map((j) => ({ file: pathOf(f.plan), line: j.line, kind: j.kind, event: j.event }))),
      duplicates: [...this.duplicatePairs].map(([key, records]) => ({
        honeypot: this.plans[0]!.honeypot,
        files: key.split(",").map((id) => pathOf(byId.get(Number(id))!)),
        records,
      })),
    };
  }

  private append(file: OpenFile, record: LogRecord, terminated: boolean): void {
    if (this.size && (file.plan.kind === "live" || file.plan.kind === "backup")) file = this.sizeCheck(file, record);
    file.writer.writeLine(record.line, terminated);
    if (!record.fact && !record.junk) file.notEvents++;
    if (record.fact) {
      file.records++;
      const ts = record.fact.tsUs;
      if (file.firstEventUs === null || ts < file.firstEventUs) file.firstEventUs = ts;
      if (file.lastEventUs === null || ts > file.lastEventUs) file.lastEventUs = ts;
    }
    if (record.junk) {
      file.junk.push({ line: file.writer.lines, kind: record.junk, event: record.fact !== null });
    }
  }

  /** Closes files whose window ended and opens those whose window began, up to time t. */
  private advance(t: number): void {
    for (let i = this.open.length - 1; i >= 0; i--) {
      const file = this.open[i]!;
      if (t >= file.plan.toUs) {
        this.open.splice(i, 1);
        this.closing.push(file.writer.close());
        this.done.push(file);
      }
    }
    while (this.nextPlan < this.plans.length && this.plans[this.nextPlan]!.fromUs <= t) {
      const plan = this.plans[this.nextPlan++]!;
      if (t < plan.toUs) this.openFile(plan);
    }
  }

  /**
   * Size rotation of the live window, as the honeypot does it before writing a line: Python's
   * RotatingFileHandler rolls over when size + line >= maxBytes, lumberjack when it would exceed
   * maxBytes. The finished segment becomes a backup (named in finish()), a new live file starts.
   */
  private sizeCheck(file: OpenFile, record: LogRecord): OpenFile {
    const size = this.size!;
    const n = (typeof record.line === "string" ? Buffer.byteLength(record.line) : record.line.length) + 1;
    const over = size.style === "python" ? file.size + n >= size.maxBytes : file.size + n > size.maxBytes;
    if (over && file.size > 0) {
      const at = record.writeUs;
      file.plan = { ...file.plan, id: this.nextSegmentId++, kind: "backup", name: null, toUs: at };
      this.segments.push(file);
      this.open.splice(this.open.indexOf(file), 1);
      this.closing.push(file.writer.close());
      this.done.push(file);
      const live = this.plans.find((p) => p.kind === "live")!;
      file = this.openFile({ ...live, fromUs: at }, true);
    }
    file.size += n;
    return file;
  }

  /** Backup names: Python `name.1` (newest) … `name.N`; lumberjack `stem-<UTC time of rotation>.ext`. */
  private nameSegments(): void {
    if (!this.size || this.segments.length === 0) return;
    if (this.segments.length > this.size.backups) {
      throw new Error(`Unexpected ${this.segments.length} size-rotated backups of ${this.segments[0]!.plan.baseName}, expected at most ${this.size.backups} (the honeypot would delete older ones)`);
    }
    const newestFirst = [...this.segments].reverse();
    newestFirst.forEach((file, i) => {
      const plan = file.plan;
      if (this.size!.style === "python") plan.name = `${plan.baseName}.${i + 1}`;
      else {
        const dot = plan.baseName.lastIndexOf(".");
        const stamp = new Date(Math.floor(plan.toUs / 1000)).toISOString().slice(0, 23).replaceAll(":", "-");
        plan.name = `${plan.baseName.slice(0, dot)}-${stamp}${plan.baseName.slice(dot)}`;
      }
    });
  }

  private openFile(plan: FilePlan, segment = false): OpenFile {
    const existing = this.open.find((f) => f.plan.id === plan.id && !segment);
    if (existing) return existing;
    // Size-rotated live files are written under a temporary name until the end decides which is live.
    const temp = plan.kind === "logrotate" ? `.${plan.baseName}.restart-${plan.restart!.index}.gz.tmp` : plan.kind === "live" && this.size ? `.${plan.baseName}.seg-${this.segments.length}.tmp` : null;
    const file: OpenFile = {
      plan,
      writer: new BlockWriter(join(this.outDir, plan.dir, temp ?? plan.name!), plan.compressed),
      tempName: temp,
      records: 0,
      notEvents: 0,
      size: 0,
      firstEventUs: null,
      lastEventUs: null,
      junk: [],
    };
    this.open.push(file);
    return file;
  }
}

export async function ensureDirs(outDir: string, dirs: readonly string[]): Promise<void> {
  for (const dir of dirs) await mkdir(join(outDir, dir), { recursive: true });
}
