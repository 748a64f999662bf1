/** Shared fixtures for the site tests: a RenderContext over synthetic weeks, and a built workspace. */
import { cpSync, mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { SiteSettings } from "../../scripts/model/settings.ts";
import type { WeekSummary } from "../../scripts/model/summary.ts";
import type { RenderContext } from "../../scripts/render/context.ts";
import { normalizeSettings } from "../../scripts/util/settings.ts";
import { makeWeekSummary, weekIds, type WeekOptions } from "../fixtures/weeks/factory.ts";
import { writeFixtureWeeks } from "../fixtures/weeks/write.ts";

export const FIXTURE_SITE = new URL("../fixtures/site/", import.meta.url).pathname;

export const SITE: SiteSettings = normalizeSettings({
  watchedPorts: [
    { port: 3389, name: "RDP" },
    { port: 7001, name: "WebLogic" },
  ],
});

/** A context over weeks 2019-W24..W26 (or `count` weeks ending with `last`). */
export function fixtureContext(options: WeekOptions & { last?: string; count?: number; site?: SiteSettings } = {}): RenderContext {
  const weeks = new Map<string, WeekSummary>();
  for (const id of weekIds(options.last ?? "2019-W26", options.count ?? 3)) weeks.set(id, makeWeekSummary(id, options));
  return { site: options.site ?? SITE, weeks: () => weeks };
}

/** What Eleventy binds `this` to in a shortcode, for a page in `lang`. */
export function pageThis(lang: "ja" | "en" = "ja", url = "/2019-W26/") {
  return { ctx: { lang }, page: { url, inputPath: "./reports/2019-W26.md" } };
}

/** A copy of tests/fixtures/site with three weeks of data, in a fresh temporary folder. */
export function fixtureWorkspace(): string {
  const dir = mkdtempSync(join(tmpdir(), "honeyweek-site-"));
  cpSync(FIXTURE_SITE, dir, { recursive: true });
  writeFixtureWeeks(join(dir, "data", "weeks"), "2019-W26", 3);
  return dir;
}
