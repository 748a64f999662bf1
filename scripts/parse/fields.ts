/**
 * Safe getters for fields of parsed log records, shared by every format module.
 * Log fields are written by many programs in many versions: a port may be a number or a string,
 * an address may be IPv4-mapped, a field may be missing or null. These getters never throw and
 * return undefined for anything unusable.
 */
import type { HoneypotEvent } from "../model/event.ts";

export type JsonRecord = Record<string, unknown>;

/** A plain JSON object (not an array, not null), or undefined. */
export function record(value: unknown): JsonRecord | undefined {
  return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as JsonRecord) : undefined;
}

/** A string value as written (empty strings kept: an empty username is data); numbers as text. */
export function text(value: unknown): string | undefined {
  if (typeof value === "string") return value;
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  return undefined;
}

/** A non-empty string (for names, protocols, hashes…). */
export function nonEmpty(value: unknown): string | undefined {
  const s = text(value);
  return s === undefined || s.length === 0 ? undefined : s;
}

/** An integer from a number or a decimal digit string (`"5555"`, Adbhoney; `"51234"`, Medpot). */
export function integer(value: unknown): number | undefined {
  if (typeof value === "number") return Number.isInteger(value) ? value : undefined;
  if (typeof value !== "string" || value.length === 0 || value.length > 15) return undefined;
  let n = 0;
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i) - 48;
    if (c < 0 || c > 9) return undefined;
    n = n * 10 + c;
  }
  return n;
}

/** A TCP/UDP port 0–65535 (0 appears as a source port of Cowrie tunnels). */
export function port(value: unknown): number | undefined {
  const n = integer(value);
  return n !== undefined && n >= 0 && n <= 65535 ? n : undefined;
}

/** A destination port: 1–65535 (port 0 is never a port an attacker connected to). */
export function destPort(value: unknown): number | undefined {
  const n = integer(value);
  return n !== undefined && n >= 1 && n <= 65535 ? n : undefined;
}

const MAPPED_PREFIX = "::ffff:";

/** `::ffff:203.0.113.6` → `203.0.113.6` (Dionaea, §1.4); other addresses unchanged. */
export function stripIpv4Mapped(ip: string): string {
  if (ip.length > MAPPED_PREFIX.length && ip.charCodeAt(0) === 58 && ip.slice(0, 7).toLowerCase() === MAPPED_PREFIX) {
    const rest = ip.slice(7);
    if (rest.indexOf(".") > 0) return rest;
  }
  return ip;
}

/** A source address: a non-empty string, trimmed, IPv4-mapped form stripped. */
export function ipAddress(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const s = value.trim();
  return s.length === 0 ? undefined : stripIpv4Mapped(s);
}

export interface HostPort {
  host: string;
  port?: number;
}

/**
 * Split `ip:port` (Sentrypeer `source_ip`, Redishoneypot `addr`, Citrix `(ip:port)`), `[v6]:port`,
 * or a bare address. A bare IPv6 address (several colons, no brackets) is kept whole.
 */
export function splitHostPort(value: unknown): HostPort | undefined {
  if (typeof value !== "string") return undefined;
  const s = value.trim();
  if (s.length === 0) return undefined;
  if (s.charCodeAt(0) === 91 /* [ */) {
    const close = s.indexOf("]");
    if (close < 0) return { host: s };
    const host = s.slice(1, close);
    const p = s.charCodeAt(close + 1) === 58 ? port(s.slice(close + 2)) : undefined;
    return p === undefined ? { host: stripIpv4Mapped(host) } : { host: stripIpv4Mapped(host), port: p };
  }
  const colon = s.lastIndexOf(":");
  if (colon < 0) return { host: s };
  if (s.indexOf(":") !== colon) return { host: stripIpv4Mapped(s) }; // bare IPv6
  const p = port(s.slice(colon + 1));
  const host = s.slice(0, colon);
  return p === undefined ? { host: s } : { host, port: p };
}

/** A boolean from true/false or "true"/"false". */
export function bool(value: unknown): boolean | undefined {
  if (typeof value === "boolean") return value;
  if (value === "true") return true;
  if (value === "false") return false;
  return undefined;
}

/**
 * Set an optional event field only when there is a value, so events carry no `undefined` keys
 * (smaller, and equal to what tests and JSON round trips expect).
 */
export function put<K extends keyof HoneypotEvent>(event: HoneypotEvent, key: K, value: HoneypotEvent[K] | undefined): void {
  if (value !== undefined) event[key] = value;
}

/**
 * Undo a Python `repr()` of a string: `'SSH-2.0-Go'` (py2) and `b'SSH-2.0-Go'` (py3), as Cowrie
 * 1.5.3 wrote client versions (TPOT-LOGS.md §1.4 Cowrie). Other strings are returned unchanged.
 */
export function unrepr(s: string): string {
  const n = s.length;
  if (n < 2) return s;
  const last = s.charCodeAt(n - 1);
  if (last !== 39 && last !== 34) return s; // ' or "
  const first = s.charCodeAt(0);
  if (first === last) return s.slice(1, n - 1);
  if ((first === 98 || first === 66) && n >= 3 && s.charCodeAt(1) === last) return s.slice(2, n - 1); // b'…'
  return s;
}
