/**
 * Hostile mode: the corpus of scripts/hostile/corpus.ts in every attacker-controlled field.
 *
 * Two ways a payload reaches a field:
 * - Sweep visits: the generator loop schedules HOSTILE_CORPUS.length visits a week for every
 *   format; a visit fills every attacker field of the format with `sweep(kind)`. For each field
 *   kind and week the sweep first places every payload the field can show unchanged, in corpus
 *   order (the huge ones only in this first pass), then cycles through the others. The formats
 *   sharing a kind share its pass, so every payload lands in every kind in every week, whatever
 *   the scale.
 * - Ordinary traffic: every 50th value of a kind (`sometimes`) is a corpus payload, never a huge
 *   one, so planted lines (3389, 7001, the burst) never grow past the reader's line limit. Besides,
 *   every 10th value is a family's leader (its first payload) and every 200th username or command
 *   the shortest huge payload (100,000 characters): repeated, they rank among the week's top
 *   values, so every family reaches the tables a post shows (the stored lists keep ~100 entries).
 *
 * Invalid UTF-8 cannot live in a JS string: such payloads travel as an ASCII marker that no
 * encoder changes (`@@HB<n>@@`), and the generator loop swaps the marker for the raw bytes when
 * the line is written (`materialise`), inside the JSON string: the one deliberate way a line
 * stops being valid UTF-8. Fields written as hex or base64 take `bytes()` instead.
 */
import { HOSTILE_CORPUS } from "../hostile/corpus.ts";
import type { HostileFamily, HostilePayload } from "../hostile/corpus.ts";
import type { WeekWindow } from "./clock.ts";

/** Kinds of attacker-controlled fields; each format maps its fields to these. */
export const FIELD_KINDS = {
  username: "login names (Cowrie, Dionaea, Heralding, Wordpot, Beelzebub, qeeqbox honeypots, RDP honeypots)",
  password: "passwords tried with them",
  command: "commands typed or sent (Cowrie, Adbhoney, Beelzebub, Miniprint PJL)",
  url: "download and request URLs (Cowrie and Adbhoney downloads, Wordpot)",
  filename: "names of uploaded or downloaded files (Adbhoney)",
  "ssh-version": "SSH client version banners (Cowrie, Beelzebub, fatt, Suricata ssh events)",
  hassh: "HASSH fingerprints and their algorithm lists (Cowrie client.kex, fatt)",
  "user-agent": "HTTP User-Agent headers",
  "http-path": "HTTP request paths",
  "http-header": "other HTTP request headers (Referer, Accept-Language, Authorization, Host)",
  "http-body": "HTTP request bodies and exploit payloads",
  "sip-method": "SIP methods (SentryPeer)",
  "sip-user-agent": "SIP User-Agent headers (SentryPeer)",
  "sip-called-number": "SIP called numbers (SentryPeer)",
  "smtp-data": "SMTP command lines (Mailoney)",
  "redis-command": "Redis command lines (RedisHoneyPot)",
  "dicom-ae-title": "DICOM AE titles (Dicompot)",
  "ics-request": "ICS protocol requests (Conpot)",
  "dns-name": "queried DNS names (Ddospot)",
  "print-job": "print job text (Miniprint)",
  "tunnel-host": "direct-tcpip tunnel target hosts (Cowrie)",
  "client-hostname": "client host names: TLS server names (fatt), RDP client names",
  "alert-payload": "attacker strings in Suricata alerts (http.url)",
  fingerprint: "attacker strings in passive fingerprints (p0f raw_sig, fatt RDP cookies)",
} as const;

export type FieldKind = keyof typeof FIELD_KINDS;

/** Cells of kind × family that can never hold the payload as sent, and why (the manifest lists them). */
export const EXEMPTIONS: ReadonlyArray<{ kind: FieldKind; family: HostileFamily; reason: string }> = [
  { kind: "smtp-data", family: "huge", reason: "Mailoney writes BIGSIZE instead of data over 4096 characters" },
];

const N = HOSTILE_CORPUS.length;
const MARKER_PREFIX = "@@HB";
const MARKER = /@@HB(\d+)@@/g;
/** Every 50th ordinary value of a kind is hostile. */
const ORDINARY_PERIOD = 50;
/** Every 10th ordinary value is a family leader; every 200th username/command the huge leader. */
const LEADER_PERIOD = 10;
const HUGE_LEADER_PERIOD = 200;
const HUGE_LEADER_KINDS: ReadonlySet<string> = new Set(["username", "command"]);

export type PayloadTest = (p: HostilePayload) => boolean;

/** The corpus as the sweep hands it out: text, or a marker for raw bytes. */
const FIELD_VALUES: readonly string[] = HOSTILE_CORPUS.map((p, i) => (p.bytes ? `${MARKER_PREFIX}${i}@@` : p.text));
const HUGE: readonly boolean[] = HOSTILE_CORPUS.map((p) => p.family === "huge");
/** The first payload of each family but the huge one. */
const LEADERS: readonly number[] = [...new Map(HOSTILE_CORPUS.map((p, i) => [p.family, i] as const).reverse()).entries()]
  .filter(([family]) => family !== "huge")
  .map(([, i]) => i)
  .sort((a, b) => a - b);
/** The shortest huge payload. */
const HUGE_LEADER: number = HOSTILE_CORPUS.reduce((best, p, i) => (HUGE[i] && (best < 0 || p.text.length < HOSTILE_CORPUS[best]!.text.length) ? i : best), -1);
const RAW_BYTES: ReadonlyArray<Buffer | null> = HOSTILE_CORPUS.map((p) => (p.bytes ? Buffer.from(p.bytes) : null));
/** Field value → corpus indexes (some texts occur twice, e.g. "---" is Markdown and front matter). */
const INDEX = new Map<string, number[]>();
FIELD_VALUES.forEach((v, i) => INDEX.set(v, [...(INDEX.get(v) ?? []), i]));

/** The corpus indexes a written field value is (none for ordinary values). */
export function corpusIndexes(value: string): readonly number[] | undefined {
  return INDEX.get(value);
}

export const noLineBreaks: PayloadTest = (p) => !/[\r\n]/.test(p.text);
export const validUtf8: PayloadTest = (p) => p.bytes === undefined;

interface KindWeek {
  placed: Uint8Array;
  low: number;
  cycle: number;
}

export class HostileSource {
  private readonly state = new Map<string, KindWeek>();
  private readonly ordinary = new Map<string, { count: number; next: number; leader: number }>();

  constructor(private readonly weeks: readonly WeekWindow[]) {}

  /**
   * The next payload for a field of `kind` in a sweep visit at `tsUs`. `exact`: payloads the field
   * shows unchanged (the first pass places only those); `canHold`: payloads the format can write
   * at all (line-based text formats cannot hold line breaks).
   */
  sweep(kind: FieldKind, tsUs: number, exact: PayloadTest = () => true, canHold: PayloadTest = () => true): string {
    const week = this.weekOf(tsUs);
    const key = `${kind}\u0000${week}`;
    let st = this.state.get(key);
    if (!st) this.state.set(key, (st = { placed: new Uint8Array(N), low: 0, cycle: 0 }));
    if (week >= 0) {
      for (let i = st.low; i < N; i++) {
        if (st.placed[i] || !canHold(HOSTILE_CORPUS[i]!) || !exact(HOSTILE_CORPUS[i]!)) continue;
        st.placed[i] = 1;
        while (st.low < N && st.placed[st.low]) st.low++;
        return FIELD_VALUES[i]!;
      }
    }
    for (let k = 0; k < N; k++) {
      const i = st.cycle++ % N;
      if (!HUGE[i] && canHold(HOSTILE_CORPUS[i]!)) return FIELD_VALUES[i]!;
    }
    throw new Error(`Unexpected field kind \`${kind}\` that holds no corpus payload, expected a canHold test that accepts some`);
  }

  /** Ordinary traffic: `value`, or (every 50th value of the kind) the next non-huge payload. */
  sometimes(kind: FieldKind, value: string, canHold: PayloadTest = () => true): string {
    let st = this.ordinary.get(kind);
    if (!st) this.ordinary.set(kind, (st = { count: 0, next: 0, leader: 0 }));
    const n = st.count++;
    if (n % HUGE_LEADER_PERIOD === HUGE_LEADER_PERIOD - 1 && HUGE_LEADER_KINDS.has(kind) && canHold(HOSTILE_CORPUS[HUGE_LEADER]!)) {
      return FIELD_VALUES[HUGE_LEADER]!;
    }
    if (n % LEADER_PERIOD === LEADER_PERIOD - 1) {
      for (let k = 0; k < LEADERS.length; k++) {
        const i = LEADERS[st.leader++ % LEADERS.length]!;
        if (canHold(HOSTILE_CORPUS[i]!)) return FIELD_VALUES[i]!;
      }
    }
    // Off the leader slots (every 10th), so both kinds of pick happen.
    if (n % ORDINARY_PERIOD !== ORDINARY_PERIOD / 2 - 1) return value;
    for (let k = 0; k < N; k++) {
      const i = st.next++ % N;
      if (!HUGE[i] && canHold(HOSTILE_CORPUS[i]!)) return FIELD_VALUES[i]!;
    }
    return value;
  }

  private weekOf(tsUs: number): number {
    for (let i = 0; i < this.weeks.length; i++) if (tsUs >= this.weeks[i]!.startUs && tsUs < this.weeks[i]!.endUs) return i;
    return -1;
  }
}

/** True when a line holds a raw-bytes marker. */
export function hasMarker(line: string): boolean {
  return line.includes(MARKER_PREFIX);
}

/** The line with each marker replaced by its payload's raw bytes (invalid UTF-8 on purpose). */
export function materialise(line: string): Buffer {
  const parts: Buffer[] = [];
  let last = 0;
  for (const m of line.matchAll(MARKER)) {
    const bytes = RAW_BYTES[Number(m[1])];
    if (!bytes) continue;
    parts.push(Buffer.from(line.slice(last, m.index), "utf8"), bytes);
    last = m.index + m[0].length;
  }
  parts.push(Buffer.from(line.slice(last), "utf8"));
  return Buffer.concat(parts);
}

/** A value as the bytes the attacker sent (for fields written as hex or base64). */
export function attackerBytes(value: string): Buffer {
  return hasMarker(value) ? materialise(value) : Buffer.from(value, "utf8");
}

/** A value as text after a reader's U+FFFD repair (markers → the payload's repaired text). */
export function repairedText(value: string): string {
  return hasMarker(value) ? materialise(value).toString("utf8") : value;
}

/** Summary of the corpus for the manifest. */
export function corpusSummary(): { payloads: number; families: Record<string, number> } {
  const families: Record<string, number> = {};
  for (const p of HOSTILE_CORPUS) families[p.family] = (families[p.family] ?? 0) + 1;
  return { payloads: N, families };
}

export function familyOf(index: number): HostileFamily {
  return HOSTILE_CORPUS[index]!.family;
}

export const CORPUS_SIZE = N;
