/**
 * A workspace is a folder with the blog's `data/` (site.json, weeks/), `reports/` (posts) and
 * `_site/` (built output). The user's blog is the project root; the demo lives in `.demo/`, so
 * trying the demo never puts sample weeks or posts into the user's blog.
 */
import { join, resolve } from "node:path";
import { loadSettings } from "../util/settings.ts";
import type { SiteSettings } from "../model/settings.ts";

export interface Workspace {
  dir: string;
  dataDir: string;
  weeksDir: string;
  reportsDir: string;
  siteDir: string;
  settings: SiteSettings;
}

export function openWorkspace(dir: string): Workspace {
  const abs = resolve(dir);
  const dataDir = join(abs, "data");
  return {
    dir: abs,
    dataDir,
    weeksDir: join(dataDir, "weeks"),
    reportsDir: join(abs, "reports"),
    siteDir: join(abs, "_site"),
    settings: loadSettings(dataDir),
  };
}
