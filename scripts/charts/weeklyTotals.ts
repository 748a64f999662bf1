/**
 * "weekly-totals": honeypot events per week across every stored week (the index page's trend),
 * or up to a given week when a post shows it.
 *
 *   {% chart "weekly-totals" %}          every week
 *   {% chart "weekly-totals", week %}    weeks up to and including this one
 */
import type { TopLevelSpec } from "vega-lite";
import type { ChartBuilder, ChartResult } from "./types.ts";
import { chartStrings } from "./strings.ts";
import { countAxis, frame } from "./spec.ts";
import { ACCENT } from "./theme.ts";
import { formatCount, rangeLabel, wallClockMs } from "./time.ts";

export const weeklyTotals: ChartBuilder = {
  needsWeek: false,
  build({ week, weeks, lang }): ChartResult {
    const s = chartStrings(lang);
    const caption = s.weeklyTotalsCaption;
    const shown = [...weeks.values()].filter((x) => !week || x.week.id <= week.week.id);
    if (!shown.length) return { kind: "empty", caption, message: s.noData };

    const values = shown.map((x) => ({
      t: wallClockMs(x.week.start),
      week: x.week.id,
      range: rangeLabel(x.week.days),
      events: x.totals.events,
      sources: x.totals.uniqueSources,
    }));
    const last = values.at(-1)!;
    const description = `${caption}: ${values.length} ${s.week}, ${last.range} ${formatCount(last.events, lang)}`;
    const spec = {
      ...frame(200, description),
      data: { values },
      encoding: {
        x: {
          field: "t",
          type: "temporal",
          scale: { type: "utc", padding: 12 },
          title: s.weekStart,
          axis: {
            // The year only where it changes: on the first tick and on January ticks.
            labelExpr: "datum.index === 0 || utcmonth(datum.value) === 0 ? utcFormat(datum.value, '%Y/%-m/%-d') : utcFormat(datum.value, '%-m/%-d')",
            labelOverlap: true,
            // A tick per week while there are few; Vega's own (days, months) beyond that.
            ...(values.length <= 16 ? { values: values.map((v) => v.t) } : {}),
          },
        },
        y: { field: "events", type: "quantitative", title: s.events, axis: countAxis(lang), scale: { zero: true } },
        tooltip: [
          { field: "week", title: s.week },
          { field: "range", title: s.day },
          { field: "events", type: "quantitative", title: s.events, format: "," },
        ],
      },
      layer: [
        { mark: { type: "line", color: ACCENT, strokeWidth: 2 } },
        { mark: { type: "point", color: ACCENT, filled: true, size: values.length > 30 ? 20 : 50 } },
      ],
    } as TopLevelSpec;

    return {
      kind: "chart",
      spec,
      caption,
      description,
      table: {
        columns: [{ label: s.week }, { label: s.day }, { label: s.events, numeric: true }],
        rows: values.map((v) => [v.week, v.range, v.events]),
      },
    };
  },
};
