/**
 * The `chart` and `table` shortcodes posts call:
 *
 *   {% chart "hourly", week %}   {% chart "port-weeks", week, 3389 %}   {% table "credentials", week %}
 *
 * Both read the week from the RenderContext (data/weeks/<id>.json), take the page's language
 * from its `lang`, and return one line of HTML. A mistake in a post (unknown kind, missing
 * week) fails the build with a message that names the post: a silent blank would be published.
 */
import { chartBuilder, chartKinds } from "../charts/index.ts";
import type { Lang } from "../charts/names.ts";
import { formatCount } from "../charts/time.ts";
import type { WeekSummary } from "../model/summary.ts";
import type { RenderContext, Shortcode } from "./context.ts";
import { escapeHtml } from "./escape.ts";
import { chartFigure } from "./figure.ts";
import { htmlTable } from "./htmlTable.ts";
import { isLang, t } from "./i18n.ts";
import { tableKind, tableKindNames } from "./tables.ts";
import { renderVega } from "./vega.ts";
import { ChartCache, chartKey } from "./chartCache.ts";
import { countArg } from "../charts/spec.ts";

export class ShortcodeError extends Error {}

/** What Eleventy binds `this` to inside a Nunjucks shortcode (the parts used here). */
export interface ShortcodeThis {
  page?: { url?: string | false; inputPath?: string };
  ctx?: { lang?: unknown };
}

/** The page's language: its own `lang`, else the site's. */
export function pageLang(self: ShortcodeThis | undefined, ctx: RenderContext): Lang {
  const lang = self?.ctx?.lang;
  return isLang(lang) ? lang : ctx.site.language;
}

/**
 * Element ids unique within each page and the same on every build: the first hourly chart of
 * 2019-W26 is always "chart-hourly-2019-w26", the second "…-2". Reset before each build.
 */
export class PageIds {
  private used = new Map<string, Set<string>>();

  reset(): void {
    this.used.clear();
  }

  take(pageKey: string, base: string): string {
    let ids = this.used.get(pageKey);
    if (!ids) this.used.set(pageKey, (ids = new Set()));
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base}-${n}`;
    ids.add(id);
    return id;
  }
}

function slug(parts: unknown[]): string {
  return parts
    .filter((p) => p !== undefined && p !== null && p !== "")
    .map((p) => String(p).toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, ""))
    .filter(Boolean)
    .join("-");
}

function where(self: ShortcodeThis | undefined): string {
  return self?.page?.inputPath ? ` in ${self.page.inputPath}` : "";
}

function findWeek(ctx: RenderContext, shortcode: string, weekId: unknown, self: ShortcodeThis | undefined): WeekSummary {
  if (typeof weekId !== "string" || !weekId) {
    throw new ShortcodeError(`${shortcode}${where(self)}: needs a week id as its second argument (e.g. {% ${shortcode.split(" ")[0]} …, week %} with \`week: 2019-W26\` in the front matter), got ${JSON.stringify(weekId)}`);
  }
  const week = ctx.weeks().get(weekId);
  if (!week) {
    throw new ShortcodeError(`${shortcode}${where(self)}: no summary for week ${weekId} (expected data/weeks/${weekId}.json; aggregate that week first)`);
  }
  return week;
}

export interface ShortcodeOptions {
  ids?: PageIds;
  /** Rendered charts by what they were rendered from (default: none, every chart rendered). */
  cache?: ChartCache;
  /** Where Vega warnings go (default: console.warn). */
  warn?: (message: string) => void;
}

/** `{% chart kind, week, …args %}` → a <figure>. */
export function chartShortcode(options: ShortcodeOptions = {}): Shortcode {
  const ids = options.ids ?? new PageIds();
  const warn = options.warn ?? ((m: string) => console.warn(m));
  return async function chart(this: ShortcodeThis | undefined, ctx: RenderContext, kind: unknown, weekId?: unknown, ...args: unknown[]) {
    const builder = chartBuilder(String(kind));
    if (!builder) {
      throw new ShortcodeError(`chart${where(this)}: unknown kind ${JSON.stringify(kind)} (expected one of: ${chartKinds.join(", ")})`);
    }
    const label = `chart "${kind}"`;
    const week = builder.needsWeek || weekId !== undefined ? findWeek(ctx, label, weekId, this) : undefined;
    const lang = pageLang(this, ctx);
    const result = builder.build({ week, weeks: ctx.weeks(), site: ctx.site, lang, args });
    const pageKey = String(this?.page?.url || this?.page?.inputPath || "");
    const id = ids.take(pageKey, slug(["chart", kind, weekId, ...args]));
    if (result.kind === "empty") return chartFigure(result, undefined, { id, kind: String(kind), lang });
    const request = {
      spec: result.spec,
      interactive: result.interactive,
      idPrefix: `${id}-`,
      description: result.description,
      compactPaths: Boolean(result.loads?.length),
    };
    const key = options.cache ? chartKey(request) : "";
    let rendered = options.cache?.get(key);
    if (!rendered) {
      rendered = await renderVega(request.spec, request);
      options.cache?.set(key, rendered);
    }
    for (const w of rendered.warnings) warn(`${label}${where(this)}: ${w}`);
    return chartFigure(result, rendered, { id, kind: String(kind), lang });
  };
}

/** `{% table kind, week[, limit] %}` → a table of the week's top values. */
export function tableShortcode(): Shortcode {
  return function table(this: ShortcodeThis | undefined, ctx: RenderContext, kind: unknown, weekId?: unknown, limit?: unknown) {
    const builder = tableKind(String(kind));
    if (!builder) {
      throw new ShortcodeError(`table${where(this)}: unknown kind ${JSON.stringify(kind)} (expected one of: ${tableKindNames.join(", ")})`);
    }
    const week = findWeek(ctx, `table "${kind}"`, weekId, this);
    const lang = pageLang(this, ctx);
    const data = builder.build({ week, lang, site: ctx.site, limit: countArg(limit, 10, 100) });
    const caption = t(data.caption, lang);
    const cls = `data-table table-${String(kind)}`;
    if (!data.rows.length) {
      return `<div class="${cls} table-empty"><p class="table-title">${escapeHtml(caption)}</p><p>${escapeHtml(t("noRows", lang))}</p></div>`;
    }
    const notes: string[] = [];
    if (data.other && data.other.count > 0) {
      const distinct = t("distinctInAll", lang, { n: formatCount(data.other.distinct, lang) });
      notes.push(`${t("notListed", lang)}: ${t(data.other.unit, lang)} ${formatCount(data.other.count, lang)} (${distinct})`);
    }
    if (data.untrusted) notes.push(t("untrustedNote", lang));
    const note = notes.length ? `<p class="table-note">${notes.map(escapeHtml).join("<br>")}</p>` : "";
    return `<div class="${cls}"><div class="table-scroll">${htmlTable(data.columns, data.rows, lang, { caption })}</div>${note}</div>`;
  };
}
