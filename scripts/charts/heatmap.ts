/**
 * The heatmap both "port-day" and "country-port" draw: one cell per (row, column), darker for more,
 * with the count written in the cell.
 */
import type { TopLevelSpec } from "vega-lite";
import { frame, TWO_LINE_LABEL, type ChartMeta } from "./spec.ts";

export interface HeatCell {
  row: string;
  column: string;
  count: number;
}

export interface HeatmapOptions {
  rows: string[];
  columns: string[];
  cells: HeatCell[];
  rowTitle: string | null;
  columnTitle: string | null;
  countTitle: string;
  description: string;
}

/** Above this share of the largest count a cell is dark enough to need white text. */
const DARK_CELL = 0.55;

export function heatmapSpec(o: HeatmapOptions): TopLevelSpec {
  const max = Math.max(1, ...o.cells.map((c) => c.count));
  const cellWidth = Math.max(40, Math.min(80, Math.floor(560 / Math.max(1, o.columns.length))));
  return {
    ...frame(o.rows.length * 24, o.description, cellWidth * o.columns.length),
    // Cells stay readable: on a narrow screen the figure scrolls instead of shrinking.
    usermeta: { responsive: false } satisfies ChartMeta,
    data: { values: o.cells },
    encoding: {
      x: {
        field: "column",
        type: "ordinal",
        sort: o.columns,
        title: o.columnTitle,
        // "1433 (MSSQL)" on two lines, so neighbouring columns' labels do not run into each other.
        // At the bottom: Vega grows multi-line labels downwards, into the cells of a top axis.
        axis: { orient: "bottom", labelAngle: 0, domain: false, ticks: false, labelExpr: TWO_LINE_LABEL, labelLineHeight: 13 },
      },
      y: { field: "row", type: "ordinal", sort: o.rows, title: o.rowTitle, axis: { domain: false, ticks: false } },
    },
    layer: [
      {
        mark: { type: "rect", stroke: "#888888", strokeOpacity: 0.2 },
        encoding: {
          color: {
            field: "count",
            type: "quantitative",
            // sqrt: one huge port (22) must not wash out every other cell.
            scale: { type: "sqrt", range: ["#f0f5fb", "#1f4e8c"], domainMin: 0 },
            legend: null,
          },
          tooltip: [
            { field: "row", title: o.rowTitle ?? "" },
            { field: "column", title: o.columnTitle ?? "" },
            { field: "count", type: "quantitative", title: o.countTitle, format: "," },
          ],
        },
      },
      {
        transform: [{ filter: "datum.count > 0" }],
        mark: { type: "text", fontSize: 10.5 },
        encoding: {
          text: { field: "count", type: "quantitative", format: "," },
          color: { condition: { test: `sqrt(datum.count / ${max}) > ${DARK_CELL}`, value: "#ffffff" }, value: "#1a1a1a" },
        },
      },
    ],
  } as TopLevelSpec;
}
