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

/** The facts of one event line that the ground truth counts (set only on real event lines). */
export interface EventFact {
  /** Event time as written (already truncated to the format's precision), epoch µs UTC. */
  tsUs: number;
  src: string;
  /** Country of `src` as the bundled database gives it ("--" for the sensor's own address). */
  country: string;
  /** Set on connection events: the port the attacker connected to. */
  port?: number;
  /** Event type: Cowrie's eventid, Suricata's event_type, or "connection". */
  type: string;
  /** Cowrie direct-tcpip target port (a tunnel, not an attacked port). */
  tunnelPort?: number;
  /** Suricata alerts. */
  alert?: { sid: number; signature: string; cves: readonly string[]; destPort: number };
}

/** Kinds of junk lines planted on purpose (none of them is an event). */
export type JunkKind = "not-json" | "binary" | "invalid-utf8" | "cut-off" | "impossible-record";

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
  app: "ssh" | "telnet" | "smb" | "mssql" | "mysql" | "http" | "ftp" | "rdp" | "weblogic" | "other";
  /** Detail the signature choice needs: the SSH banner, an HTTP path, an exploit's CVE, a shell command. */
  detail?: string;
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
  values: AttackerValues;
  sources: Sources;
  planted: PlantedPlan;
  /** Filled by honeypot generators during an hour, drained by the Suricata generator. */
  observations: Observation[];
  /** The stream of this format (rngFor(seed, name)). */
  rng: Rng;
}

export interface HourWindow {
  startUs: number;
  endUs: number;
}

export interface FormatGenerator {
  /** Generates the events that start in [startUs, endUs); their lines may be written later. */
  generateHour(hour: HourWindow, emit: (record: LogRecord) => void): void;
  /** A junk line of this kind for this format, written at `atUs`; null if the format has none. */
  junk?(kind: JunkKind, atUs: number): LogRecord | null;
  /** Junk that belongs at the end of the live file (a cut-off last line), if any. */
  finalLine?(spanEndUs: number): LogRecord | null;
}

export interface FormatModule {
  /** Honeypot name, as the pipeline's parser table names it. */
  name: string;
  /** Folder under the data root holding the live file. */
  dir: string;
  /** The live file's name. */
  liveFile: string;
  /** Cowrie renames its live file at UTC midnight (`cowrie.json.YYYY-MM-DD`); others do not. */
  selfRotation: "none" | "daily-utc";
  /** Counted as honeypot events (T-Pot's "attacks"); Suricata is not. */
  countsAsAttack: boolean;
  create(ctx: GeneratorContext): FormatGenerator;
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
