/**
 * "daily": honeypot events per day (bars) with the number of source addresses (line).
 *
 *   {% chart "daily", week %}
 *
 * The summary has distinct sources per hour, not per day (they cannot be added up), so the line
 * is the day's mean of hourly distinct sources, and says so in its title.
 */
import type { TopLevelSpec } from "vega-lite";
import type { ChartBuilder, ChartResult } from "./types.ts";
import { chartStrings } from "./strings.ts";
import { countAxis, frame, sum, TWO_LINE_LABEL } from "./spec.ts";
import { ACCENT, PALETTE } from "./theme.ts";
import { dayLabel, formatCount, rangeLabel } from "./time.ts";

const LINE_COLOR = PALETTE[1]!;

export const daily: ChartBuilder = {
  needsWeek: true,
  build({ week, lang }): ChartResult {
    const s = chartStrings(lang);
    const w = week!;
    const range = rangeLabel(w.week.days);
    const caption = s.dailyCaption(range);
    if (!w.totals.events) return { kind: "empty", caption, message: s.noEvents };

    // By the hour's local date, not by 24-hour slices: a daylight-saving day has 23 or 25 hours.
    const values = w.week.days.map((date) => {
      const hours = w.hourly.filter((h) => h.start.startsWith(date));
      return {
        day: dayLabel(date, lang),
        events: sum(hours.map((h) => h.events)),
        sources: Math.round(sum(hours.map((h) => h.uniqueSources)) / Math.max(1, hours.length)),
      };
    });
    const days = values.map((v) => v.day);
    const x = { field: "day", type: "ordinal", sort: days, title: null, axis: { labelAngle: 0, labelExpr: TWO_LINE_LABEL } } as const;
    const description = `${caption}: ${values.map((v) => `${v.day} ${formatCount(v.events, lang)}`).join(", ")}`;
    const spec = {
      ...frame(220, description),
      data: { values },
      layer: [
        {
          mark: { type: "bar", color: ACCENT, width: { band: 0.7 } },
          encoding: {
            x,
            y: { field: "events", type: "quantitative", title: s.events, axis: { ...countAxis(lang), titleColor: ACCENT } },
            tooltip: [
              { field: "day", title: s.day },
              { field: "events", type: "quantitative", title: s.events, format: "," },
            ],
          },
        },
        {
          mark: { type: "line", color: LINE_COLOR, strokeWidth: 2, point: { color: LINE_COLOR, size: 40 } },
          encoding: {
            x,
            y: {
              field: "sources",
              type: "quantitative",
              title: s.uniqueSourcesPerHour,
              axis: { ...countAxis(lang), orient: "right", titleColor: LINE_COLOR, grid: false },
            },
            tooltip: [
              { field: "day", title: s.day },
              { field: "sources", type: "quantitative", title: s.uniqueSourcesPerHour, format: "," },
            ],
          },
        },
      ],
      resolve: { scale: { y: "independent" } },
    } as TopLevelSpec;

    return {
      kind: "chart",
      spec,
      caption,
      description,
      table: {
        columns: [{ label: s.day }, { label: s.events, numeric: true }, { label: s.uniqueSourcesPerHour, numeric: true }],
        rows: values.map((v) => [v.day, v.events, v.sources]),
      },
    };
  },
};
