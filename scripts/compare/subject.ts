/**
 * Subjects: the one number a finding compares across weeks, read the same way from every summary.
 * Shortcodes name subjects as strings ("events", 3389, "port:3389", "honeypot:cowrie",
 * "country:CN", "cve:CVE-2019-2725"), so a drafted post and its build-time numbers agree.
 */
import type { WeekSummary } from "../model/summary.ts";
import type { Subject } from "./types.ts";

const HONEYPOT_NAME = /^[a-z0-9][a-z0-9_.-]{0,63}$/i;
const COUNTRY_CODE = /^[A-Z]{2}$/;
const CVE_ID = /^CVE-\d{4}-\d{4,}$/;

/** The subject's count in one week; a port, honeypot or country absent from the week counts 0. */
export function subjectValue(summary: WeekSummary, subject: Subject): number {
  switch (subject.kind) {
    case "events":
      return summary.totals.events;
    case "honeypot":
      return Object.hasOwn(summary.honeypots, subject.name) ? summary.honeypots[subject.name]!.events : 0;
    case "port":
      return summary.ports.find((p) => p.port === subject.port)?.connections ?? 0;
    case "country":
      return summary.countries.items.find((c) => c.key === subject.code)?.count ?? 0;
    case "cve":
      return summary.suricata.cves.items.find((c) => normalizeCveId(c.key) === subject.id)?.count ?? 0;
  }
}

/** "CVE_2019_2725", "cve-2019–2725" (en dash) → "CVE-2019-2725"; anything else unchanged. */
export function normalizeCveId(id: string): string {
  const m = /^cve[-_\u2010-\u2015](\d{4})[-_\u2010-\u2015](\d{4,})$/i.exec(id.trim());
  return m ? `CVE-${m[1]}-${m[2]}` : id;
}

/** Parse a shortcode's subject argument; null when it names nothing we count. */
export function parseSubject(arg: unknown): Subject | null {
  if (typeof arg === "number") return isPort(arg) ? { kind: "port", port: arg } : null;
  if (typeof arg !== "string") return null;
  if (arg === "events") return { kind: "events" };
  if (/^\d+$/.test(arg)) return parseSubject(Number(arg));
  const colon = arg.indexOf(":");
  if (colon < 0) return null;
  const kind = arg.slice(0, colon);
  const value = arg.slice(colon + 1);
  switch (kind) {
    case "port":
      return /^\d+$/.test(value) ? parseSubject(Number(value)) : null;
    case "honeypot":
      return HONEYPOT_NAME.test(value) ? { kind: "honeypot", name: value } : null;
    case "country":
      return COUNTRY_CODE.test(value) ? { kind: "country", code: value } : null;
    case "cve": {
      const id = normalizeCveId(value);
      return CVE_ID.test(id) ? { kind: "cve", id } : null;
    }
    default:
      return null;
  }
}

/** The shortcode argument naming a subject (the inverse of parseSubject). */
export function subjectArg(subject: Subject): string | number {
  switch (subject.kind) {
    case "events":
      return "events";
    case "honeypot":
      return `honeypot:${subject.name}`;
    case "port":
      return subject.port;
    case "country":
      return `country:${subject.code}`;
    case "cve":
      return `cve:${subject.id}`;
  }
}

export function isPort(n: number): boolean {
  return Number.isInteger(n) && n >= 0 && n <= 65535;
}

/** Honeypot names safe to write into a shortcode call (they come from the parser table). */
export function isHoneypotName(name: string): boolean {
  return HONEYPOT_NAME.test(name);
}

export function isCountryCode(code: string): boolean {
  return COUNTRY_CODE.test(code);
}

export function isCveId(id: string): boolean {
  return CVE_ID.test(id);
}
