import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import { buildSite } from "../../scripts/render/build.ts";
import { fixtureWorkspace } from "./helpers.ts";

interface Built {
  dir: string;
  read(path: string): string;
}

function built(dir: string): Built {
  return { dir, read: (path) => readFileSync(join(dir, "_site", path), "utf8") };
}

const Site = suite<{ plain?: Built; prefixed?: Built; firstBuild?: string }>("site build");

Site.before(async (context) => {
  const plain = fixtureWorkspace();
  const prefixed = fixtureWorkspace();
  const a = await buildSite({ dir: plain, quiet: true });
  await buildSite({ dir: prefixed, pathPrefix: "/honeypot-blog/", quiet: true });
  assert.is(a.outDir, join(plain, "_site"));
  assert.is(a.pages, 10, "index, 2 posts, archive, about, 404, 4 tag pages");
  context.plain = built(plain);
  context.prefixed = built(prefixed);
  // Build the same workspace again: the pages must not change.
  context.firstBuild = context.plain.read("2019-W26/index.html");
  await buildSite({ dir: plain, quiet: true });
});

Site.after((context) => {
  for (const b of [context.plain, context.prefixed]) if (b) rmSync(b.dir, { recursive: true, force: true });
});

Site("pages, assets and self-hosted Vega are written; the draft is not", ({ plain }) => {
  for (const path of [
    "index.html",
    "2019-W26/index.html",
    "2019-W25/index.html",
    "archive/index.html",
    "about/index.html",
    "404.html",
    "feed.xml",
    "sitemap.xml",
    "tags/port-3389/index.html",
    "assets/site.css",
    "assets/charts.js",
    "assets/vendor/vega.min.js",
    "assets/vendor/vega-embed.min.js",
    "assets/world/countries-110m.json",
    "assets/world/land-110m.json",
  ]) {
    assert.ok(existsSync(join(plain!.dir, "_site", path)), path);
  }
  assert.not.ok(existsSync(join(plain!.dir, "_site", "2019-W24")), "draft left out of a production build");
  assert.not.match(plain!.read("index.html"), /href="\/2019-W24\//);
});

Site("a post: language, title, Open Graph, charts, tables, footnotes", ({ plain }) => {
  const html = plain!.read("2019-W26/index.html");
  assert.match(html, /<html lang="ja">/);
  assert.match(html, /<title>ハニーポットメモリー【3】【6\/24-6\/30】 \| ハニーポットメモリー<\/title>/);
  assert.match(html, /<meta property="og:url" content="https:\/\/example\.github\.io\/2019-W26\/">/);
  assert.match(html, /<meta property="og:description" content="6\/24-6\/30の観測結果/);
  assert.is((html.match(/<figure class="chart /g) ?? []).length, 9);
  assert.is((html.match(/class="chart-spec"/g) ?? []).length, 9);
  assert.is((html.match(/<div class="data-table /g) ?? []).length, 9);
  assert.match(html, /<figcaption>6\/24-6\/30のハニーポットの記録<\/figcaption>/);
  assert.ok(!/<p><figure|<p><div class="data-table/.test(html), "shortcode output is not wrapped in <p>");
  assert.match(html, /<sup class="footnote-ref"><a href="#fn1" id="fnref1">\*1<\/a><\/sup>/);
  assert.match(html, /<script src="\/assets\/vendor\/vega\.min\.js" defer><\/script>/);
  assert.match(plain!.read("2019-W25/index.html"), /<html lang="en">[\s\S]*<figcaption>Honeypot events, 6\/17-6\/23<\/figcaption>/);
});

Site("attacker strings reach the page escaped: no markup, no template evaluation, no link", ({ plain }) => {
  const html = plain!.read("2019-W26/index.html");
  assert.not.match(html, /<script>alert/);
  assert.not.match(html, /alert\(2\)<\/script>/);
  assert.not.match(html, /"onerror="/);
  assert.not.match(html, /x"onmouseover="/);
  assert.match(html, /\{\{ 7\*7 \}\}/, "Nunjucks syntax from an attacker is shown, not run");
  assert.match(html, /\{% raw %\}/);
  assert.not.match(html, /href="[^"]*evil/);
  assert.not.match(html, /href="hxxp/);
  // Every inline script element is either an external file or a JSON chart spec.
  for (const m of html.matchAll(/<script\b([^>]*)>([^<]*)<\/script>/g)) {
    assert.ok(/src="/.test(m[1]!) || /type="application\/json"/.test(m[1]!), m[0].slice(0, 80));
  }
});

Site("index: latest post, trend chart, posts newest first", ({ plain }) => {
  const html = plain!.read("index.html");
  assert.match(html, /<h3 class="latest-title"><a href="\/2019-W26\/">/);
  assert.match(html, /<figure class="chart chart-weekly-totals"/);
  assert.ok(html.indexOf('href="/2019-W26/"') < html.indexOf('href="/2019-W25/"'));
});

Site("about: the GeoIP attribution the bundled DB-IP database requires", ({ plain }) => {
  assert.match(plain!.read("about/index.html"), /IP geolocation by DB-IP \(https:\/\/db-ip\.com\), CC BY 4\.0/);
});

Site("feed: Atom with summaries and absolute links, without the chart payload", ({ plain }) => {
  const feed = plain!.read("feed.xml");
  assert.match(feed, /^<\?xml version="1\.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www\.w3\.org\/2005\/Atom" xml:lang="ja">/);
  assert.is((feed.match(/<entry>/g) ?? []).length, 2);
  assert.match(feed, /<summary>6\/24-6\/30の観測結果/);
  assert.match(feed, /<link href="https:\/\/example\.github\.io\/2019-W26\/" rel="alternate"/);
  assert.not.match(feed, /chart-spec|&lt;svg|<svg/);
  assert.match(feed, /\[6\/24-6\/30のハニーポットの記録\]/, "a chart becomes its caption");
  assert.ok(feed.length < 100_000, `feed is ${feed.length} bytes`);
});

Site("sitemap lists the posts with absolute URLs", ({ plain }) => {
  const sitemap = plain!.read("sitemap.xml");
  assert.match(sitemap, /<loc>https:\/\/example\.github\.io\/2019-W26\/<\/loc>/);
  assert.not.match(sitemap, /2019-W24/);
});

Site("path prefix: links, assets and feed URLs carry it", ({ prefixed }) => {
  const html = prefixed!.read("2019-W26/index.html");
  assert.match(html, /href="\/honeypot-blog\/assets\/site\.css"/);
  assert.match(html, /src="\/honeypot-blog\/assets\/charts\.js"/);
  assert.match(html, /href="\/honeypot-blog\/archive\/"/);
  assert.match(html, /<link rel="canonical" href="https:\/\/example\.github\.io\/honeypot-blog\/2019-W26\/">/);
  assert.not.match(html, /href="\/(archive|about|assets|2019)/);
  const feed = prefixed!.read("feed.xml");
  assert.match(feed, /<link href="https:\/\/example\.github\.io\/honeypot-blog\/2019-W26\/" rel="alternate"/);
  assert.not.match(feed, /honeypot-blog\/honeypot-blog/);
  assert.match(prefixed!.read("404.html"), /href="\/honeypot-blog\/"/);
});

Site("builds are reproducible: building again gives byte-identical pages", ({ plain, firstBuild }) => {
  const again = plain!.read("2019-W26/index.html");
  assert.ok(firstBuild!.length > 100_000);
  // assert.ok, not assert.is: a diff of a 400 KB page helps no one.
  assert.ok(again === firstBuild, "second build differs from the first");
});

Site.run();

const Empty = suite("site build of an empty workspace");

Empty("a workspace with no data and no posts gets the default pages, in the default language", async () => {
  const dir = mkdtempSync(join(tmpdir(), "honeyweek-empty-"));
  try {
    const result = await buildSite({ dir, quiet: true });
    assert.is(result.pages, 4, "index, archive, about, 404");
    const index = readFileSync(join(dir, "_site", "index.html"), "utf8");
    assert.match(index, /<html lang="ja">/);
    assert.match(index, /まだ記事はありません/);
    assert.not.match(index, /chart-weekly-totals/);
    assert.ok(existsSync(join(dir, "_site", "feed.xml")));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

Empty.run();
