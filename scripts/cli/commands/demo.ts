/**
 * `honeyweek demo`: the whole pipeline on bundled sample logs, in `.demo/` (git-ignored), apart
 * from the user's own blog: sample logs → every sample week aggregated → posts drafted → site built
 * → served (or the folder named).
 */
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { writeFileAtomic } from "../../util/atomic.ts";
import { exists } from "../../store/weeks.ts";
import { settingsFile } from "../../util/settings.ts";
import { openCountryLookup } from "../../enrich/geo.ts";
import { openWorkspace } from "../workspace.ts";
import { runSample } from "./sample.ts";
import { writeDemoExploitSources } from "./demoSources.ts";
import { runAggregate } from "./aggregate.ts";
import { runDraft } from "./draft.ts";
import { runBuild, runServe } from "./site.ts";
import { info } from "../terminal.ts";
import { EXIT_OK } from "../exit.ts";
import type { SiteSettings } from "../../model/settings.ts";

export const DEMO_DIR = ".demo";

/** The demo blog's settings: the seed post's series, watching RDP and WebLogic as it did. */
export function demoSettings(logRoot: string, exploits: { exploitDbPath: string; kevPath: string }): Partial<SiteSettings> {
  return {
    title: "ハニーポットメモリー (demo)",
    series: "ハニーポットメモリー",
    description: "T-Potの観測結果を毎週まとめるブログ (サンプルデータによるデモ)",
    author: "honeyweek demo",
    language: "ja",
    punctuation: "ascii",
    timeZone: "Asia/Tokyo",
    sensorTimeZone: "UTC",
    watchedPorts: [
      { port: 3389, name: "RDP" },
      { port: 7001, name: "Oracle WebLogic" },
    ],
    watchedCves: [{ id: "CVE-2019-2725", keywords: ["WebLogic"] }],
    baselineWeeks: 2,
    logRoot,
    ...exploits,
    sourceMasking: "/24",
  };
}

export interface DemoOptions {
  serve: boolean;
  scale?: number;
  port?: number;
  pathPrefix?: string;
}

export async function runDemo(projectDir: string, o: DemoOptions): Promise<number> {
  const dir = join(projectDir, DEMO_DIR);
  const logs = join(dir, "logs");
  const site = settingsFile(join(dir, "data"));
  if (!(await exists(site))) {
    const exploits = await writeDemoExploitSources(join(dir, "exploits"));
    await writeFileAtomic(site, JSON.stringify(demoSettings(logs, exploits), null, 2) + "\n");
  }

  const truth = join(logs, "ground-truth.json");
  let weekIds: string[];
  if (await exists(truth)) {
    weekIds = (JSON.parse(await readFile(truth, "utf8")) as { weeks: { id: string }[] }).weeks.map((w) => w.id);
    info(`using sample logs in ${logs}`);
  } else {
    weekIds = (await runSample({ out: logs, scale: o.scale })).manifest.weeks.map((w) => w.id);
  }

  const ws = openWorkspace(dir);
  const geo = await openCountryLookup(ws.settings.geoipCountryDb);
  for (const id of weekIds) {
    // Warnings are expected here: the sample logs carry planted junk lines, reported per week.
    await runAggregate(ws, { logs, week: id, geo });
  }
  for (const id of weekIds) {
    if (await exists(join(ws.reportsDir, `${id}.md`))) continue;
    await runDraft(ws, { week: id });
  }
  await runBuild(ws, { pathPrefix: o.pathPrefix });
  if (o.serve) return runServe(ws, { port: o.port, pathPrefix: o.pathPrefix });
  info(`open ${join(ws.siteDir, "index.html")} (or run: npx honeyweek serve --dir ${DEMO_DIR})`);
  return EXIT_OK;
}
