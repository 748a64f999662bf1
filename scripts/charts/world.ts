/**
 * "world": the week's source countries on a world map (bundled world-atlas 110m TopoJSON; the
 * build reads it from node_modules, the browser from the site's own copy; never the network).
 *
 *   {% chart "world", week %}
 *
 * Land is one grey shape; only the countries in the summary's top list are drawn on top of it,
 * which keeps the inline SVG near 60 KB instead of 180 KB for every border.
 */
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import type { TopLevelSpec } from "vega-lite";
import type { ChartBuilder, ChartResult } from "./types.ts";
import { ISO_NUMERIC } from "./isoNumeric.ts";
import { countryName } from "./names.ts";
import { chartStrings } from "./strings.ts";
import { countAxis, frame, topItems, type ChartMeta } from "./spec.ts";
import { formatCount, formatShare, rangeLabel } from "./time.ts";

export const LAND_FILE = "land-110m.json";
export const COUNTRIES_FILE = "countries-110m.json";

/** Numeric ids of the countries the atlas draws (Singapore, Hong Kong … are too small at 110m). */
const ATLAS_IDS: ReadonlySet<string> = (() => {
  const require = createRequire(import.meta.url);
  const topo = JSON.parse(readFileSync(require.resolve(`world-atlas/${COUNTRIES_FILE}`), "utf8")) as {
    objects: { countries: { geometries: { id?: string }[] } };
  };
  return new Set(topo.objects.countries.geometries.map((g) => g.id).filter((id): id is string => Boolean(id)));
})();

/** Width and half height of the Equal Earth projection of the sphere at scale 1 (d3-geo). */
const EQUAL_EARTH_WIDTH = 5.41326;
const EQUAL_EARTH_HALF_HEIGHT = 1.31736;
/** The plot width (560) × the projection's aspect, less the band below 60°S. */
const MAP_HEIGHT = 240;

/** Light to dark orange-red: the busiest countries stay visible on a white and on a dark page. */
const RANGE = ["#fdd49e", "#d7301f"];

export const world: ChartBuilder = {
  needsWeek: true,
  build({ week, lang }): ChartResult {
    const s = chartStrings(lang);
    const w = week!;
    const caption = s.worldCaption(rangeLabel(w.week.days));
    const items = topItems(w.countries, 200);
    const total = w.countries.total;
    const rows = items.map((i) => ({
      id: ISO_NUMERIC[i.key] ?? "",
      code: i.key,
      country: countryName(i.key, lang),
      events: i.count,
      share: formatShare(i.count, total),
    }));
    const mapped = rows.filter((r) => ATLAS_IDS.has(r.id));
    if (!mapped.length) return { kind: "empty", caption, message: s.noCountries };

    const description = `${caption}: ${mapped
      .slice(0, 10)
      .map((r) => `${r.country} ${formatCount(r.events, lang)}`)
      .join(", ")}`;
    const spec = {
      ...frame(MAP_HEIGHT, description),
      usermeta: { keepAspect: true } satisfies ChartMeta,
      // Scale from the width, not fitted to the data: the whole world at any size (the browser
      // re-renders at the column's width), cropped at 60°S where Antarctica has no attackers.
      projection: {
        type: "equalEarth",
        scale: { expr: `width / ${EQUAL_EARTH_WIDTH}` },
        translate: { expr: `[width / 2, width / ${EQUAL_EARTH_WIDTH} * ${EQUAL_EARTH_HALF_HEIGHT}]` },
      },
      layer: [
        {
          data: { url: LAND_FILE, format: { type: "topojson", feature: "land" } },
          mark: { type: "geoshape", fill: "#888888", fillOpacity: 0.28, stroke: null, aria: false, clip: true },
        },
        {
          data: { values: mapped },
          transform: [
            {
              lookup: "id",
              from: { data: { url: COUNTRIES_FILE, format: { type: "topojson", feature: "countries" } }, key: "id" },
              as: "geo",
            },
          ],
          mark: { type: "geoshape", stroke: "#ffffff", strokeWidth: 0.4, strokeOpacity: 0.6, clip: true },
          encoding: {
            shape: { field: "geo", type: "geojson" },
            color: {
              field: "events",
              type: "quantitative",
              scale: { type: "sqrt", range: RANGE, zero: false },
              legend: { title: s.events, labelExpr: countAxis(lang).labelExpr, tickCount: 3, orient: "bottom", direction: "horizontal", gradientLength: 180 },
            },
            tooltip: [
              { field: "country", title: s.country },
              { field: "events", type: "quantitative", title: s.events, format: "," },
              { field: "share", title: s.share },
            ],
            description: { field: "country" },
          },
        },
      ],
    } as TopLevelSpec;

    return {
      kind: "chart",
      spec,
      caption,
      description,
      loads: [LAND_FILE, COUNTRIES_FILE],
      table: {
        columns: [{ label: s.country }, { label: "ISO" }, { label: s.events, numeric: true }, { label: s.share, numeric: true }],
        rows: [
          ...rows.map((r) => [r.country, r.code, r.events, r.share]),
          ...(w.countries.other > 0 ? [[s.other, "", w.countries.other, formatShare(w.countries.other, total)]] : []),
        ],
      },
    };
  },
};
