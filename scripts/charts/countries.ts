/**
 * "countries": the week's top source countries by honeypot events, named in the page's language.
 *
 *   {% chart "countries", week %}        top 10
 *   {% chart "countries", week, 15 %}    top 15
 */
import type { TopLevelSpec } from "vega-lite";
import type { ChartBuilder, ChartResult } from "./types.ts";
import { countryName } from "./names.ts";
import { chartStrings } from "./strings.ts";
import { countArg, countAxis, frame, topItems } from "./spec.ts";
import { ACCENT } from "./theme.ts";
import { formatCount, formatShare, rangeLabel } from "./time.ts";

export const countries: ChartBuilder = {
  needsWeek: true,
  build({ week, lang, args }): ChartResult {
    const s = chartStrings(lang);
    const w = week!;
    const limit = countArg(args[0], 10);
    const items = topItems(w.countries, limit);
    const range = rangeLabel(w.week.days);
    const caption = s.countriesCaption(range, Math.min(limit, items.length || limit));
    if (!items.length) return { kind: "empty", caption, message: s.noCountries };

    const total = w.countries.total;
    const values = items.map((i) => ({
      country: countryName(i.key, lang),
      code: i.key,
      events: i.count,
      share: formatShare(i.count, total),
    }));
    const description = `${caption}: ${values.map((v) => `${v.country} ${formatCount(v.events, lang)}`).join(", ")}`;
    const y = { field: "country", type: "nominal", sort: null, title: null } as const;
    const spec = {
      ...frame(Math.max(60, values.length * 24), description, 500),
      data: { values },
      encoding: {
        y,
        x: {
          field: "events",
          type: "quantitative",
          title: s.events,
          axis: countAxis(lang),
          // Room for the count written after the longest bar.
          scale: { domainMax: Math.ceil(values[0]!.events * 1.15) },
        },
      },
      layer: [
        {
          mark: { type: "bar", color: ACCENT },
          encoding: {
            tooltip: [
              { field: "country", title: s.country },
              { field: "events", type: "quantitative", title: s.events, format: "," },
              { field: "share", title: s.share },
            ],
          },
        },
        {
          mark: { type: "text", align: "left", dx: 4, fontSize: 11 },
          encoding: { text: { field: "events", type: "quantitative", format: "," } },
        },
      ],
    } as TopLevelSpec;

    return {
      kind: "chart",
      spec,
      caption,
      description,
      table: {
        columns: [{ label: s.country }, { label: "ISO" }, { label: s.events, numeric: true }, { label: s.share, numeric: true }],
        rows: [
          ...values.map((v) => [v.country, v.code, v.events, v.share]),
          ...(w.countries.other > 0 ? [[s.other, "", w.countries.other, formatShare(w.countries.other, total)]] : []),
        ],
      },
    };
  },
};
