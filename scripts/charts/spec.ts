/**
 * Small pieces every builder's Vega-Lite spec starts from, and helpers for TopLists.
 */
import type { TopList } from "../model/summary.ts";
import { CHART_CONFIG, PLOT_WIDTH } from "./theme.ts";

/**
 * The top-level properties every chart shares: plot size and the shared theme. Builders add data,
 * marks and encodings. The plot width is fixed and the axes are added around it (Vega's default
 * "pad" autosize): "fit" would pin the outer width but runs the layout twice (measured: 25 → 50 ms
 * for the hourly chart). The page scales the SVG down to its column; the browser re-renders it at
 * the column's width.
 */
export function frame(height: number, description: string, width = PLOT_WIDTH) {
  return {
    $schema: "https://vega.github.io/schema/vega-lite/v6.json",
    description,
    width,
    height,
    padding: 4,
    config: CHART_CONFIG,
  };
}

/**
 * A data key as a Vega-Lite field reference: `.`, `[` and `]` would otherwise be read as nested
 * access, and `\` as an escape.
 */
export function fieldRef(key: string): string {
  return key.replace(/[\\.[\]]/g, (c) => `\\${c}`);
}

/** The first `n` items of a TopList, skipping zero counts. */
export function topItems(list: TopList | undefined, n: number): { key: string; count: number }[] {
  return (list?.items ?? []).filter((i) => i.count > 0).slice(0, n);
}

/** Sum of numbers. */
export function sum(values: readonly number[]): number {
  let total = 0;
  for (const v of values) total += v;
  return total;
}

/** A positive whole number from a shortcode argument ("15" or 15), or the fallback; capped. */
export function countArg(value: unknown, fallback: number, max = 50): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? Math.min(n, max) : fallback;
}

/**
 * Axis labels for counts, the way each language rounds big numbers: Japanese in 万 (10,000)
 * units as the blog writes them ("11万"), English with k/M. Vega's "~s" format would write
 * "0.5k" beside "1k" and knows nothing of 万.
 */
export function countAxis(lang: "ja" | "en") {
  const labelExpr =
    lang === "ja"
      ? "abs(datum.value) >= 10000 ? format(datum.value / 10000, '.3~r') + '万' : format(datum.value, ',')"
      : "abs(datum.value) >= 1e6 ? format(datum.value / 1e6, '.3~r') + 'M' : abs(datum.value) >= 1000 ? format(datum.value / 1000, '.3~r') + 'k' : format(datum.value, ',')";
  // Counts are whole: no "0.5" tick on a small axis.
  return { labelExpr, tickCount: 5, tickMinStep: 1 };
}

/**
 * Axis labels on two lines, for columns that are narrow on a phone: "6/24(月)" → "6/24" / "(月)",
 * "1433 (MSSQL)" → "1433" / "(MSSQL)", "Mon 6/24" → "Mon" / "6/24".
 */
export const TWO_LINE_LABEL =
  "indexof(datum.label, '(') > 0 ? [trim(slice(datum.label, 0, indexof(datum.label, '('))), slice(datum.label, indexof(datum.label, '('))] : split(datum.label, ' ')";

/**
 * Hints for templates/assets/charts.js, carried in the spec's `usermeta`: whether the browser may
 * re-render the chart at the column's width, and whether its height follows (maps).
 */
export interface ChartMeta {
  /** Default true. False: keep the built width and let the figure scroll sideways (heatmaps). */
  responsive?: boolean;
  /** Scale the height with the width. */
  keepAspect?: boolean;
}
