/**
 * Every table kind a post can name in `{% table "<kind>", week[, limit] %}`, in one table of
 * builders. Most columns hold strings an attacker chose: each goes through untrustedCode()
 * (visible control characters, escaped, shortened, the whole value in a title attribute) and
 * URLs are defanged, never links.
 */
import { splitPair } from "../model/pairs.ts";
import type { SiteSettings } from "../model/settings.ts";
import type { TopList, WeekSummary } from "../model/summary.ts";
import { countryName, portService, type Lang } from "../charts/names.ts";
import { formatShare } from "../charts/time.ts";
import { defangUrl, escapeHtml, untrustedCode } from "./escape.ts";
import type { Cell, TableColumn } from "./htmlTable.ts";
import { t, type StringKey } from "./i18n.ts";

export interface TableInput {
  week: WeekSummary;
  lang: Lang;
  site: SiteSettings;
  /** Rows to show. */
  limit: number;
}

export interface TableData {
  caption: StringKey;
  columns: TableColumn[];
  rows: Cell[][];
  /** Counts not listed, and how many distinct values there were (for the note under the table). */
  other?: { count: number; distinct: number; unit: StringKey };
  /** Whether the cells hold attacker-chosen text (adds a note saying so). */
  untrusted?: boolean;
}

export interface TableKind {
  build(input: TableInput): TableData;
}

/** Display lengths: long enough to recognise a value, short enough for a phone screen. */
const SHORT = 32;
const LONG = 80;

function code(value: string, max: number, lang: Lang): Cell {
  if (value === "") return { html: `<span class="empty-value">${escapeHtml(t("emptyValue", lang))}</span>` };
  return { html: untrustedCode(value, max) };
}

function otherOf(list: TopList, shown: number, unit: StringKey): TableData["other"] {
  const listed = list.items.slice(0, shown).reduce((s, i) => s + i.count, 0);
  return { count: list.total - listed, distinct: list.distinct, unit };
}

/** A TopList of attacker strings as rank / value / count / share. */
function topListTable(caption: StringKey, valueLabel: StringKey, countLabel: StringKey, max: number) {
  return (list: (w: WeekSummary) => TopList): TableKind => ({
    build({ week, lang, limit }) {
      const l = list(week);
      const items = l.items.slice(0, limit);
      return {
        caption,
        untrusted: true,
        columns: [
          { label: t("rank", lang), numeric: true },
          { label: t(valueLabel, lang), className: "wide" },
          { label: t(countLabel, lang), numeric: true },
          { label: t("share", lang), numeric: true },
        ],
        rows: items.map((i, n) => [n + 1, code(i.key, max, lang), i.count, formatShare(i.count, l.total)]),
        other: otherOf(l, limit, countLabel),
      };
    },
  });
}

const CVE_ID = /^CVE-\d{4}-\d{4,7}$/;

export const tableKinds: Readonly<Record<string, TableKind>> = {
  credentials: {
    build({ week, lang, limit }) {
      const l = week.credentials.pairs;
      return {
        caption: "tableCaptionCredentials",
        untrusted: true,
        columns: [
          { label: t("rank", lang), numeric: true },
          { label: t("username", lang), className: "wide" },
          { label: t("password", lang), className: "wide" },
          { label: t("attempts", lang), numeric: true },
        ],
        rows: l.items.slice(0, limit).map((i, n) => {
          const [user, password] = splitPair(i.key);
          return [n + 1, code(user, SHORT, lang), code(password, SHORT, lang), i.count];
        }),
        other: otherOf(l, limit, "attempts"),
      };
    },
  },
  usernames: topListTable("tableCaptionUsernames", "username", "attempts", SHORT)((w) => w.credentials.usernames),
  passwords: topListTable("tableCaptionPasswords", "password", "attempts", SHORT)((w) => w.credentials.passwords),
  commands: topListTable("tableCaptionCommands", "command", "count", LONG)((w) => w.cowrie.commands),
  downloads: {
    build({ week, lang, limit }) {
      const list = week.cowrie.downloads;
      return {
        caption: "tableCaptionDownloads",
        untrusted: true,
        columns: [
          { label: t("rank", lang), numeric: true },
          { label: t("url", lang), className: "wide" },
          { label: t("sha256", lang) },
          { label: t("downloads", lang), numeric: true },
        ],
        rows: list.slice(0, limit).map((d, n) => [
          n + 1,
          code(defangUrl(d.url), LONG, lang),
          d.sha256 ? { html: untrustedCode(d.sha256, 16) } : "",
          d.count,
        ]),
        other: {
          count: list.slice(limit).reduce((s, d) => s + d.count, 0) + week.cowrie.downloadsOther,
          distinct: list.length,
          unit: "downloads",
        },
      };
    },
  },
  signatures: {
    build({ week, lang, limit }) {
      const l = week.suricata.signatures;
      return {
        caption: "tableCaptionSignatures",
        untrusted: true,
        columns: [
          { label: t("sid", lang), numeric: true },
          { label: t("signature", lang), className: "wide" },
          { label: t("alerts", lang), numeric: true },
        ],
        rows: l.items.slice(0, limit).map((i) => {
          const m = /^(\d+) (.*)$/s.exec(i.key);
          return m ? [m[1]!, code(m[2]!, LONG, lang), i.count] : ["", code(i.key, LONG, lang), i.count];
        }),
        other: otherOf(l, limit, "alerts"),
      };
    },
  },
  cves: {
    build({ week, lang, limit }) {
      const l = week.suricata.cves;
      return {
        caption: "tableCaptionCves",
        columns: [{ label: t("cve", lang) }, { label: t("alerts", lang), numeric: true }],
        rows: l.items.slice(0, limit).map((i) => [
          // A well-formed id can only be a CVE id: safe to link to its NVD page.
          CVE_ID.test(i.key)
            ? { html: `<a href="https://nvd.nist.gov/vuln/detail/${i.key}" rel="noopener">${i.key}</a>` }
            : code(i.key, SHORT, lang),
          i.count,
        ]),
        other: otherOf(l, limit, "alerts"),
      };
    },
  },
  ports: {
    build({ week, lang, limit, site }) {
      const total = week.totals.connections;
      return {
        caption: "tableCaptionPorts",
        columns: [
          { label: t("port", lang), numeric: true },
          { label: t("service", lang) },
          { label: t("connections", lang), numeric: true },
          { label: t("uniqueSources", lang), numeric: true },
          { label: t("topCountry", lang) },
          { label: t("share", lang), numeric: true },
        ],
        rows: week.ports.slice(0, limit).map((p) => [
          String(p.port),
          portService(p.port, site) ?? "",
          p.connections,
          p.uniqueSources,
          p.countries.items[0] ? countryName(p.countries.items[0].key, lang) : "",
          formatShare(p.connections, total),
        ]),
        other: {
          count: week.ports.slice(limit).reduce((s, p) => s + p.connections, 0),
          distinct: week.ports.length,
          unit: "connections",
        },
      };
    },
  },
  countries: {
    build({ week, lang, limit }) {
      const l = week.countries;
      return {
        caption: "tableCaptionCountries",
        columns: [
          { label: t("rank", lang), numeric: true },
          { label: t("country", lang) },
          { label: "ISO" },
          { label: t("events", lang), numeric: true },
          { label: t("share", lang), numeric: true },
        ],
        rows: l.items.slice(0, limit).map((i, n) => [n + 1, countryName(i.key, lang), i.key, i.count, formatShare(i.count, l.total)]),
        other: otherOf(l, limit, "events"),
      };
    },
  },
};

export const tableKindNames: readonly string[] = Object.freeze(Object.keys(tableKinds));

export function tableKind(kind: string): TableKind | undefined {
  return Object.hasOwn(tableKinds, kind) ? tableKinds[kind] : undefined;
}
