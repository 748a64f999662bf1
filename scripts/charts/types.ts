/**
 * The shape every chart builder shares. A builder is pure: summaries and settings in, a Vega-Lite
 * spec plus the words around it out. Rendering (Vega → SVG, the figure markup) happens elsewhere
 * (scripts/render/), once per chart.
 */
import type { TopLevelSpec } from "vega-lite";
import type { SiteSettings } from "../model/settings.ts";
import type { WeekSummary } from "../model/summary.ts";
import type { Lang } from "./names.ts";

export interface ChartInput {
  /** The week the chart is about; undefined only for kinds that span weeks (weekly-totals). */
  week: WeekSummary | undefined;
  /** Every stored week by id, oldest first. */
  weeks: ReadonlyMap<string, WeekSummary>;
  site: SiteSettings;
  /** Language of the page the chart appears on. */
  lang: Lang;
  /** Kind-specific arguments after the week id, as written in the post ({% chart "port-weeks", week, 3389 %}). */
  args: readonly unknown[];
}

/** The chart's data as a table: what a screen reader, a printout or a curious reader gets. */
export interface DataTable {
  columns: { label: string; numeric?: boolean }[];
  /** Cells are plain text (escaped when rendered); numbers are formatted by the renderer. */
  rows: (string | number)[][];
}

export interface ChartDrawing {
  kind: "chart";
  /** What the build renders to the static SVG. */
  spec: TopLevelSpec;
  /**
   * What the browser renders instead, when interaction needs marks the static picture does not
   * (hover rules, selections). Default: `spec`.
   */
  interactive?: TopLevelSpec;
  /** Visible caption under the chart. */
  caption: string;
  /** One-sentence description for assistive technology (the root SVG's aria-label). */
  description: string;
  table: DataTable;
  /** TopoJSON files the spec loads by URL (relative to the bundled world-atlas folder). */
  loads?: string[];
}

export interface EmptyChart {
  kind: "empty";
  caption: string;
  /** Why there is nothing to draw ("no RDP connections this week"). */
  message: string;
}

export type ChartResult = ChartDrawing | EmptyChart;

export interface ChartBuilder {
  /** Whether the shortcode must be given a week id. */
  needsWeek: boolean;
  build(input: ChartInput): ChartResult;
}
