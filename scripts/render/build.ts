/**
 * The site build, for the command line and tests: Eleventy's programmatic API with the project's
 * `.eleventy.js`, over one workspace.
 *
 *   await buildSite({ dir: ".demo" })                      → .demo/_site/
 *   await buildSite({ dir: ".", pathPrefix: "/blog/" })    → _site/ for https://me.github.io/blog/
 *   const server = await serveSite({ dir: ".demo" })       → live preview; server.close()
 *
 * The workspace reaches `.eleventy.js` through HONEYWEEK_DIR, the same variable a plain
 * `npx @11ty/eleventy` run uses.
 */
import { join, resolve } from "node:path";
import { rm } from "node:fs/promises";
import { recoverSite, swapInSite, tempSiteDir } from "./swap.ts";
import Eleventy from "@11ty/eleventy";
import { normalizePathPrefix, PROJECT_ROOT } from "./workspace.ts";

export interface BuildOptions {
  /** The workspace folder (data/, reports/); output goes to <dir>/_site. */
  dir: string;
  /** URL prefix when the site is not at the root of its host ("/repo/" on GitHub Pages). */
  pathPrefix?: string;
  quiet?: boolean;
}

export interface BuildResult {
  /** HTML pages written. */
  pages: number;
  outDir: string;
}

const CONFIG_PATH = join(PROJECT_ROOT, ".eleventy.js");

/** Runs `fn` with the given environment variables set, then restores them. */
async function withEnv<T>(vars: Record<string, string>, fn: () => Promise<T>): Promise<T> {
  const before = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  Object.assign(process.env, vars);
  try {
    return await fn();
  } finally {
    for (const [k, v] of Object.entries(before)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  }
}

function eleventyFor(opts: { pathPrefix?: string; quiet?: boolean; runMode: "build" | "serve" }) {
  return new Eleventy(undefined, undefined, {
    configPath: CONFIG_PATH,
    quietMode: opts.quiet ?? true,
    runMode: opts.runMode,
    ...(opts.pathPrefix ? { pathPrefix: normalizePathPrefix(opts.pathPrefix) } : {}),
  });
}

interface WriteResult {
  outputPath?: string | false;
}

/**
 * Builds the workspace's site into <dir>/_site. Throws on any template or chart error.
 * The build goes to a temporary folder that replaces _site only when it has succeeded, so a
 * failed or killed build leaves the previous site as it was (see site/swap.ts).
 */
export async function buildSite(opts: BuildOptions): Promise<BuildResult> {
  const dir = resolve(opts.dir);
  const outDir = join(dir, "_site");
  await recoverSite(outDir);
  const tmp = tempSiteDir(outDir);
  try {
    const pages = await withEnv({ HONEYWEEK_DIR: dir, HONEYWEEK_OUT: tmp }, async () => {
      const elev = eleventyFor({ ...opts, runMode: "build" });
      await elev.init();
      const [, templates] = (await elev.write()) as [unknown, WriteResult[]];
      return (templates ?? []).filter((r) => typeof r?.outputPath === "string" && r.outputPath.endsWith(".html")).length;
    });
    await swapInSite(tmp, outDir);
    return { pages, outDir };
  } catch (err) {
    await rm(tmp, { recursive: true, force: true });
    throw err;
  }
}

export interface ServeOptions extends Omit<BuildOptions, "quiet"> {
  port?: number;
}

export interface SiteServer {
  close(): Promise<void>;
}

/**
 * Builds, then serves the workspace with live reload (Eleventy Dev Server), rebuilding when posts,
 * data, templates or scripts change. Drafts are shown. Resolves once serving; the server keeps
 * the process alive until close().
 */
export async function serveSite(opts: ServeOptions): Promise<SiteServer> {
  const dir = resolve(opts.dir);
  // Left set while serving: Eleventy re-reads its config when .eleventy.js changes.
  process.env.HONEYWEEK_DIR = dir;
  const elev = eleventyFor({ ...opts, quiet: false, runMode: "serve" });
  await elev.init();
  await elev.watch();
  await elev.serve(opts.port ?? 8080);
  return {
    async close() {
      await elev.stopWatch();
    },
  };
}
