/**
 * Everything `.eleventy.js` sets up, in one function: folders, data, Markdown, shortcodes,
 * filters, collections, assets, default pages. Called directly from the config (not through
 * addPlugin: Eleventy refuses folder settings from plugins).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { HtmlBasePlugin } from "@11ty/eleventy";
import rssPlugin from "@11ty/eleventy-plugin-rss";
import { isWeekId } from "../util/week.ts";
import type { Shortcode } from "./context.ts";
import { siteFilters } from "./filters.ts";
import { createMarkdown } from "./markdown.ts";
import { proseShortcodes } from "./prose.ts";
import { ChartCache } from "./chartCache.ts";
import { chartShortcode, PageIds, tableShortcode } from "./shortcodes.ts";
import { geoipSources, uniqueAttributions } from "./attribution.ts";
import { jsonDataParser, WorkspaceContext } from "./siteData.ts";
import { WORLD_ATLAS_DIR, WORLD_ATLAS_FILES } from "./vega.ts";
import { hasSiteSettings, relativeToInput, type SiteDirs } from "./workspace.ts";

/** A file beside a package's entry point (vega and vega-embed export no other paths). */
function besideEntry(pkg: string, file: string): string {
  return join(dirname(fileURLToPath(import.meta.resolve(pkg))), file);
}

/** The subset of Eleventy's UserConfig used here (Eleventy ships no type declarations). */
export interface EleventyConfig {
  setInputDirectory(dir: string): void;
  setOutputDirectory(dir: string): void;
  setUseGitIgnore(use: boolean): void;
  setDataDirectory(dir: string): void;
  setIncludesDirectory(dir: string): void;
  setLayoutsDirectory(dir: string): void;
  setLibrary(name: string, lib: unknown): void;
  addDataExtension(ext: string, parser: (contents: string, filePath: string) => unknown): void;
  addGlobalData(name: string, value: unknown): void;
  addShortcode(name: string, fn: (...args: any[]) => unknown): void;
  addFilter(name: string, fn: (...args: any[]) => unknown): void;
  addCollection(name: string, fn: (api: CollectionApi) => unknown): void;
  addPassthroughCopy(map: Record<string, string>): void;
  addTemplate(path: string, content: string, data?: object): void;
  addPreprocessor(name: string, ext: string, fn: (data: Record<string, unknown>) => unknown): void;
  addWatchTarget(path: string): void;
  addPlugin(plugin: unknown, options?: object): void;
  on(event: string, fn: (...args: any[]) => unknown): void;
  pathPrefix?: string;
}

export interface CollectionItem {
  url: string;
  date: Date;
  inputPath: string;
  data: Record<string, any>;
}

interface CollectionApi {
  getAll(): CollectionItem[];
}

/**
 * The site pages the project provides (in its own reports/). A workspace's reports/ may replace
 * any of them with a file of the same name.
 */
export const DEFAULT_PAGES = ["index.njk", "archive.njk", "tags.njk", "about.njk", "404.njk", "feed.njk", "sitemap.njk"];

/** Posts: templates about a week, oldest first (Eleventy's order: date, then input path). */
export function isPost(item: CollectionItem): boolean {
  return typeof item.data.week === "string" && isWeekId(item.data.week) && !item.data.eleventyExcludeFromCollections;
}

export function configureSite(config: EleventyConfig, dirs: SiteDirs): WorkspaceContext {
  // Folders: the workspace's reports/ and data/, the project's templates/. Eleventy refuses an
  // input folder that does not exist; a new workspace has no posts yet, only the default pages.
  mkdirSync(dirs.inputDir, { recursive: true });
  config.setInputDirectory(dirs.inputDir);
  // Eleventy skips whatever .gitignore names; the demo workspace (.demo/) is git-ignored on
  // purpose, and its posts must still be built. node_modules stays ignored by Eleventy's default.
  config.setUseGitIgnore(false);
  config.setOutputDirectory(dirs.outputDir);
  config.setDataDirectory(relativeToInput(dirs, dirs.dataDir));
  config.setIncludesDirectory(relativeToInput(dirs, dirs.templatesDir));
  config.setLayoutsDirectory(relativeToInput(dirs, join(dirs.templatesDir, "layouts")));

  // Data.
  const ctx = new WorkspaceContext(dirs);
  const ids = new PageIds();
  const cache = new ChartCache(process.env.HONEYWEEK_CHART_CACHE === "0" ? undefined : join(dirs.dir, ".cache", "charts"));
  config.addDataExtension("json", jsonDataParser(dirs));
  if (!hasSiteSettings(dirs)) config.addGlobalData("site", ctx.site);
  config.addGlobalData("lang", () => ctx.site.language);
  config.addGlobalData("layout", "post.njk");
  config.addGlobalData("geoip", () => geoipSources(ctx));
  config.addGlobalData("attributions", () => uniqueAttributions(geoipSources(ctx)));
  config.on("eleventy.before", () => {
    ctx.refresh();
    ids.reset();
    cache.startBuild();
  });
  // Rendering on worker threads was tried and measured slower on a 2-core machine (5.0 s on the
  // main thread, 6.0 s with two workers, 52 posts): Vega loads once per thread, and the data is
  // copied both ways. The cache is what makes rebuilds fast.
  config.on("eleventy.after", () => {
    // Only a full production build has seen every chart; watch builds may render a few pages.
    if (process.env.ELEVENTY_RUN_MODE === "build") cache.prune();
  });

  // Drafts (`draft: true`) are left out of production builds, kept in `serve`.
  config.addPreprocessor("drafts", "*", (data) => {
    if (data.draft && process.env.ELEVENTY_RUN_MODE === "build") return false;
    return undefined;
  });

  config.setLibrary("md", createMarkdown());

  // Shortcodes: charts, tables, and the prose helpers, each bound to the workspace's context.
  const shortcodes: Record<string, Shortcode> = {
    ...proseShortcodes,
    chart: chartShortcode({ ids, cache }),
    table: tableShortcode(),
  };
  for (const [name, fn] of Object.entries(shortcodes)) {
    // Eleventy awaits a shortcode only if it is an async function, not one that returns a promise.
    const bound = isAsync(fn)
      ? async function (this: unknown, ...args: unknown[]) {
          return fn.call(this, ctx, ...args);
        }
      : function (this: unknown, ...args: unknown[]) {
          return fn.call(this, ctx, ...args);
        };
    config.addShortcode(name, bound);
  }

  const pathPrefix = () => config.pathPrefix ?? "/";
  for (const [name, fn] of Object.entries(siteFilters(pathPrefix))) config.addFilter(name, fn);

  config.addCollection("posts", (api) => api.getAll().filter(isPost));
  config.addCollection("postTags", (api) => {
    const tags = new Set<string>();
    for (const post of api.getAll().filter(isPost)) {
      for (const tag of [post.data.tags ?? []].flat()) if (tag !== "posts" && tag !== "all") tags.add(String(tag));
    }
    return [...tags].sort();
  });

  config.addPlugin(HtmlBasePlugin);
  config.addPlugin(rssPlugin);

  // Assets: the project's CSS/JS, and self-hosted Vega (no CDN) and map data.
  config.addPassthroughCopy({
    [join(dirs.templatesDir, "assets")]: "assets",
    [besideEntry("vega", "vega.min.js")]: "assets/vendor/vega.min.js",
    [besideEntry("vega-embed", "vega-embed.min.js")]: "assets/vendor/vega-embed.min.js",
    ...Object.fromEntries(WORLD_ATLAS_FILES.map((f) => [join(WORLD_ATLAS_DIR, f), `assets/world/${f}`])),
  });

  addDefaultPages(config, dirs);
  config.addWatchTarget(join(dirs.projectRoot, "scripts"));
  config.addWatchTarget(dirs.templatesDir);
  return ctx;
}

/** The project's pages, for a workspace that is not the project itself and lacks its own. */
function addDefaultPages(config: EleventyConfig, dirs: SiteDirs): void {
  if (dirs.inputDir === dirs.defaultPagesDir) return;
  const own = new Set(existsSync(dirs.inputDir) ? readdirSync(dirs.inputDir) : []);
  for (const name of DEFAULT_PAGES) {
    const file = join(dirs.defaultPagesDir, name);
    if (own.has(name) || !existsSync(file)) continue;
    config.addTemplate(name, readFileSync(file, "utf8"));
  }
}

function isAsync(fn: Function): boolean {
  return fn.constructor.name === "AsyncFunction";
}
