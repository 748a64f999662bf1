import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { test } from "uvu";
import * as assert from "uvu/assert";
import { absoluteUrl, displayDate, displayMonth, feedContent, groupByMonth, siteOrigin, tagLabel, tagSlug } from "../../scripts/render/filters.ts";
import { geoipSources, uniqueAttributions } from "../../scripts/render/attribution.ts";
import { jsonDataParser } from "../../scripts/render/siteData.ts";
import { normalizePathPrefix, siteDirs } from "../../scripts/render/workspace.ts";
import { serializeSummary } from "../../scripts/store/weeks.ts";
import { makeWeekSummary } from "../fixtures/weeks/factory.ts";

test("absoluteUrl: origin + prefix + path, never the prefix twice", () => {
  assert.is(absoluteUrl("/2019-W26/", "https://me.github.io", "/"), "https://me.github.io/2019-W26/");
  assert.is(absoluteUrl("/2019-W26/", "https://me.github.io/", "/blog/"), "https://me.github.io/blog/2019-W26/");
  assert.is(absoluteUrl("/2019-W26/", "https://me.github.io/blog", "/blog/"), "https://me.github.io/blog/2019-W26/");
  assert.is(siteOrigin("https://me.github.io/blog/", "/blog/"), "https://me.github.io/");
  assert.is(siteOrigin("https://me.github.io", "/blog/"), "https://me.github.io/");
});

test("normalizePathPrefix", () => {
  assert.is(normalizePathPrefix(undefined), "/");
  assert.is(normalizePathPrefix(""), "/");
  assert.is(normalizePathPrefix("/"), "/");
  assert.is(normalizePathPrefix("blog"), "/blog/");
  assert.is(normalizePathPrefix("/blog"), "/blog/");
});

test("dates and tags in either language", () => {
  assert.is(displayDate("2019-06-30", "ja"), "2019年6月30日");
  assert.is(displayDate(new Date("2019-06-30T00:00:00Z"), "en"), "June 30, 2019");
  assert.is(displayMonth("2019-06", "ja"), "2019年6月");
  assert.is(displayMonth("2019-06", "en"), "June 2019");
  assert.is(tagLabel("port-3389", "ja"), "3389番ポート");
  assert.is(tagLabel("port-3389", "en"), "Port 3389");
  assert.is(tagLabel("cve-2019-2725", "en"), "CVE-2019-2725");
  assert.is(tagSlug("CVE 2019/2725"), "cve-2019-2725");
});

test("groupByMonth: newest month first, items kept in order", () => {
  const items = [{ date: "2019-07-07" }, { date: "2019-06-30" }, { date: "2019-06-23" }];
  assert.equal(
    groupByMonth(items).map((g) => [g.key, g.items.length]),
    [
      ["2019-07", 1],
      ["2019-06", 2],
    ],
  );
});

test("feedContent: a chart becomes its caption; scripts go", () => {
  const html = '<p>a</p><figure class="chart chart-hourly" id="x"><div class="chart-view"><svg></svg></div><figcaption>6/24-6/30の記録</figcaption><details>…</details><script type="application/json" class="chart-spec">{}</script></figure><p>b</p>';
  assert.is(feedContent(html), "<p>a</p><p>[6/24-6/30の記録]</p><p>b</p>");
});

test("data files: site.json gets every default, a week file becomes a small index entry", () => {
  const dir = mkdtempSync(join(tmpdir(), "honeyweek-data-"));
  try {
    mkdirSync(join(dir, "data", "weeks"), { recursive: true });
    const dirs = siteDirs({ HONEYWEEK_DIR: dir });
    const parse = jsonDataParser(dirs);
    const siteJson = JSON.stringify({ title: "T", watchedPorts: [3389] });
    // Eleventy passes paths relative to the working directory, "./"-prefixed.
    const site = parse(siteJson, "./" + relative(process.cwd(), join(dir, "data", "site.json"))) as Record<string, unknown>;
    assert.is(site.title, "T");
    assert.is(site.timeZone, "Asia/Tokyo");
    assert.equal(site.watchedPorts, [{ port: 3389, name: "3389" }]);
    assert.ok(Object.isFrozen(site), "frozen: Eleventy hands it on without copying");

    const text = serializeSummary(makeWeekSummary("2019-W26"));
    const weekPath = join(dir, "data", "weeks", "2019-W26.json");
    writeFileSync(weekPath, text);
    const entry = parse(text, weekPath) as Record<string, unknown>;
    assert.equal(Object.keys(entry).sort(), ["peak", "provenance", "totals", "week"]);
    assert.equal(parse('{"a":1}', join(dir, "data", "other.json")), { a: 1 });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test("attribution: DB-IP's CC BY 4.0 line, RouteViews and DB-IP for the ASN table, MaxMind's for GeoLite2", () => {
  const week = (geoip: string, asn?: string) => {
    const w = makeWeekSummary("2019-W26");
    w.provenance.geoip = { name: geoip, built: null };
    if (asn) w.provenance.asn = { name: asn, built: null };
    return w;
  };
  const weeks = new Map([
    ["a", week("DB-IP IP-to-Country Lite (2024-06)", "IP to ASN Lite (RouteViews, DB-IP)")],
    ["b", week("GeoLite2-Country (GeoLite2-Country.mmdb)")],
  ]);
  const sources = geoipSources({ weeks: () => weeks });
  assert.is(sources.length, 3);
  assert.equal(
    uniqueAttributions(sources).map((a) => a.text),
    [
      "IP geolocation by DB-IP (https://db-ip.com), CC BY 4.0",
      "IP to ASN data by RouteViews (https://www.routeviews.org) and DB-IP (https://db-ip.com), CC BY 4.0",
      "This product includes GeoLite2 data created by MaxMind, available from https://www.maxmind.com",
    ],
  );
});

test.run();
