/**
 * What templates see as global data, and the RenderContext shortcodes read.
 *
 * - `site`: data/site.json with every default filled in (util/settings.ts), url overridable by
 *   HONEYWEEK_SITE_URL (the Pages workflow passes the real origin).
 * - `weeks`: one small entry per data/weeks/<id>.json ({ week, totals, peak }): enough for a
 *   template to print a total, while the full summaries (50–200 KB each) stay out of Eleventy's
 *   data cascade, which would deep-copy them into every page. Shortcodes read the full ones.
 *
 * Both are frozen: Eleventy's merge hands a frozen object on without copying it.
 */
import { statSync } from "node:fs";
import { join } from "node:path";
import type { SiteSettings } from "../model/settings.ts";
import type { WeekSummary } from "../model/summary.ts";
import { loadWeeksSync, parseSummary } from "../store/weeks.ts";
import { loadSettings, normalizeSettings } from "../util/settings.ts";
import { isWeekId } from "../util/week.ts";
import type { RenderContext } from "./context.ts";
import type { SiteDirs } from "./workspace.ts";

export interface WeekIndexEntry {
  week: WeekSummary["week"];
  totals: WeekSummary["totals"];
  peak: WeekSummary["peak"];
  provenance: WeekSummary["provenance"];
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

export function withEnvOverrides(settings: SiteSettings, env: NodeJS.ProcessEnv = process.env): SiteSettings {
  return env.HONEYWEEK_SITE_URL ? { ...settings, url: env.HONEYWEEK_SITE_URL } : settings;
}

export function weekIndexEntry(summary: WeekSummary): WeekIndexEntry {
  return { week: summary.week, totals: summary.totals, peak: summary.peak, provenance: summary.provenance };
}

/**
 * The parser Eleventy uses for every .json data file: site.json and weeks/*.json of the
 * workspace get the treatment above, any other JSON is plain JSON.
 */
export function jsonDataParser(dirs: SiteDirs) {
  const siteFile = join(dirs.dataDir, "site.json");
  return (contents: string, filePath: string): unknown => {
    const path = filePath.replace(/^\.\//, "");
    const absolute = path.startsWith("/") ? path : join(process.cwd(), path);
    if (absolute === siteFile) {
      return deepFreeze(withEnvOverrides(normalizeSettings(JSON.parse(contents), siteFile)));
    }
    const name = absolute.slice(dirs.weeksDir.length + 1, -".json".length);
    if (absolute.startsWith(`${dirs.weeksDir}/`) && isWeekId(name)) {
      // The store's mtime cache: the shortcodes' ctx.weeks() then reuses the same parsed summary.
      const summary = loadWeeksSync(dirs.weeksDir).get(name) ?? parseSummary(contents, absolute);
      return Object.freeze(weekIndexEntry(summary));
    }
    return JSON.parse(contents);
  };
}

/**
 * The RenderContext of one workspace. Settings are re-read when site.json changes and the weeks
 * once per build (serve mode rebuilds on every change; `refresh()` is called before each build).
 */
export class WorkspaceContext implements RenderContext {
  private settings: { mtimeMs: number; value: SiteSettings } | undefined;
  private cachedWeeks: Map<string, WeekSummary> | undefined;

  constructor(private readonly dirs: SiteDirs) {}

  get site(): SiteSettings {
    const file = join(this.dirs.dataDir, "site.json");
    let mtimeMs = -1;
    try {
      mtimeMs = statSync(file).mtimeMs;
    } catch {
      // No site.json: every default.
    }
    if (!this.settings || this.settings.mtimeMs !== mtimeMs) {
      this.settings = { mtimeMs, value: deepFreeze(withEnvOverrides(loadSettings(this.dirs.dataDir))) };
    }
    return this.settings.value;
  }

  weeks(): Map<string, WeekSummary> {
    this.cachedWeeks ??= loadWeeksSync(this.dirs.weeksDir);
    return this.cachedWeeks;
  }

  refresh(): void {
    this.cachedWeeks = undefined;
  }
}
