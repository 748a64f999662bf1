/**
 * The performance budget: a year of weekly posts (52, each with the charts and tables a drafted
 * post has) builds in under 10 s on a 2-core machine, from a cold chart cache.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../scripts/render/build.ts";
import { writeFixtureWeeks } from "../fixtures/weeks/write.ts";
import { FIXTURE_SITE } from "./helpers.ts";

const BUDGET_MS = 10_000;

/** What the draft stage writes for a week: the overview, countries, ports, two watched ports, four tables. */
function typicalPost(id: string, lastDay: string): string {
  return `---
title: ハニーポットメモリー ${id}
week: ${id}
date: ${lastDay}
lang: ja
tags: [weekly, port-3389, port-7001]
summary: ${id}の観測結果.
---
## 観測結果

{% chart "hourly", week %}

国別, 宛先ポート別に見ると, 次のようになっています.

{% chart "countries", week %}

{% chart "ports", week %}

## RDP

{% chart "port-weeks", week, 3389 %}

## WebLogic

{% chart "port-weeks", week, 7001 %}

## 詳しい記録

{% table "credentials", week %}

{% table "commands", week %}

{% table "downloads", week %}

{% table "signatures", week %}
`;
}

test(`52 weekly posts build in under ${BUDGET_MS / 1000} s`, async () => {
  const dir = mkdtempSync(join(tmpdir(), "honeyweek-52-"));
  try {
    mkdirSync(join(dir, "data"), { recursive: true });
    mkdirSync(join(dir, "reports"));
    writeFileSync(join(dir, "data", "site.json"), readFileSync(join(FIXTURE_SITE, "data", "site.json")));
    const ids = writeFixtureWeeks(join(dir, "data", "weeks"), "2020-W26", 52);
    for (const id of ids) {
      const summary = JSON.parse(readFileSync(join(dir, "data", "weeks", `${id}.json`), "utf8")) as { week: { days: string[] } };
      writeFileSync(join(dir, "reports", `${id}.md`), typicalPost(id, summary.week.days[6]!));
    }
    const before = process.env.HONEYWEEK_CHART_CACHE;
    process.env.HONEYWEEK_CHART_CACHE = "0";
    const t0 = performance.now();
    const result = await buildSite({ dir, quiet: true });
    const ms = performance.now() - t0;
    if (before === undefined) delete process.env.HONEYWEEK_CHART_CACHE;
    else process.env.HONEYWEEK_CHART_CACHE = before;
    console.log(`  52 posts, ${52 * 5} charts: ${(ms / 1000).toFixed(1)} s`);
    assert.ok(result.pages >= 52 + 4, `${result.pages} pages`);
    assert.ok(ms < BUDGET_MS, `build took ${(ms / 1000).toFixed(1)} s`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test.run();
