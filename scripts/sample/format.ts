/**
 * What a log format module is to the generator. One module per T-Pot format (cowrie.ts,
 * dionaea.ts …), listed in one table (formats.ts): adding a honeypot is one module and one
 * table entry. A module knows its files and writes lines; it never writes files itself:
 * rotation and the tally are shared.
 */
import type { Source } from "./addresses.ts";
import type { SourcePicker } from "./addresses.ts";
import type { Rng } from "./prng.ts";
import type { PlantedPlan } from "./planted.ts";
import type { AttackerValues } from "./values.ts";
import type { Availability, World } from "./world.ts";
import type { FieldKind, HostileSource } from "./hostile.ts";

/** The facts of one event line that the ground truth counts (set only on real event lines). */
export interface EventFact {
  /** Event time as written (already truncated to the format's precision), epoch µs UTC. */
  tsUs: number;
  /** The source address the parser finds; absent on lines that name none (Rdpy credentials, Dicompot commands). */
  src?: string;
  /** Country of `src` as the bundled database gives it ("--" for the sensor's own address). */
  country?: string;
  /** Set on connection events: the port the attacker connected to. */
  port?: number;
  /** A connection event without a port (Ddospot's genericpot): counted as a connection, in no port. */
  connect?: boolean;
  /** Event type: Cowrie's eventid, Suricata's event_type, or "connection". */
  type: string;
  /** p0f: the client's operating system as the pipeline keeps it (subject "cli", not "???"). */
  os?: string;
  /** Cowrie direct-tcpip target port (a tunnel, not an attacked port). */
  tunnelPort?: number;
  /** Suricata alerts. */
  alert?: { sid: number; signature: string; cves: readonly string[]; destPort: number };
}

/**
 * Kinds of damaged lines (planted on purpose, or hostile values a reader must refuse): none is an
 * event except invalid-utf8 (a real record with damaged bytes, repaired by readers).
 * "too-long": over the reader's line limit (MAX_LINE_BYTES; hostile mode's huge values), skipped unread.
 */
export type JunkKind = "not-json" | "binary" | "invalid-utf8" | "cut-off" | "impossible-record" | "too-long";

/** An attacker-controlled field of a line: [field path, value as the attacker sent it, written unchanged]. */
export type AttackerField = readonly [field: string, value: string, exact?: boolean];

/** One line on its way to a file. */
export interface LogRecord {
  /** When the honeypot appended the line: decides which rotated file holds it. */
  writeUs: number;
  line: string | Buffer;
  /** The event the line records; null for junk that is no event. */
  fact: EventFact | null;
  /** Set on planted junk; an invalid-UTF-8 line has both (a damaged but real record). */
  junk?: JunkKind;
  /** Generation order, set by the generator loop: breaks ties between equal write times. */
  seq?: number;
  /** Which of the format's files the line goes to (its live name); default the first. */
  file?: string;
  /**
   * Attacker-controlled fields of the line, for the hostile-mode ledger (set only in hostile
   * mode). `exact` false: the honeypot wrote the value transformed (escaped, replaced), so the
   * field does not show the payload as sent.
   */
  attacker?: AttackerField[];
}

/** What Suricata saw of a honeypot connection: generators report it, suricata.ts may alert. */
export interface Observation {
  tsUs: number;
  endUs: number;
  src: Source;
  srcPort: number;
  destPort: number;
  transport: "TCP" | "UDP";
  /** What the connection carried, for choosing signatures. */
  app: "ssh" | "telnet" | "smb" | "mssql" | "mysql" | "http" | "ftp" | "rdp" | "weblogic" | "tls" | "other";
  /** Detail the signature choice needs: the SSH banner, an HTTP path, an exploit's CVE, a shell command. */
  detail?: string;
  /** HTTP User-Agent the client sent (p0f, fatt and Suricata show it). */
  userAgent?: string;
  /** The SSH client's key-exchange offer (fatt's HASSH record). */
  ssh?: { version: string; hassh: string; algorithms: string };
  /** RDP mstshash cookie, TLS server name. */
  rdpCookie?: string;
  serverName?: string;
  /** Set on observations of hostile-mode sweep visits (their values are corpus payloads). */
  sweep?: boolean;
}

export interface Sources {
  ssh: SourcePicker;
  telnet: SourcePicker;
  smb: SourcePicker;
  scan: SourcePicker;
}

export interface GeneratorContext {
  seed: number;
  scale: number;
  world: World;
  availability: Availability;
  /** Attacker values (hostile mode mixes corpus payloads into them for Cowrie, Dionaea, Honeytrap). */
  values: AttackerValues;
  /** The same values never mixed: formats built on PotGenerator add hostile values themselves (pick). */
  plainValues: AttackerValues;
  sources: Sources;
  planted: PlantedPlan;
  /** Filled by honeypot generators during an hour, read by p0f and fatt, drained by Suricata. */
  observations: Observation[];
  /** The stream of this format (rngFor(seed, name)). */
  rng: Rng;
  /** Hostile mode's corpus picker; null when hostile mode is off. */
  hostile: HostileSource | null;
  /** Who owns port 3389 in this tree (honeytrap in 24.x before 2026-06, rdphoneypot after, rdpy in 19.03). */
  rdpOwner: RdpOwner;
}

export type RdpOwner = "honeytrap" | "rdphoneypot" | "rdpy";

export interface HourWindow {
  startUs: number;
  endUs: number;
}

export type Emit = (record: LogRecord) => void;

export interface FormatGenerator {
  /** Generates the events that start in [startUs, endUs); their lines may be written later. */
  generateHour(hour: HourWindow, emit: Emit): void;
  /** A junk line of this kind for this format, written at `atUs`; null if the format has none. */
  junk?(kind: JunkKind, atUs: number): LogRecord | null;
  /** Junk that belongs at the end of the live file (a cut-off last line), if any. */
  finalLine?(spanEndUs: number): LogRecord | null;
  /**
   * The honeypot process starts at `atUs` (span start, or a restart's end of downtime): start-up
   * banners, a CSV header. `freshFile`: logrotate truncated the live file (or the span starts).
   */
  onStart?(atUs: number, freshFile: boolean, emit: Emit): void;
  /** The honeypot process stops (just before a restart): shutdown lines. */
  onStop?(atUs: number, emit: Emit): void;
  /**
   * Hostile mode: one visit at `atUs` that fills every attacker-controlled field of the format
   * from the corpus (ctx.hostile.sweep). The loop schedules HOSTILE_CORPUS.length visits a week.
   */
  hostileVisit?(atUs: number, emit: Emit): void;
}

/** Python's RotatingFileHandler (`name.1` … `name.N`, newest .1) or lumberjack (`name-<time>.ext`). */
export interface SizeRotation {
  kind: "size";
  style: "python" | "lumberjack";
  maxBytes: number;
  backups: number;
}

export type SelfRotation = "none" | "daily-utc" | SizeRotation;

/** One log file a format writes (its live name) and how it rotates. */
export interface StreamSpec {
  liveFile: string;
  /** Cowrie and the bontchev pots rename at UTC midnight; Wordpot and Dicompot rotate by size. */
  selfRotation: SelfRotation;
  /** T-Pot's logrotate copies and truncates it at every start (false: CitrixHoneypot's server.log, a typo in logrotate.template). */
  logrotate: boolean;
}

export interface FormatModule {
  /** Honeypot name, as the pipeline's parser table names it. */
  name: string;
  /** Folder under the data root holding the live files. */
  dir: string;
  /** The files, the first being the default for lines without `file`. */
  streams: readonly StreamSpec[];
  /** Counted as honeypot events (T-Pot's "attacks"); Suricata, p0f and fatt are not. */
  countsAsAttack: boolean;
  /** Attacker-controlled fields (as named in LogRecord.attacker) and their hostile field kind. */
  fields: Readonly<Record<string, FieldKind>>;
  /** Present in this tree (default: always). Rdpy and RDPHoneypot run only where they own 3389. */
  active?(rdpOwner: RdpOwner): boolean;
  create(ctx: GeneratorContext): FormatGenerator;
}

/** A format with one live file. */
export function stream(liveFile: string, selfRotation: SelfRotation = "none", logrotate = true): StreamSpec {
  return { liveFile, selfRotation, logrotate };
}

/**
 * Source ports: real scanners take ephemeral ports in order, so one address's consecutive
 * connections have rising ports. It also keeps (address, port) unique within any second, so two
 * different events never produce byte-identical lines. One per format (its own stream).
 */
export class EphemeralPorts {
  private readonly next = new Map<string, number>();

  constructor(private readonly rng: Rng) {}

  take(ip: string): number {
    let port = this.next.get(ip);
    if (port === undefined) port = this.rng.int(32768, 60999);
    const taken = port;
    port += this.rng.int(1, 9);
    if (port > 60999) port = 32768 + (port - 61000);
    this.next.set(ip, port);
    return taken;
  }
}
