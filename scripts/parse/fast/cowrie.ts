/**
 * Cowrie's byte-level fast path: the bytes of one line → the same result `cowrie.parse` gives for
 * the decoded line, or null when the line is not one it fully understands (the caller then decodes
 * the line and calls `cowrie.parse`, the reference).
 *
 * Three lanes, each exact:
 * 1. FieldScanner.scan refuses anything that is not a plain-ASCII, valid JSON object with
 *    unescaped keys → null (reference path).
 * 2. The byte lane: for the usual values (unescaped strings, plain integers, the standard UTC
 *    timestamp), the event is built here, field by field, mirroring `cowrieRecordToEvent` with
 *    byte-level versions of its getters. Any value those getters would treat in a less common way
 *    (an escaped string, a number where text is expected, an address with spaces or `::ffff:`,
 *    another timestamp shape) makes the lane give up for the line…
 * 3. …and the record lane takes it: a partial record holding, for every field in COWRIE_FIELDS
 *    (the only fields `cowrieRecordToEvent` reads), the value JSON.parse would give, passed to
 *    that same function.
 * tests/perf/cowrie-fast.test.ts holds the three lanes to `cowrie.parse` on tricky and fuzzed lines.
 */
import type { EventKind, HoneypotEvent, ParseContext, ParseResult } from "../../model/event.ts";
import type { JsonRecord } from "../fields.ts";
import { unrepr } from "../fields.ts";
import { COWRIE_FIELDS, cowrieRecordToEvent } from "../cowrie.ts";
import { VT_NUMBER, VT_STRING, VT_STRING_ESC, latin1 } from "./scan.ts";
import { WasmFieldScanner, scannerFor, type ScannedLine } from "./wasmScan.ts";
import { JsStringTable, type EventKeys, type StringTable } from "./intern.ts";
import { isoUtcMillis } from "./time.ts";
import type { ByteLineParser } from "./types.ts";
import { BlockCursor } from "./blockCursor.ts";

const F_EVENTID = 0;
const F_TIMESTAMP = 1;
const F_EPOCH = 2;
const F_SRC_IP = 3;
const F_SESSION = 4;
const F_PROTOCOL = 5;
const F_SYSTEM = 6;
const F_SRC_PORT = 7;
const F_DST_PORT = 8;
const F_DST_IP = 9;
const F_USERNAME = 10;
const F_PASSWORD = 11;
const F_INPUT = 12;
const F_URL = 13;
const F_SHASUM = 14;
const F_HASSH = 15;
const F_VERSION = 16;

/**
 * The fields whose string values the byte lane makes through its string table (`text`,
 * `nonEmpty`, `address`): with the wasm scanner, their keys are made during the scan. Session and
 * protocol only for full events (lean ones leave them out).
 */
const KEYED_LEAN: readonly number[] = [F_SRC_IP, F_USERNAME, F_PASSWORD, F_INPUT, F_URL, F_SHASUM, F_HASSH, F_VERSION, F_DST_IP];
const KEYED_FULL: readonly number[] = [...KEYED_LEAN, F_SESSION, F_PROTOCOL];

// Kinds of known event ids (the table of cowrie.ts, plus what the byte lane needs to know).
const K_OTHER = 0;
const K_CONNECT = 1;
const K_LOGIN_SUCCESS = 2;
const K_LOGIN_FAILED = 3;
const K_COMMAND = 4;
const K_DOWNLOAD = 5;
const K_VERSION = 6;
const K_KEX = 7;
const K_TUNNEL = 8;

const KNOWN_IDS: ReadonlyArray<[string, number]> = [
  ["cowrie.session.connect", K_CONNECT],
  ["cowrie.login.success", K_LOGIN_SUCCESS],
  ["cowrie.login.failed", K_LOGIN_FAILED],
  ["cowrie.command.input", K_COMMAND],
  ["cowrie.session.file_download", K_DOWNLOAD],
  ["cowrie.session.file_upload", K_DOWNLOAD],
  ["cowrie.client.version", K_VERSION],
  ["cowrie.client.kex", K_KEX],
];
const TUNNEL_PREFIX = Buffer.from("cowrie.direct-tcpip.", "latin1");
const KIND_NAME: readonly EventKind[] = ["other", "connect", "login", "login", "command", "download", "client", "client", "tunnel"];
const SSH_FACTORY = Buffer.from("SSHFactory", "latin1");
const TELNET_FACTORY = Buffer.from("TelnetFactory", "latin1");

/** Marks "the byte lane does not handle this value". */
const GIVE_UP = null;

/**
 * A fast parser for one thread (scanner and string cache are per instance). `lean`, for counting
 * only (aggregate/file.ts asks for it): the byte lane leaves out `session`, `protocol` and
 * `srcPort`, which counting does not read (tests/perf/tally.test.ts checks that), and gives every
 * event the same shape, absent fields present as undefined (counting tests `!== undefined`), in
 * fact the same object, valid until the next call (counting keeps nothing of an event), plus
 * the keys of its address, username and password in this parser's string table (EventKeys), which
 * counting may use instead of the strings (aggregate/tally.ts).
 */
export function cowrieBytes(o: { lean?: boolean } = {}): ByteLineParser {
  const lean = o.lean ?? false;
  const sc = scannerFor(COWRIE_FIELDS, lean ? KEYED_LEAN : KEYED_FULL);
  const lane = new ByteLane(sc, lean);
  const blocks = sc instanceof WasmFieldScanner ? new BlockCursor(sc) : null;
  const parse: ByteLineParser = (b: Buffer, start: number, end: number, ctx: ParseContext): ParseResult | null => {
    if (!(blocks !== null ? blocks.scan(b, start, end) : sc.scan(b, start, end))) return null;
    const fast = lane.event();
    if (fast !== GIVE_UP) return fast;
    return recordLane(sc, ctx);
  };
  if (blocks !== null) parse.block = (b, start, end) => blocks.load(b, start, end);
  return parse;
}

/** The record lane: a partial record with JSON.parse's values, through `cowrieRecordToEvent`. */
export function recordLane(sc: ScannedLine, ctx: ParseContext): ParseResult | null {
  const rec: JsonRecord = {};
  for (let i = 0; i < COWRIE_FIELDS.length; i++) {
    const v = sc.value(i);
    if (v !== undefined) rec[COWRIE_FIELDS[i]!] = v;
  }
  try {
    return cowrieRecordToEvent(rec, ctx);
  } catch {
    return null; // the reference path reports it (as parser-error)
  }
}

export class ByteLane {
  /**
   * One string per distinct short value, and its key: the wasm scanner's table (keys made during
   * the scan, for the fields it was told to key), else a JsStringTable (a look-up per value here).
   */
  private readonly wasm: WasmFieldScanner | null;
  private readonly strings: StringTable;
  /** The key of the last string made by `str` (-1: none). */
  private lastKey = -1;
  private readonly idsByLength: [Buffer, number][][] = [];

  /**
   * Lean mode's one event object, refilled for every line: counting keeps nothing of an event, and
   * a new object per line was most of what the fast path allocated.
   */
  private readonly leanEvent: HoneypotEvent & EventKeys;

  constructor(
    private readonly sc: ScannedLine,
    private readonly lean: boolean,
  ) {
    this.wasm = sc instanceof WasmFieldScanner ? sc : null;
    this.strings = this.wasm !== null ? this.wasm.strings : new JsStringTable();
    this.leanEvent = {
      honeypot: "cowrie",
      ts: 0,
      kind: "other",
      srcIp: undefined,
      dstPort: undefined,
      username: undefined,
      password: undefined,
      loginSuccess: undefined,
      command: undefined,
      url: undefined,
      sha256: undefined,
      clientVersion: undefined,
      hassh: undefined,
      tunnelHost: undefined,
      tunnelPort: undefined,
      keys: this.strings,
      srcKey: -1,
      userKey: -1,
      passKey: -1,
    };
    for (const [id, kind] of KNOWN_IDS) {
      const bytes = Buffer.from(id, "latin1");
      (this.idsByLength[bytes.length] ??= []).push([bytes, kind]);
    }
  }

  private refill(ts: number, kind: EventKind): HoneypotEvent & EventKeys {
    const e = this.leanEvent;
    e.ts = ts;
    e.kind = kind;
    e.srcIp = undefined;
    e.dstPort = undefined;
    e.username = undefined;
    e.password = undefined;
    e.loginSuccess = undefined;
    e.command = undefined;
    e.url = undefined;
    e.sha256 = undefined;
    e.clientVersion = undefined;
    e.hassh = undefined;
    e.tunnelHost = undefined;
    e.tunnelPort = undefined;
    e.srcKey = -1;
    e.userKey = -1;
    e.passKey = -1;
    return e;
  }

  /** The event for the last scanned line, or GIVE_UP. Never a skip reason: those are the record lane's. */
  event(): HoneypotEvent | null {
    const sc = this.sc;
    const b = sc.buf;
    // Time: the standard shape only (anything else, including a bad one that would fall back to
    // `epoch`, is the record lane's).
    if (sc.typeOf(F_TIMESTAMP) !== VT_STRING) return GIVE_UP;
    const ts = isoUtcMillis(b, sc.from[F_TIMESTAMP]! + 1, sc.to[F_TIMESTAMP]! - 1);
    if (ts < 0) return GIVE_UP;
    // eventid: a non-string is "" (kind other); an escaped one is the record lane's.
    let k = K_OTHER;
    const te = sc.typeOf(F_EVENTID);
    if (te === VT_STRING) k = this.kindOf(b, sc.from[F_EVENTID]! + 1, sc.to[F_EVENTID]! - 1);
    else if (isStringLike(te)) return GIVE_UP;
    // Lean events all have one shape (absent fields undefined), so counting code sees one hidden
    // class; full events carry only the fields that have values, as cowrieRecordToEvent's do.
    const event: HoneypotEvent & Partial<EventKeys> = this.lean ? this.refill(ts, KIND_NAME[k]!) : { honeypot: "cowrie", ts, kind: KIND_NAME[k]! };
    const ip = this.address(F_SRC_IP);
    if (ip === GIVE_UP) return GIVE_UP;
    if (ip !== undefined) {
      event.srcIp = ip;
      if (this.lean) event.srcKey = this.lastKey;
    }
    if (!this.lean && !this.sessionAndProtocol(event)) return GIVE_UP;
    switch (k) {
      case K_CONNECT: {
        const sp = this.lean ? undefined : this.integer(F_SRC_PORT);
        const dp = this.integer(F_DST_PORT);
        if (sp === GIVE_UP || dp === GIVE_UP) return GIVE_UP;
        if (sp !== undefined && sp >= 0 && sp <= 65535) event.srcPort = sp;
        if (dp !== undefined && dp >= 1 && dp <= 65535) event.dstPort = dp;
        break;
      }
      case K_LOGIN_SUCCESS:
      case K_LOGIN_FAILED: {
        const u = this.text(F_USERNAME);
        if (u === GIVE_UP) return GIVE_UP;
        if (u !== undefined) {
          event.username = u;
          if (this.lean) event.userKey = this.lastKey;
        }
        const p = this.text(F_PASSWORD);
        if (p === GIVE_UP) return GIVE_UP;
        if (p !== undefined) {
          event.password = p;
          if (this.lean) event.passKey = this.lastKey;
        }
        event.loginSuccess = k === K_LOGIN_SUCCESS;
        break;
      }
      case K_COMMAND: {
        const c = this.text(F_INPUT);
        if (c === GIVE_UP) return GIVE_UP;
        if (c !== undefined) event.command = c;
        break;
      }
      case K_DOWNLOAD: {
        const url = this.nonEmpty(F_URL);
        const sha = this.nonEmpty(F_SHASUM);
        if (url === GIVE_UP || sha === GIVE_UP) return GIVE_UP;
        if (url !== undefined && url !== "stdin") event.url = url;
        if (sha !== undefined) event.sha256 = sha;
        break;
      }
      case K_KEX: {
        const h = this.nonEmpty(F_HASSH);
        if (h === GIVE_UP) return GIVE_UP;
        if (h !== undefined) event.hassh = h;
        break;
      }
      case K_VERSION: {
        const v = this.nonEmpty(F_VERSION);
        if (v === GIVE_UP) return GIVE_UP;
        if (v !== undefined) event.clientVersion = unrepr(v);
        break;
      }
      case K_TUNNEL: {
        const host = this.nonEmpty(F_DST_IP);
        const port = this.integer(F_DST_PORT);
        if (host === GIVE_UP || port === GIVE_UP) return GIVE_UP;
        if (host !== undefined) event.tunnelHost = host;
        if (port !== undefined && port >= 0 && port <= 65535) event.tunnelPort = port;
        break;
      }
      default:
        break;
    }
    return event;
  }

  /** session and protocol, as cowrieRecordToEvent puts them; false to give up. */
  private sessionAndProtocol(event: HoneypotEvent): boolean {
    const sc = this.sc;
    const b = sc.buf;
    const session = this.nonEmpty(F_SESSION);
    if (session === GIVE_UP) return false;
    if (session !== undefined) event.session = session;
    let protocol = this.nonEmpty(F_PROTOCOL);
    if (protocol === GIVE_UP) return false;
    if (protocol === undefined) {
      const ts2 = sc.typeOf(F_SYSTEM);
      if (ts2 === VT_STRING) {
        const s = sc.from[F_SYSTEM]! + 1;
        const e = sc.to[F_SYSTEM]! - 1;
        if (contains(b, s, e, SSH_FACTORY)) protocol = "ssh";
        else if (contains(b, s, e, TELNET_FACTORY)) protocol = "telnet";
      } else if (isStringLike(ts2)) return false;
    }
    if (protocol !== undefined) event.protocol = protocol;
    return true;
  }

  private kindOf(b: Buffer, s: number, e: number): number {
    const list = this.idsByLength[e - s];
    if (list !== undefined) {
      outer: for (const [bytes, kind] of list) {
        for (let i = 0; i < bytes.length; i++) if (bytes[i] !== b[s + i]) continue outer;
        return kind;
      }
    }
    if (e - s >= TUNNEL_PREFIX.length && startsWith(b, s, TUNNEL_PREFIX)) return K_TUNNEL;
    return K_OTHER;
  }

  /** The string of field f, an unescaped string whose text is b[s, e); its key in `lastKey`. */
  private str(f: number, b: Buffer, s: number, e: number): string {
    const w = this.wasm;
    if (w === null) {
      const v = this.strings.get(b, s, e);
      this.lastKey = this.strings.lastKey;
      return v;
    }
    const k = w.keyOf(f);
    this.lastKey = k;
    return k < 0 ? latin1(b, s, e) : w.strings.text(k, b, s, e);
  }

  /** fields.ts `text`: a string as written; a number would be String(n) (record lane). */
  private text(f: number): string | undefined | null {
    const t = this.sc.typeOf(f);
    if (t === VT_STRING) return this.str(f, this.sc.buf, this.sc.from[f]! + 1, this.sc.to[f]! - 1);
    return isStringLike(t) || t === VT_NUMBER ? GIVE_UP : undefined;
  }

  /** fields.ts `nonEmpty`. */
  private nonEmpty(f: number): string | undefined | null {
    const t = this.sc.typeOf(f);
    if (t === VT_STRING) {
      const s = this.sc.from[f]! + 1;
      const e = this.sc.to[f]! - 1;
      return e === s ? undefined : this.str(f, this.sc.buf, s, e);
    }
    return isStringLike(t) || t === VT_NUMBER ? GIVE_UP : undefined;
  }

  /** fields.ts `ipAddress`: the byte lane takes only values that trim and ::ffff: stripping leave as they are. */
  private address(f: number): string | undefined | null {
    const t = this.sc.typeOf(f);
    if (t === VT_STRING) {
      const b = this.sc.buf;
      const s = this.sc.from[f]! + 1;
      const e = this.sc.to[f]! - 1;
      if (e === s) return undefined;
      const first = b[s]!;
      if (first === 58 /* : */ || isTrimmed(first) || isTrimmed(b[e - 1]!)) return GIVE_UP;
      return this.str(f, b, s, e);
    }
    return isStringLike(t) ? GIVE_UP : undefined;
  }

  /** fields.ts `integer`: a plain non-negative integer literal, or a string of 1–15 digits. */
  private integer(f: number): number | undefined | null {
    const sc = this.sc;
    const t = sc.typeOf(f);
    const b = sc.buf;
    if (t === VT_NUMBER) {
      const s = sc.from[f]!;
      const e = sc.to[f]!;
      if (e - s > 15) return GIVE_UP;
      let n = 0;
      for (let i = s; i < e; i++) {
        const d = b[i]! - 48;
        if (d < 0 || d > 9) return GIVE_UP; // sign, fraction, exponent: the record lane's
        n = n * 10 + d;
      }
      return n;
    }
    if (t === VT_STRING) {
      const s = sc.from[f]! + 1;
      const e = sc.to[f]! - 1;
      if (e === s || e - s > 15) return undefined;
      let n = 0;
      for (let i = s; i < e; i++) {
        const d = b[i]! - 48;
        if (d < 0 || d > 9) return undefined;
        n = n * 10 + d;
      }
      return n;
    }
    return isStringLike(t) ? GIVE_UP : undefined;
  }
}

/** An escaped string (VT_STRING_ESC): its text needs decoding, the record lane does that. */
function isStringLike(t: number): boolean {
  return t === VT_STRING_ESC;
}

/** Characters String.prototype.trim removes, in ASCII. */
function isTrimmed(c: number): boolean {
  return c === 32 || (c >= 9 && c <= 13);
}

function startsWith(b: Buffer, s: number, prefix: Buffer): boolean {
  for (let i = 0; i < prefix.length; i++) if (b[s + i] !== prefix[i]) return false;
  return true;
}

function contains(b: Buffer, s: number, e: number, needle: Buffer): boolean {
  const n = needle.length;
  const first = needle[0]!;
  for (let i = s; i + n <= e; i++) {
    if (b[i] !== first) continue;
    let k = 1;
    while (k < n && b[i + k] === needle[k]) k++;
    if (k === n) return true;
  }
  return false;
}
