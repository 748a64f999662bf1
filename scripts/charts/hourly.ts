/**
 * "hourly": honeypot events per hour over the week, stacked by honeypot. The overview chart that
 * replaces the seed post's Kibana screenshot ("6/24-6/30のハニーポットの記録").
 *
 *   {% chart "hourly", week %}
 */
import type { TopLevelSpec } from "vega-lite";
import type { WeekSummary } from "../model/summary.ts";
import type { ChartBuilder, ChartResult, DataTable } from "./types.ts";
import { chartStrings } from "./strings.ts";
import { countAxis, fieldRef, frame, sum } from "./spec.ts";
import { honeypotColors, OTHER_COLOR } from "./theme.ts";
import { formatCount, hourLabel, rangeLabel, wallClockMs } from "./time.ts";

/** Honeypots drawn as their own series; the rest are stacked as one "other" band. */
const MAX_SERIES = 6;

interface Series {
  /** Honeypot names (keys of hourly[].byHoneypot) in this band. */
  names: string[];
  label: string;
  color: string;
}

/** The busiest honeypots of the week, then one band for the rest. */
export function hourlySeries(week: WeekSummary, otherLabel: string): Series[] {
  const totals = new Map<string, number>();
  for (const hour of week.hourly) {
    for (const [name, n] of Object.entries(hour.byHoneypot)) totals.set(name, (totals.get(name) ?? 0) + n);
  }
  const ranked = [...totals].filter(([, n]) => n > 0).sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]));
  const own = ranked.length > MAX_SERIES + 1 ? ranked.slice(0, MAX_SERIES) : ranked;
  const rest = ranked.slice(own.length).map(([name]) => name);
  const colors = honeypotColors(own.map(([name]) => name));
  const series: Series[] = own.map(([name], i) => ({
    names: [name],
    label: week.honeypots[name]?.label || name,
    color: colors[i]!,
  }));
  if (rest.length) series.push({ names: rest, label: otherLabel, color: OTHER_COLOR });
  return series;
}

export const hourly: ChartBuilder = {
  needsWeek: true,
  build({ week, lang }): ChartResult {
    const s = chartStrings(lang);
    const w = week!;
    const range = rangeLabel(w.week.days);
    const caption = s.hourlyCaption(range);
    const series = hourlySeries(w, s.other);
    if (!series.length) return { kind: "empty", caption, message: s.noEvents };

    // One wide record per hour (fold in the spec): a quarter of the bytes of one record per band.
    const values = w.hourly.map((hour) => {
      const row: Record<string, number> = { t: wallClockMs(hour.start) };
      for (const band of series) row[band.label] = sum(band.names.map((n) => hour.byHoneypot[n] ?? 0));
      return row;
    });
    const labels = series.map((b) => b.label);
    const description = `${caption}: ${labels.join(", ")}; ${s.events} ${formatCount(w.totals.events, lang)}`;
    const spec = {
      ...frame(260, description),
      data: { values },
      transform: [
        { fold: labels.map(fieldRef), as: ["honeypot", "n"] },
        // Stack in legend order, busiest honeypot at the bottom.
        { calculate: `indexof(${JSON.stringify(labels)}, datum.honeypot)`, as: "order" },
      ],
      mark: { type: "area", interpolate: "linear" },
      encoding: {
        x: {
          field: "t",
          type: "temporal",
          scale: { type: "utc" },
          title: s.timeAxis(w.week.timeZone),
          axis: { format: "%-m/%-d", tickCount: { interval: "day", step: 1 }, labelAlign: "left", grid: true },
        },
        y: { field: "n", type: "quantitative", stack: "zero", title: s.events, axis: countAxis(lang) },
        color: {
          field: "honeypot",
          type: "nominal",
          title: null,
          scale: { domain: labels, range: series.map((b) => b.color) },
        },
        order: { field: "order", type: "quantitative" },
        tooltip: [
          { field: "t", type: "temporal", title: s.timeAxis(w.week.timeZone), format: "%-m/%-d %H:00", scale: { type: "utc" } },
          { field: "honeypot", type: "nominal", title: s.honeypot },
          { field: "n", type: "quantitative", title: s.events, format: "," },
        ],
      },
    } as TopLevelSpec;

    const table: DataTable = {
      columns: [{ label: s.timeAxis(w.week.timeZone) }, ...labels.map((label) => ({ label, numeric: true }))],
      rows: w.hourly.flatMap((hour, i) =>
        hour.events > 0 ? [[hourLabel(hour.start, lang), ...labels.map((l) => values[i]![l] ?? 0)]] : [],
      ),
    };
    return { kind: "chart", spec, caption, description, table };
  },
};
