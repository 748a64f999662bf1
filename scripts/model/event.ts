/**
 * The normalised honeypot event: what every parser produces, whatever its format.
 * Parsers fill only what their format knows; absent fields stay undefined.
 */

/** What an event stands for, so the aggregator counts each kind in its own statistic. */
export type EventKind =
  | "connect" // a new connection or session (carries the attacked port)
  | "login" // an authentication attempt (username/password)
  | "command" // a shell or protocol command typed by the attacker
  | "download" // a file fetched or uploaded by the attacker (url, sha256)
  | "client" // a client banner / fingerprint (SSH version, HASSH)
  | "tunnel" // a Cowrie direct-tcpip forward request: NOT an attacked port
  | "alert" // a Suricata alert: counted as alerts, never as attacks
  | "fingerprint" // p0f / fatt observations: never counted as attacks
  | "other"; // any other line of a honeypot: still one event, as T-Pot counts

export interface AlertInfo {
  signature: string;
  signatureId: number;
  category: string;
  severity: number;
  /** Normalised CVE ids (CVE-YYYY-NNNN) from metadata.cve and the signature text. */
  cves: string[];
}

export interface HoneypotEvent {
  /** Honeypot name as in the parser table (from the file's path, never a key in the event). */
  honeypot: string;
  /** Event time, epoch milliseconds UTC. */
  ts: number;
  kind: EventKind;
  srcIp?: string;
  srcPort?: number;
  /** The port the attacker connected to, on the host (container ports mapped back). Only on connection events. */
  dstPort?: number;
  /** Transport or application protocol when the format says (ssh, telnet, smbd, tcp …). */
  protocol?: string;
  session?: string;
  username?: string;
  password?: string;
  loginSuccess?: boolean;
  command?: string;
  url?: string;
  sha256?: string;
  clientVersion?: string;
  hassh?: string;
  /** Cowrie direct-tcpip forward target, kept apart from attacked ports. */
  tunnelHost?: string;
  tunnelPort?: number;
  alert?: AlertInfo;
  /** p0f operating system guess. */
  os?: string;
}

/** Why a line produced no event. Counted per reason in the summary's data-quality section. */
export type SkipReason =
  | "empty" // a blank line
  | "not-json" // junk, binary, or text where JSON was expected
  | "cut-off" // a last line without its end (live file, truncated copy)
  | "too-long" // a line over the reader's limit
  | "invalid-utf8"
  | "no-timestamp" // a record with no usable time
  | "impossible-record" // e.g. honeytrap's 1970-01-01 / 0.0.0.0
  | "not-an-event" // a valid line that is not an event (header, banner, stats)
  | "parser-error" // the parser itself failed on the line: a bug to report, not bad input
  | "outside-week"; // a valid event of another week (read because rotation spans weeks)

export type ParseResult = HoneypotEvent | SkipReason;

export interface ParseContext {
  /** IANA zone for timestamps written without a zone; "UTC" for T-Pot. */
  sensorTimeZone: string;
  /** Path of the file, for formats that take a port or protocol from the file name. */
  file: string;
}

/** One honeypot format: which files it owns and how a line becomes an event. */
export interface HoneypotParser {
  /** Name used in summaries and charts: "cowrie", "dionaea" … */
  name: string;
  /** T-Pot's display name ("Cowrie", "Dionaea" …). */
  label: string;
  /** Counted as a honeypot event (T-Pot's dashboard), or a sensor like Suricata/p0f. */
  countsAsAttack: boolean;
  /** Folder under the data root (`<dir>/log/…`). */
  dir: string;
  /** Base names of live log files, matched with rotation suffixes (.1, .N.gz, .YYYY-MM-DD). */
  files: RegExp;
  /** Parse one line (without its newline). Throws never; returns a SkipReason instead. */
  parse(line: string, ctx: ParseContext): ParseResult | ParseResult[];
}
