/**
 * Prose shortcodes: the numbers, dates, countries and lists a drafted post states, read from the
 * stored weeks at build time (so a rebuild never leaves a stale number). Each returns escaped text
 * on one line; `newlist` returns a one-line HTML block (write it on its own line).
 *
 * Every call takes the post's `week` id first; language-dependent ones take the post's `lang`
 * last (optional: the site's language otherwise). A *subject* is "events", a port (3389 or
 * "port:3389"), "honeypot:<name>", "country:<CC>" or "cve:<id>"; `num`/`approx`/`atleast` also take a
 * dotted summary path ("totals.uniqueSources").
 *
 *   {% num week, "totals.events" %}                  109,876        (exact, grouped)
 *   {% approx week, "totals.events", lang %}         11万 / 110,000 (2 significant figures; 万 in ja)
 *   {% atleast week, "honeypot:cowrie", lang %}      10万 / 100,000 (rounded down: "over …")
 *   {% share week, "honeypot:cowrie" %}              95%            (of all honeypot events)
 *   {% portcount week, 3389 %}                       334            (connection events to the port)
 *   {% baseline week, 3389, lang %}                  420            (mean of the baseline weeks with data, rounded)
 *   {% baselineweeks week %}                         2              (baseline weeks with data)
 *   {% baselinerange week, lang %}                   6/10-6/23 / Jun 10–23
 *   {% historyweeks week %}                          2              (stored weeks before this one)
 *   {% topcountry week, 3389, lang %}                中国 / China   ("all" for every event)
 *   {% prevtopcountry week, 3389, lang %}            インドネシア    (baseline weeks combined)
 *   {% peakhour week, lang %}                        6/29の9時 / 9:00 on Jun 29
 *   {% peakcountries week, 2, lang %}                オランダとロシア / Netherlands and Russia
 *   {% weekrange week, lang %}                       6/24-6/30 / Jun 24–30
 *   {% downtime week, "honeytrap", lang %}           6/24の0時から30時間 / 30 hours from 0:00 on Jun 24
 *   {% alerts week, "CVE-2019-2725" %}               3              (Suricata alerts with the CVE)
 *   {% newcount week, "commands" %}                  4              (keys no stored earlier week holds)
 *   {% newlist week, "commands", lang %}             <ul class="hw-new">…</ul>
 *   {% country week, "CN", lang %}                   中国
 *   {% geoip week, lang %}                           DB-IP Lite(2019-06-01版) / DB-IP Lite (built 2019-06-01)
 *   {% exploitcount week, "CVE-2019-2725" %}         Exploit-DB entries naming the CVE by the week's end ("–" without data)
 *   {% exploitkeywords week, "CVE-2019-2725" %}      Exploit-DB entries matching the CVE's product keywords by then
 *   {% exploitsince week, "CVE-2019-2725", lang %}   earliest date_added of the CVE's entries ("–" when none)
 *   {% kevsince week, "CVE-2019-2725", lang %}       date CISA KEV listed it, if by the week's end ("–" otherwise)
 *
 * A wrong argument or a week without a stored summary throws, naming the call, so the build stops
 * rather than publishing a wrong number.
 */
import { splitPair } from "../model/pairs.ts";
import { baselineOf } from "../compare/baseline.ts";
import { exploitsFor } from "../compare/cves.ts";
import { historyBefore, historyCoverage } from "../compare/history.ts";
import { NOVELTY_CATEGORIES, noveltyOf } from "../compare/novelty.ts";
import { isHoneypotName, isCveId, normalizeCveId, parseSubject, subjectValue } from "../compare/subject.ts";
import { rankCountries, countriesOf, topCountryChange, type CountryScope } from "../compare/topCountry.ts";
import type { NoveltyCategory, Subject } from "../compare/types.ts";
import { countryInProse, joinNames } from "../draft/countries.ts";
import { dayRange, hourAt, monthDay } from "../draft/dates.ts";
import { approx, atLeast, exact, percent, type Lang } from "../draft/numbers.ts";
import type { WeekSummary } from "../model/summary.ts";
import type { RenderContext, Shortcode } from "./context.ts";
import { escapeHtml, untrustedCode } from "./escape.ts";

export class ProseError extends Error {}

/** Longest attacker value shown in a list before it is cut (the title attribute keeps more). */
const LIST_VALUE_MAX = 60;
const NONE = "–";

/**
 * Escaped inline text. Besides HTML escaping, characters Markdown would read as syntax (the output
 * lands in Markdown before markdown-it runs) are written as character references.
 */
function inline(text: string): string {
  return escapeHtml(text).replace(/[\\`*_[\]{}|~]/g, (c) => `&#${c.charCodeAt(0)};`);
}

interface Week {
  summary: WeekSummary;
  history: Map<string, WeekSummary>;
}

function weekOf(ctx: RenderContext, name: string, week: unknown): Week {
  if (typeof week !== "string") throw new ProseError(`${name}: the first argument must be the week id (front matter "week"), got ${JSON.stringify(week)}`);
  const weeks = ctx.weeks();
  const summary = weeks.get(week);
  if (!summary) throw new ProseError(`${name}: no stored summary for week ${week} (data/weeks/${week}.json); run: honeyweek aggregate --week ${week}`);
  return { summary, history: historyBefore(week, weeks) };
}

/** The trailing `lang` argument, when the call passed one; the site's language otherwise. */
function splitLang(ctx: RenderContext, args: unknown[]): { lang: Lang; rest: unknown[] } {
  const last = args[args.length - 1];
  if (last === "ja" || last === "en") return { lang: last, rest: args.slice(0, -1) };
  return { lang: ctx.site.language, rest: args };
}

function subjectOrThrow(name: string, value: unknown): Subject {
  const subject = parseSubject(value);
  if (!subject) throw new ProseError(`${name}: not a subject: ${JSON.stringify(value)} (expected "events", a port, "honeypot:<name>", "country:<CC>" or "cve:<id>")`);
  return subject;
}

const FORBIDDEN_SEGMENTS = new Set(["__proto__", "prototype", "constructor"]);

/** A number from the summary: a subject, or a dotted path of own properties ("totals.events"). */
function valueOf(name: string, summary: WeekSummary, what: unknown): number {
  const subject = parseSubject(what);
  if (subject) return subjectValue(summary, subject);
  if (typeof what !== "string" || what === "") throw new ProseError(`${name}: not a subject or summary path: ${JSON.stringify(what)}`);
  let value: unknown = summary;
  for (const segment of what.split(".")) {
    if (FORBIDDEN_SEGMENTS.has(segment) || value === null || typeof value !== "object" || !Object.hasOwn(value, segment)) {
      throw new ProseError(`${name}: week ${summary.week.id} has no ${JSON.stringify(what)}`);
    }
    value = (value as Record<string, unknown>)[segment];
  }
  if (typeof value !== "number" || !Number.isFinite(value)) throw new ProseError(`${name}: ${JSON.stringify(what)} is not a number`);
  return value;
}

function scopeOf(name: string, value: unknown): CountryScope {
  if (value === "all") return "all";
  const subject = parseSubject(value);
  if (subject?.kind === "port") return subject.port;
  throw new ProseError(`${name}: expected "all" or a port, got ${JSON.stringify(value)}`);
}

function coverageOf(ctx: RenderContext, w: Week) {
  return historyCoverage(w.summary.week.id, w.history, ctx.site.baselineWeeks, w.summary.week.timeZone || ctx.site.timeZone);
}

function categoryOf(name: string, value: unknown): NoveltyCategory {
  if (typeof value === "string" && (NOVELTY_CATEGORIES as string[]).includes(value)) return value as NoveltyCategory;
  throw new ProseError(`${name}: not a category: ${JSON.stringify(value)} (expected one of: ${NOVELTY_CATEGORIES.join(", ")})`);
}

function cveOf(name: string, value: unknown): string {
  const id = typeof value === "string" ? normalizeCveId(value) : "";
  if (!isCveId(id)) throw new ProseError(`${name}: not a CVE id: ${JSON.stringify(value)}`);
  return id;
}

/** "2021-11-03" → "2021/11/3" / "Nov 3, 2021" (KEV dates can be years before the week). */
function fullDate(iso: string, lang: Lang): string {
  const year = iso.slice(0, 4);
  return lang === "ja" ? `${year}/${monthDay(iso, lang)}` : `${monthDay(iso, lang)}, ${year}`;
}

/** The CVE's Exploit-DB findings, when the week's report has them from a readable file. */
function readExploitDb(ctx: RenderContext, name: string, week: unknown, cve: unknown) {
  const w = weekOf(ctx, name, week);
  const found = exploitsFor(w.summary, cveOf(name, cve));
  return found?.sources.exploitDb.status === "ok" ? found.report : undefined;
}

/** One new key as list-item HTML: credentials as "user / password", hashes shortened. */
function newItemHtml(category: NoveltyCategory, key: string, count: number, lang: Lang): string {
  let shown: string;
  if (category === "ports") shown = escapeHtml(key);
  else if (category === "credentials") {
    const [user, password] = splitPair(key);
    shown = `${untrustedCode(user, LIST_VALUE_MAX)} / ${untrustedCode(password, LIST_VALUE_MAX)}`;
  } else shown = untrustedCode(key, category === "downloads" || category === "hassh" ? 16 : LIST_VALUE_MAX);
  const times = lang === "ja" ? `${exact(count, lang)}件` : exact(count, lang);
  return `<li>${shown} <span class="hw-count">(${escapeHtml(times)})</span></li>`;
}

const shortcodes = {
  num(ctx, week, what) {
    const w = weekOf(ctx, "num", week);
    return inline(exact(valueOf("num", w.summary, what), "en"));
  },
  approx(ctx, week, ...args) {
    const { lang, rest } = splitLang(ctx, args);
    const w = weekOf(ctx, "approx", week);
    return inline(approx(valueOf("approx", w.summary, rest[0]), lang));
  },
  atleast(ctx, week, ...args) {
    const { lang, rest } = splitLang(ctx, args);
    const w = weekOf(ctx, "atleast", week);
    return inline(atLeast(valueOf("atleast", w.summary, rest[0]), lang));
  },
  share(ctx, week, what, of = "events") {
    const w = weekOf(ctx, "share", week);
    return inline(percent(valueOf("share", w.summary, what), valueOf("share", w.summary, of)));
  },
  portcount(ctx, week, port) {
    const w = weekOf(ctx, "portcount", week);
    const scope = scopeOf("portcount", port);
    if (scope === "all") throw new ProseError(`portcount: expected a port, got "all"`);
    return inline(exact(subjectValue(w.summary, { kind: "port", port: scope }), "en"));
  },
  baseline(ctx, week, ...args) {
    const { lang, rest } = splitLang(ctx, args);
    const w = weekOf(ctx, "baseline", week);
    const found = baselineOf(w.summary, w.history, coverageOf(ctx, w), subjectOrThrow("baseline", rest[0]));
    return found ? inline(approx(found.average, lang)) : NONE;
  },
  baselineweeks(ctx, week) {
    const w = weekOf(ctx, "baselineweeks", week);
    return inline(String(coverageOf(ctx, w).present.length));
  },
  baselinerange(ctx, week, ...args) {
    const { lang } = splitLang(ctx, args);
    const w = weekOf(ctx, "baselinerange", week);
    const present = coverageOf(ctx, w).present.map((id) => w.history.get(id)!);
    if (!present.length) return NONE;
    return inline(dayRange(present[0]!.week.days[0]!, present[present.length - 1]!.week.days[6]!, lang));
  },
  historyweeks(ctx, week) {
    const w = weekOf(ctx, "historyweeks", week);
    return inline(String(w.history.size));
  },
  topcountry(ctx, week, ...args) {
    const { lang, rest } = splitLang(ctx, args);
    const w = weekOf(ctx, "topcountry", week);
    const top = rankCountries([countriesOf(w.summary, scopeOf("topcountry", rest[0]))])[0];
    return top ? inline(countryInProse(top.key, lang)) : NONE;
  },
  prevtopcountry(ctx, week, ...args) {
    const { lang, rest } = splitLang(ctx, args);
    const w = weekOf(ctx, "prevtopcountry", week);
    const change = topCountryChange(w.summary, w.history, coverageOf(ctx, w), scopeOf("prevtopcountry", rest[0]));
    return change?.before ? inline(countryInProse(change.before.key, lang)) : NONE;
  },
  peakhour(ctx, week, ...args) {
    const { lang } = splitLang(ctx, args);
    const w = weekOf(ctx, "peakhour", week);
    return w.summary.peak ? inline(hourAt(w.summary.peak.start, lang)) : NONE;
  },
  peakcountries(ctx, week, ...args) {
    const { lang, rest } = splitLang(ctx, args);
    const w = weekOf(ctx, "peakcountries", week);
    const count = rest[0] === undefined ? 2 : Number(rest[0]);
    if (!Number.isInteger(count) || count < 1) throw new ProseError(`peakcountries: count must be a whole number ≥ 1, got ${JSON.stringify(rest[0])}`);
    const names = rankCountries([w.summary.peak?.countries ?? null]).slice(0, count).map((c) => countryInProse(c.key, lang));
    return names.length ? inline(joinNames(names, lang, ctx.site.punctuation)) : NONE;
  },
  weekrange(ctx, week, ...args) {
    const { lang } = splitLang(ctx, args);
    const { days } = weekOf(ctx, "weekrange", week).summary.week;
    return inline(dayRange(days[0]!, days[6]!, lang));
  },
  downtime(ctx, week, ...args) {
    const { lang, rest } = splitLang(ctx, args);
    const w = weekOf(ctx, "downtime", week);
    const honeypot = rest[0];
    if (typeof honeypot !== "string" || !isHoneypotName(honeypot)) throw new ProseError(`downtime: not a honeypot name: ${JSON.stringify(honeypot)}`);
    const spans = w.summary.health.outages
      .filter((o) => o.honeypot === honeypot)
      .map((o) => (lang === "ja" ? `${hourAt(o.start, lang)}から${o.hours}時間` : `${o.hours} hours from ${hourAt(o.start, lang)}`));
    return spans.length ? inline(joinNames(spans, lang, ctx.site.punctuation)) : NONE;
  },
  alerts(ctx, week, cve) {
    const w = weekOf(ctx, "alerts", week);
    return inline(exact(subjectValue(w.summary, { kind: "cve", id: cveOf("alerts", cve) }), "en"));
  },
  newcount(ctx, week, category) {
    const w = weekOf(ctx, "newcount", week);
    return inline(String(noveltyOf(w.summary, w.history, coverageOf(ctx, w), categoryOf("newcount", category)).total));
  },
  newlist(ctx, week, ...args) {
    const { lang, rest } = splitLang(ctx, args);
    const w = weekOf(ctx, "newlist", week);
    const category = categoryOf("newlist", rest[0]);
    const found = noveltyOf(w.summary, w.history, coverageOf(ctx, w), category);
    if (!found.items.length) return "";
    const items = found.items.map((item) => newItemHtml(category, item.key, item.count, lang)).join("");
    // Braces too: should this HTML ever pass through a template engine again, "{%" stays text.
    return `<ul class="hw-new hw-new-${category}">${items}</ul>`.replace(/[{}]/g, (c) => `&#${c.charCodeAt(0)};`);
  },
  country(ctx, _week, ...args) {
    const { lang, rest } = splitLang(ctx, args);
    return inline(countryInProse(String(rest[0] ?? ""), lang));
  },
  geoip(ctx, week, ...args) {
    const { lang } = splitLang(ctx, args);
    const { name, built } = weekOf(ctx, "geoip", week).summary.provenance.geoip;
    if (!built) return inline(name);
    if (lang === "en") return inline(`${name} (built ${built})`);
    return inline(ctx.site.punctuation === "ascii" ? `${name}(${built}版)` : `${name}（${built}版）`);
  },
  exploitcount(ctx, week, cve) {
    const found = readExploitDb(ctx, "exploitcount", week, cve);
    return found ? inline(String(found.exploitDb.length + found.exploitDbOmitted)) : NONE;
  },
  exploitkeywords(ctx, week, cve) {
    const found = readExploitDb(ctx, "exploitkeywords", week, cve);
    return found ? inline(String(found.keywordMatches.length + found.keywordMatchesOmitted)) : NONE;
  },
  exploitsince(ctx, week, ...args) {
    const { lang, rest } = splitLang(ctx, args);
    const earliest = readExploitDb(ctx, "exploitsince", week, rest[0])?.exploitDbEarliest;
    return earliest ? inline(fullDate(earliest, lang)) : NONE;
  },
  kevsince(ctx, week, ...args) {
    const { lang, rest } = splitLang(ctx, args);
    const w = weekOf(ctx, "kevsince", week);
    const found = exploitsFor(w.summary, cveOf("kevsince", rest[0]));
    const kev = found?.sources.kev.status === "ok" ? found.report.kev : null;
    return kev ? inline(fullDate(kev.dateAdded, lang)) : NONE;
  },
} satisfies Record<string, (ctx: RenderContext, ...args: any[]) => string>;

export const proseShortcodes: Record<string, Shortcode> = shortcodes;
