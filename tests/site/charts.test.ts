import { test } from "uvu";
import * as assert from "uvu/assert";
import { chartBuilders, chartKinds } from "../../scripts/charts/index.ts";
import type { ChartInput } from "../../scripts/charts/types.ts";
import { renderVega } from "../../scripts/render/vega.ts";
import { makeWeekSummary } from "../fixtures/weeks/factory.ts";
import { fixtureContext, SITE } from "./helpers.ts";

const ctx = fixtureContext();
const week = ctx.weeks().get("2019-W26")!;
const empty = makeWeekSummary("2019-W26", { scale: 0 });

function input(kind: string, overrides: Partial<ChartInput> = {}): ChartInput {
  return { week, weeks: ctx.weeks(), site: SITE, lang: "ja", args: kind === "port-weeks" ? [3389] : [], ...overrides };
}

test("the registry has every chart kind posts use", () => {
  assert.equal([...chartKinds].sort(), [
    "countries",
    "country-port",
    "daily",
    "hourly",
    "port-day",
    "port-weeks",
    "ports",
    "weekly-totals",
    "world",
  ]);
});

for (const kind of Object.keys(chartBuilders)) {
  test(`${kind}: draws the fixture week as SVG, in Japanese and English, without Vega warnings`, async () => {
    for (const lang of ["ja", "en"] as const) {
      const result = chartBuilders[kind]!.build(input(kind, { lang }));
      assert.is(result.kind, "chart", `${kind} ${lang}`);
      if (result.kind !== "chart") return;
      assert.ok(result.caption.length > 3);
      assert.ok(result.table.rows.length > 0, "data table has rows");
      const rendered = await renderVega(result.spec, { idPrefix: `t-${kind}-`, description: result.description, compactPaths: Boolean(result.loads) });
      assert.equal(rendered.warnings, [], `${kind} ${lang} warnings`);
      assert.match(rendered.svg, /^<svg role="graphics-document document" aria-roledescription="visualization" aria-label="/);
      assert.not.match(rendered.svg, /\n/, "one line");
      // Aggregated before charting: a chart is tens of KB, not hundreds.
      assert.ok(rendered.svg.length < 90_000, `${kind}: ${rendered.svg.length} bytes of SVG`);
    }
  });

  test(`${kind}: an empty week gives an explicit empty state`, () => {
    const weeks = new Map([["2019-W26", empty]]);
    const result = chartBuilders[kind]!.build(input(kind, { week: kind === "weekly-totals" ? undefined : empty, weeks: kind === "weekly-totals" ? new Map() : weeks }));
    assert.is(result.kind, "empty");
    if (result.kind === "empty") assert.ok(result.message.length > 5);
  });
}

test("hourly: caption in the blog's words and the week's honeypots as series", () => {
  const result = chartBuilders.hourly!.build(input("hourly"));
  assert.is(result.caption, "6/24-6/30のハニーポットの記録");
  assert.is(chartBuilders.hourly!.build(input("hourly", { lang: "en" })).caption, "Honeypot events, 6/24-6/30");
  if (result.kind !== "chart") throw new Error("no chart");
  assert.is(result.table.columns[1]!.label, "Cowrie", "busiest honeypot first");
  assert.is(result.table.columns.at(-1)!.label, "その他", "the rest in one band");
});

test("hourly: honeypot labels are unique field names, whatever T-Pot calls them", () => {
  const odd = structuredClone(week);
  odd.honeypots.cowrie!.label = "t";
  odd.honeypots.dionaea!.label = "Honeytrap";
  const result = chartBuilders.hourly!.build(input("hourly", { week: odd }));
  if (result.kind !== "chart") throw new Error("no chart");
  const labels = result.table.columns.slice(1).map((c) => c.label);
  assert.is(new Set(labels).size, labels.length);
  assert.ok(labels.includes("t (cowrie)"));
});

test("countries: names in the page's language, unknown as 不明", () => {
  const ja = chartBuilders.countries!.build(input("countries", { args: [20] }));
  const en = chartBuilders.countries!.build(input("countries", { args: [20], lang: "en" }));
  if (ja.kind !== "chart" || en.kind !== "chart") throw new Error("no chart");
  const names = (r: typeof ja) => (r.kind === "chart" ? r.table.rows.map((row) => row[0]) : []);
  assert.ok(names(ja).includes("中国") && names(ja).includes("不明"));
  assert.ok(names(en).includes("China") && names(en).includes("Unknown"));
});

test("port-weeks: this week beside the previous site.baselineWeeks weeks; a missing week is a gap", () => {
  const result = chartBuilders["port-weeks"]!.build(input("port-weeks"));
  if (result.kind !== "chart") throw new Error("no chart");
  assert.is(result.caption, "3389番ポート (RDP)への接続: 6/10-6/23と6/24-6/30");
  assert.is(result.table.rows.length, 21 + 2, "three weeks of days and two averages");
  const onlyThisWeek = chartBuilders["port-weeks"]!.build(input("port-weeks", { weeks: new Map([["2019-W26", week]]) }));
  if (onlyThisWeek.kind !== "chart") throw new Error("no chart");
  assert.ok(onlyThisWeek.table.rows.some((row) => row[2] === "データなし"));
});

test("port-weeks: a bad port argument names the mistake", () => {
  assert.throws(() => chartBuilders["port-weeks"]!.build(input("port-weeks", { args: ["rdp"] })), /port number.*"rdp"/);
});

test("port-weeks: a port never seen is an empty state, not an empty chart", () => {
  const result = chartBuilders["port-weeks"]!.build(input("port-weeks", { args: [9] }));
  assert.is(result.kind, "empty");
});

test("weekly-totals: every week, or the weeks up to the given one", () => {
  const all = chartBuilders["weekly-totals"]!.build(input("weekly-totals", { week: undefined }));
  const upTo = chartBuilders["weekly-totals"]!.build(input("weekly-totals", { week: ctx.weeks().get("2019-W25") }));
  if (all.kind !== "chart" || upTo.kind !== "chart") throw new Error("no chart");
  assert.is(all.table.rows.length, 3);
  assert.is(upTo.table.rows.length, 2);
});

test.run();
