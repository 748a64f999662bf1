/**
 * Shortcode calls as the draft writes them. Every number, date of data, country and list a post
 * states is one of these calls, so the build reads it from data/weeks/ and a rebuild never leaves
 * a stale value; the names here are the keys of render/prose.ts `proseShortcodes` (plus the chart
 * and table shortcodes of render/). Each call stays on one line.
 *
 * Arguments are template variables (`week`, `lang`: the post's front matter), numbers, or strings
 * this module checked (subject ids, honeypot names, CVE ids): never data from attackers.
 */
import { isCountryCode, isCveId, isHoneypotName, isPort, subjectArg } from "../compare/subject.ts";
import type { NoveltyCategory, Subject } from "../compare/types.ts";

/** A template variable: written bare, read from the post's front matter at build time. */
class TemplateVar {
  constructor(readonly name: string) {}
}
const WEEK = new TemplateVar("week");
const LANG = new TemplateVar("lang");

type Arg = TemplateVar | string | number;

export type ChartKind = "hourly" | "countries" | "ports" | "port-weeks";
export type TableKind = "credentials" | "commands" | "downloads" | "signatures";
export type CountryScope = "all" | number;

const SAFE_STRING = /^[A-Za-z0-9_.:-]{1,80}$/;

function arg(value: Arg): string {
  if (value instanceof TemplateVar) return value.name;
  if (typeof value === "number") {
    if (!Number.isFinite(value)) throw new Error(`shortcode argument is not a finite number: ${value}`);
    return String(value);
  }
  // Belt and braces: the callers pass checked ids; a string that could close the tag never gets in.
  if (!SAFE_STRING.test(value)) throw new Error(`unsafe shortcode argument: ${JSON.stringify(value)}`);
  return JSON.stringify(value);
}

/** `{% name week, a, b %}` */
export function shortcode(name: string, ...args: Arg[]): string {
  return `{% ${name} ${[WEEK, ...args].map(arg).join(", ")} %}`;
}

function kindFirst(name: string, kind: string, ...rest: Arg[]): string {
  return `{% ${name} ${[kind, WEEK, ...rest].map(arg).join(", ")} %}`;
}

function withLang(name: string, ...args: Arg[]): string {
  return shortcode(name, ...args, LANG);
}

function checkedScope(scope: CountryScope): Arg {
  if (scope !== "all" && !isPort(scope)) throw new Error(`not a port: ${scope}`);
  return scope;
}

/** The calls a drafted post uses, by what they say. */
export const calls = {
  // The chart and table shortcodes (render/, another module) take their kind first: {% chart "hourly", week %}.
  chart: (kind: ChartKind, port?: number) => kindFirst("chart", kind, ...(port === undefined ? [] : [checkedScope(port)])),
  table: (kind: TableKind) => kindFirst("table", kind),

  /** Exact count of a subject or summary path: "109,876". */
  num: (what: Subject | string) => shortcode("num", typeof what === "object" ? subjectArg(what) : what),
  /** Rounded: "11万" / "110,000". */
  approx: (what: Subject | string) => withLang("approx", typeof what === "object" ? subjectArg(what) : what),
  /** Rounded down, for "over …": "10万" / "100,000". */
  atleast: (what: Subject | string) => withLang("atleast", typeof what === "object" ? subjectArg(what) : what),
  /** Share of all honeypot events: "95%". */
  share: (what: Subject) => shortcode("share", subjectArg(what)),
  /** Connection events to a port this week, exact. */
  portcount: (port: number) => shortcode("portcount", checkedScope(port)),
  /** Average of the present baseline weeks, rounded. */
  baseline: (what: Subject) => withLang("baseline", subjectArg(what)),
  /** How many baseline weeks have data ("2"). */
  baselineweeks: () => shortcode("baselineweeks"),
  /** The days the present baseline weeks span ("6/10-6/23"). */
  baselinerange: () => withLang("baselinerange"),
  /** How many stored weeks precede this one. */
  historyweeks: () => shortcode("historyweeks"),
  topcountry: (scope: CountryScope) => withLang("topcountry", checkedScope(scope)),
  prevtopcountry: (scope: CountryScope) => withLang("prevtopcountry", checkedScope(scope)),
  peakhour: () => withLang("peakhour"),
  peakcountries: (count: number) => withLang("peakcountries", count),
  weekrange: () => withLang("weekrange"),
  downtime: (honeypot: string) => {
    if (!isHoneypotName(honeypot)) throw new Error(`not a honeypot name: ${JSON.stringify(honeypot)}`);
    return withLang("downtime", honeypot);
  },
  alerts: (cve: string) => shortcode("alerts", checkedCve(cve)),
  newcount: (category: NoveltyCategory) => shortcode("newcount", category),
  /** An HTML block: write it on a line of its own, with blank lines around it. */
  newlist: (category: NoveltyCategory) => withLang("newlist", category),
  country: (code: string) => {
    if (!isCountryCode(code)) throw new Error(`not a country code: ${JSON.stringify(code)}`);
    return withLang("country", code);
  },
  geoip: () => withLang("geoip"),
  exploitcount: (cve: string) => shortcode("exploitcount", checkedCve(cve)),
  exploitkeywords: (cve: string) => shortcode("exploitkeywords", checkedCve(cve)),
  exploitsince: (cve: string) => withLang("exploitsince", checkedCve(cve)),
  kevsince: (cve: string) => withLang("kevsince", checkedCve(cve)),
};

function checkedCve(id: string): string {
  if (!isCveId(id)) throw new Error(`not a CVE id: ${JSON.stringify(id)}`);
  return id;
}

/** Every prose shortcode name the draft may write (render/prose.ts must register each). */
export const PROSE_SHORTCODE_NAMES = Object.keys(calls).filter((name) => name !== "chart" && name !== "table");
