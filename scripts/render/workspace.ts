/**
 * Where the site build reads and writes. A workspace is a folder with `data/` (site.json,
 * weeks/*.json), `reports/` (posts; Eleventy's input) and `_site/` (output). The user's blog is
 * the project root; the demo is `.demo/`. Layouts, assets and the default pages always come
 * from the project, so a workspace holds only the user's own content.
 *
 *   HONEYWEEK_DIR          the workspace (default: the project root; relative to the cwd)
 *   HONEYWEEK_PATH_PREFIX  URL prefix for a GitHub project page, e.g. "/honeypot-blog/"
 *   HONEYWEEK_SITE_URL     site origin for the feed and Open Graph, overriding site.json's url
 *   HONEYWEEK_OUT          where Eleventy writes (default <dir>/_site); buildSite points it at a
 *                          temporary folder and swaps it in when the build has succeeded
 */
import { existsSync } from "node:fs";
import { join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";

/** The project root: two levels above this file (scripts/render/). */
export const PROJECT_ROOT = fileURLToPath(new URL("../../", import.meta.url)).replace(/\/$/, "");

export interface SiteDirs {
  projectRoot: string;
  /** The workspace. */
  dir: string;
  inputDir: string;
  dataDir: string;
  weeksDir: string;
  outputDir: string;
  /** The project's templates/ (layouts in templates/layouts/, assets in templates/assets/). */
  templatesDir: string;
  /** The project's own reports/: the default index, archive, about, 404, feed, sitemap pages. */
  defaultPagesDir: string;
}

export function siteDirs(env: NodeJS.ProcessEnv = process.env): SiteDirs {
  const dir = resolve(env.HONEYWEEK_DIR || PROJECT_ROOT);
  const dataDir = join(dir, "data");
  return {
    projectRoot: PROJECT_ROOT,
    dir,
    inputDir: join(dir, "reports"),
    dataDir,
    weeksDir: join(dataDir, "weeks"),
    outputDir: env.HONEYWEEK_OUT ? resolve(env.HONEYWEEK_OUT) : join(dir, "_site"),
    templatesDir: join(PROJECT_ROOT, "templates"),
    defaultPagesDir: join(PROJECT_ROOT, "reports"),
  };
}

/** Eleventy resolves includes, layouts and data relative to the input folder. */
export function relativeToInput(dirs: SiteDirs, path: string): string {
  return relative(dirs.inputDir, path) || ".";
}

/** "/blog/" from "blog", "/blog", "/blog/"; "/" for none. */
export function normalizePathPrefix(prefix: string | undefined): string {
  const trimmed = (prefix ?? "").trim().replace(/^\/+|\/+$/g, "");
  return trimmed ? `/${trimmed}/` : "/";
}

export function hasSiteSettings(dirs: SiteDirs): boolean {
  return existsSync(join(dirs.dataDir, "site.json"));
}
