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
  // Labels become field names of the chart's rows: each must be unique and not "t" (the hour).
  const used = new Set<string>(["t"]);
  const unique = (label: string, name: string) => {
    const chosen = used.has(label) ? `${label} (${name})` : label;
    used.add(chosen);
    return chosen;
  };
  const series: Series[] = own.map(([name], i) => ({
    names: [name],
    label: unique(week.honeypots[name]?.label || name, name),
    color: colors[i]!,
  }));
  if (rest.length) series.push({ names: rest, label: unique(otherLabel, "*"), color: OTHER_COLOR });
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
    const timeTitle = s.timeAxis(w.week.timeZone);
    const x = {
      field: "t",
      type: "temporal",
      scale: { type: "utc" },
      title: timeTitle,
      // A tick at each local midnight, listed rather than computed by Vega (cheaper, and exact).
      axis: { format: "%-m/%-d", values: w.week.days.map((d) => Date.parse(`${d}T00:00:00Z`)), labelAlign: "left", grid: true },
    };
    const area = {
      transform: [
        { fold: labels.map(fieldRef), as: ["honeypot", "n"] },
        // Stack in legend order: the busiest honeypot on the axis, where its shape reads best.
        { calculate: `indexof(${JSON.stringify(labels)}, datum.honeypot)`, as: "order" },
      ],
      mark: { type: "area", interpolate: "linear" },
      encoding: {
        x,
        y: { field: "n", type: "quantitative", stack: "zero", title: s.events, axis: countAxis(lang) },
        color: { field: "honeypot", type: "nominal", title: null, scale: { domain: labels, range: series.map((b) => b.color) } },
        order: { field: "order", type: "quantitative" },
      },
    };
    const spec = { ...frame(260, description), data: { values }, layer: [area] } as TopLevelSpec;
    // In the browser: a rule under the pointer with every honeypot's count for that hour. An area
    // mark alone would show one datum per series, and the static SVG needs no invisible rules.
    const hover = {
      params: [{ name: "hover", select: { type: "point", fields: ["t"], nearest: true, on: "pointerover", clear: "pointerout" } }],
      mark: { type: "rule", strokeWidth: 6 },
      encoding: {
        x,
        opacity: { condition: { param: "hover", empty: false, value: 0.35 }, value: 0 },
        color: { value: "#888888" },
        tooltip: [
          { field: "t", type: "temporal", title: timeTitle, format: "%-m/%-d %H:00", scale: { type: "utc" } },
          ...labels.map((label) => ({ field: fieldRef(label), type: "quantitative", title: label, format: "," })),
        ],
      },
    };
    const interactive = { ...frame(260, description), data: { values }, layer: [area, hover] } as TopLevelSpec;

    const table: DataTable = {
      columns: [{ label: s.timeAxis(w.week.timeZone) }, ...labels.map((label) => ({ label, numeric: true }))],
      rows: w.hourly.flatMap((hour, i) =>
        hour.events > 0 ? [[hourLabel(hour.start, lang), ...labels.map((l) => values[i]![l] ?? 0)]] : [],
      ),
    };
    return { kind: "chart", spec, interactive, caption, description, table };
  },
};
