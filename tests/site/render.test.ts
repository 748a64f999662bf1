import { test } from "uvu";
import * as assert from "uvu/assert";
import { accessibleRoot, compactGeoPaths, prefixIds, roundPathData } from "../../scripts/render/svg.ts";
import { chartShortcode, PageIds } from "../../scripts/render/shortcodes.ts";
import { estimateTextWidth } from "../../scripts/render/textWidth.ts";
import { fixtureContext, pageThis } from "./helpers.ts";

const ctx = fixtureContext();
const chart = (self: object, ...args: unknown[]) => chartShortcode({ warn: () => {} }).call(self, ctx, ...args) as Promise<string>;

test("prefixIds: every id and every reference renamed, in order of appearance", () => {
  const svg = '<svg><defs><linearGradient id="gradient_7"/><clipPath id="clip12"/></defs><rect fill="url(#gradient_7)" clip-path="url(#clip12)"/><use href="#clip12"/></svg>';
  assert.is(
    prefixIds(svg, "c-"),
    '<svg><defs><linearGradient id="c-0"/><clipPath id="c-1"/></defs><rect fill="url(#c-0)" clip-path="url(#c-1)"/><use href="#c-1"/></svg>',
  );
});

test("accessibleRoot: role and an escaped label on the root <svg>", () => {
  assert.is(
    accessibleRoot('<svg width="1">', 'a "b" <c>'),
    '<svg role="graphics-document document" aria-roledescription="visualization" aria-label="a &quot;b&quot; &lt;c&gt;" width="1">',
  );
});

test("path compaction: one decimal for charts, whole pixels without repeats for maps", () => {
  assert.is(roundPathData('<path d="M1.234,5.678L2.25,3"/>'), '<path d="M1.2,5.7L2.3,3"/>');
  assert.is(compactGeoPaths('<path d="M1.2,1.4L1.4,1.1L3.6,1ZM5,5L6,6Z"/>'), '<path d="M1,1L4,1ZM5,5L6,6Z"/>');
});

test("text width: wide characters count as 1 em, Latin narrower", () => {
  assert.is(estimateTextWidth("アメリカ合衆国", 10), 70);
  assert.ok(estimateTextWidth("Netherlands", 10) < 0.8 * 11 * 10, "narrower than Vega's 0.8 em guess");
});

test("two renders of the same chart are byte-identical (ids do not depend on process-wide counters)", async () => {
  const first = await chart(pageThis("ja", "/a/"), "world", "2019-W26");
  const second = await chart(pageThis("ja", "/b/"), "world", "2019-W26");
  assert.ok(first.length > 1000);
  assert.is(first, second);
});

test("charts on one page get distinct ids, also for the same chart twice", async () => {
  const ids = new PageIds();
  const sc = chartShortcode({ ids, warn: () => {} });
  const self = pageThis();
  const html = [
    await sc.call(self, ctx, "daily", "2019-W26"),
    await sc.call(self, ctx, "daily", "2019-W26"),
    await sc.call(self, ctx, "port-weeks", "2019-W26", 3389),
  ].join("");
  const figureIds = [...html.matchAll(/<figure [^>]*id="([^"]+)"/g)].map((m) => m[1]);
  assert.equal(figureIds, ["chart-daily-2019-w26", "chart-daily-2019-w26-2", "chart-port-weeks-2019-w26-3389"]);
  const svgIds = [...html.matchAll(/ id="([^"]+)"/g)].map((m) => m[1]!);
  assert.is(new Set(svgIds).size, svgIds.length, "no duplicate id on the page");
  ids.reset();
  assert.is(ids.take("/x/", "a"), "a");
});

test("figure markup: one line, no blank line, no 4-space indent, static SVG + table + escaped spec", async () => {
  const html = await chart(pageThis(), "hourly", "2019-W26");
  assert.not.match(html, /\n/);
  assert.not.match(html, / {4}/);
  assert.match(html, /^<figure class="chart chart-hourly" id="chart-hourly-2019-w26"><div class="chart-view"><svg /);
  assert.match(html, /<figcaption>6\/24-6\/30のハニーポットの記録<\/figcaption>/);
  assert.match(html, /<details class="chart-data"><summary>データを表で見る<\/summary><div class="table-scroll"><table>/);
  const spec = /<script type="application\/json" class="chart-spec">(.*?)<\/script><\/figure>$/.exec(html);
  assert.ok(spec, "compiled spec in a JSON script");
  assert.not.match(spec![1]!, /</);
  const parsed = JSON.parse(spec![1]!);
  assert.ok(Array.isArray(parsed.data) && Array.isArray(parsed.marks), "a compiled Vega spec, not Vega-Lite");
});

test("an empty week renders the empty state figure", async () => {
  const empty = fixtureContext({ scale: 0 });
  const html = (await chartShortcode().call(pageThis(), empty, "hourly", "2019-W26")) as string;
  assert.match(html, /<figure class="chart chart-hourly chart-empty" id="chart-hourly-2019-w26"><div class="chart-empty-message"><p>この週に記録されたイベントはありません.<\/p><\/div><figcaption>/);
  assert.not.match(html, /chart-spec/);
});

test("mistakes in a post fail with a message that names the post", async () => {
  await chart(pageThis(), "pie", "2019-W26").then(
    () => assert.unreachable("should throw"),
    (err: Error) => assert.match(err.message, /chart in \.\/reports\/2019-W26\.md: unknown kind "pie" \(expected one of: hourly, daily/),
  );
  await chart(pageThis(), "hourly", "2018-W01").then(
    () => assert.unreachable("should throw"),
    (err: Error) => assert.match(err.message, /no summary for week 2018-W01 \(expected data\/weeks\/2018-W01\.json/),
  );
  await chart(pageThis(), "hourly").then(
    () => assert.unreachable("should throw"),
    (err: Error) => assert.match(err.message, /needs a week id/),
  );
});

test.run();
