/**
 * Nunjucks filters the layouts and pages use. Each is small and pure; `this` (Eleventy's filter
 * context) is only read for the page's language.
 */
import { DateTime } from "luxon";
import { countryName, type Lang } from "../charts/names.ts";
import { formatCount, rangeLabel } from "../charts/time.ts";
import type { SiteSettings } from "../model/settings.ts";
import { isLang, t } from "./i18n.ts";

interface FilterThis {
  ctx?: { lang?: unknown; site?: SiteSettings };
}

function langOf(self: FilterThis | undefined, explicit?: unknown): Lang {
  if (isLang(explicit)) return explicit;
  const lang = self?.ctx?.lang;
  if (isLang(lang)) return lang;
  return self?.ctx?.site?.language ?? "ja";
}

/** Front matter dates are UTC midnight (Eleventy's reading of YYYY-MM-DD): keep them as dates. */
function toDate(value: unknown): DateTime {
  if (value instanceof Date) return DateTime.fromJSDate(value, { zone: "utc" });
  return DateTime.fromISO(String(value), { zone: "utc" });
}

/** "2019年6月30日" / "June 30, 2019". */
export function displayDate(value: unknown, lang: Lang): string {
  const d = toDate(value);
  if (!d.isValid) return String(value ?? "");
  return lang === "ja" ? `${d.year}年${d.month}月${d.day}日` : d.setLocale("en").toFormat("MMMM d, yyyy");
}

/** "2019-06-30" for <time datetime>. */
export function isoDate(value: unknown): string {
  const d = toDate(value);
  return d.isValid ? d.toISODate()! : "";
}

/** "2019年6月" / "June 2019" for a "YYYY-MM" key. */
export function displayMonth(key: string, lang: Lang): string {
  const d = DateTime.fromISO(`${key}-01`, { zone: "utc" });
  return lang === "ja" ? `${d.year}年${d.month}月` : d.setLocale("en").toFormat("MMMM yyyy");
}

/** Readable tag names: "port-3389" → "3389番ポート" / "Port 3389"; "cve-2019-2725" → "CVE-2019-2725". */
export function tagLabel(tag: string, lang: Lang): string {
  const port = /^port-(\d+)$/.exec(tag);
  if (port) return lang === "ja" ? `${port[1]}番ポート` : `Port ${port[1]}`;
  if (/^cve-\d{4}-\d+$/i.test(tag)) return tag.toUpperCase();
  if (tag === "weekly") return lang === "ja" ? "週報" : "Weekly";
  return tag;
}

/** URL-safe tag slug for /tags/<slug>/. */
export function tagSlug(tag: string): string {
  return String(tag).toLowerCase().replace(/[^a-z0-9\u3040-\u30ff\u4e00-\u9fff]+/g, "-").replace(/^-|-$/g, "") || "tag";
}

/**
 * The absolute URL of a site path, for the feed, the sitemap and Open Graph: the site's origin
 * (site.url), the path prefix, the path. A site.url that already ends with the prefix is not
 * prefixed twice (ELEVENTY-VEGA.md §2.8).
 */
export function absoluteUrl(path: string, siteUrl: string, pathPrefix: string): string {
  const base = siteUrl.replace(/\/+$/, "");
  const prefix = pathPrefix.replace(/\/+$/, "");
  const rooted = base.endsWith(prefix) ? base : `${base}${prefix}`;
  return `${rooted}/${String(path).replace(/^\/+/, "")}`;
}

/**
 * The site URL without the path prefix, for Eleventy's renderTransforms (which adds the prefix):
 * "https://me.github.io/blog" with prefix "/blog/" → "https://me.github.io/".
 */
export function siteOrigin(siteUrl: string, pathPrefix: string): string {
  const base = siteUrl.replace(/\/+$/, "");
  const prefix = pathPrefix.replace(/\/+$/, "");
  return `${prefix && base.endsWith(prefix) ? base.slice(0, -prefix.length) : base}/`;
}

/**
 * Post HTML for the feed: each chart figure becomes its caption (the inline SVG and the Vega spec
 * are 20–100 KB each and feed readers show neither).
 */
export function feedContent(html: string): string {
  return String(html ?? "")
    .replace(/<figure class="chart[^"]*"[^>]*>.*?<figcaption>(.*?)<\/figcaption>.*?<\/figure>/gs, "<p>[$1]</p>")
    .replace(/<script\b[^>]*>.*?<\/script>/gs, "");
}

export interface MonthGroup<T> {
  /** "YYYY-MM". */
  key: string;
  items: T[];
}

/** Items with a `date`, grouped by month, newest month first (items keep their order). */
export function groupByMonth<T extends { date: Date | string }>(items: readonly T[]): MonthGroup<T>[] {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const key = toDate(item.date).toFormat("yyyy-MM");
    groups.set(key, [...(groups.get(key) ?? []), item]);
  }
  return [...groups].sort((a, b) => b[0].localeCompare(a[0])).map(([key, list]) => ({ key, items: list }));
}

/** The filters, bound for Eleventy (`this` is its filter context). */
export function siteFilters(pathPrefix: () => string): Record<string, (this: FilterThis, ...args: any[]) => unknown> {
  return {
    t(this: FilterThis, key: string, lang?: unknown) {
      return t(key, langOf(this, lang));
    },
    displayDate(this: FilterThis, value: unknown, lang?: unknown) {
      return displayDate(value, langOf(this, lang));
    },
    isoDate(value: unknown) {
      return isoDate(value);
    },
    displayMonth(this: FilterThis, key: string, lang?: unknown) {
      return displayMonth(key, langOf(this, lang));
    },
    tagLabel(this: FilterThis, tag: string, lang?: unknown) {
      return tagLabel(tag, langOf(this, lang));
    },
    tagSlug(tag: string) {
      return tagSlug(tag);
    },
    fullUrl(this: FilterThis, path: string, siteUrl?: string) {
      return absoluteUrl(path, siteUrl ?? this?.ctx?.site?.url ?? "", pathPrefix());
    },
    feedBase(siteUrl: string) {
      return siteOrigin(siteUrl, pathPrefix());
    },
    feedContent(html: string) {
      return feedContent(html);
    },
    groupByMonth(items: { date: Date | string }[]) {
      return groupByMonth(items ?? []);
    },
    weekRange(this: FilterThis, days: string[] | undefined) {
      return days?.length ? rangeLabel(days) : "";
    },
    count(this: FilterThis, n: number, lang?: unknown) {
      return formatCount(Number(n) || 0, langOf(this, lang));
    },
    countryName(this: FilterThis, code: string, lang?: unknown) {
      return countryName(code, langOf(this, lang));
    },
    /** Tags worth showing: "posts" and other collection plumbing left out. */
    visibleTags(tags: unknown) {
      return (Array.isArray(tags) ? tags : tags ? [tags] : []).filter((tag) => tag !== "posts" && tag !== "all");
    },
  };
}
