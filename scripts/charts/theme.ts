/**
 * The look shared by every chart: size, fonts, colours. Text and axes use `currentColor`, so the
 * same inline SVG reads in light and dark mode (the page's CSS sets `color`); fills are mid-tone
 * colours that keep their contrast on both backgrounds.
 */
import type { Config } from "vega-lite";

/** Width of the plotting area in CSS pixels; axes and legends add about 60–140 around it. */
export const PLOT_WIDTH = 560;

export const FONT_FAMILY =
  "'Hiragino Sans', 'Hiragino Kaku Gothic ProN', 'Noto Sans CJK JP', 'Noto Sans JP', 'Yu Gothic', Meiryo, system-ui, sans-serif";

/** Tableau 10, reordered so that neighbours differ in lightness as well as hue. */
export const PALETTE = [
  "#4e79a7",
  "#f28e2b",
  "#59a14f",
  "#e15759",
  "#76b7b2",
  "#edc948",
  "#b07aa1",
  "#ff9da7",
  "#9c755f",
  "#bab0ac",
];

/** Colour for the "everything else" series. */
export const OTHER_COLOR = "#9a9a9a";

/** The main single-series colour. */
export const ACCENT = PALETTE[0]!;

/** Sequential scheme for heatmaps and the map: readable on white and on near-black. */
export const SEQUENTIAL_SCHEME = "blues";

/**
 * Fixed colours for the honeypots most T-Pot installs run, so Cowrie is the same blue every week
 * and in every chart; others take the remaining palette colours in order of their event counts.
 */
const HONEYPOT_COLORS: Record<string, string> = {
  cowrie: PALETTE[0]!,
  honeytrap: PALETTE[1]!,
  dionaea: PALETTE[2]!,
  heralding: PALETTE[3]!,
  suricata: PALETTE[4]!,
  adbhoney: PALETTE[5]!,
  tanner: PALETTE[6]!,
  rdpy: PALETTE[7]!,
  mailoney: PALETTE[8]!,
};

/** Colours for a list of honeypot names (most events first), stable for the common ones. */
export function honeypotColors(names: readonly string[]): string[] {
  const taken = new Set(names.map((n) => HONEYPOT_COLORS[n]).filter(Boolean));
  const spare = PALETTE.filter((c) => !taken.has(c));
  let next = 0;
  return names.map((n) => HONEYPOT_COLORS[n] ?? spare[next++ % Math.max(1, spare.length)] ?? OTHER_COLOR);
}

export const CHART_CONFIG: Config = {
  font: FONT_FAMILY,
  background: "transparent",
  view: { stroke: null },
  axis: {
    labelColor: "currentColor",
    titleColor: "currentColor",
    domainColor: "currentColor",
    tickColor: "currentColor",
    domainOpacity: 0.5,
    tickOpacity: 0.5,
    gridColor: "#888888",
    gridOpacity: 0.25,
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: "normal",
  },
  legend: {
    labelColor: "currentColor",
    titleColor: "currentColor",
    labelFontSize: 12,
    titleFontSize: 12,
    titleFontWeight: "normal",
    orient: "top",
    direction: "horizontal",
    symbolType: "square",
  },
  title: { color: "currentColor" },
  text: { color: "currentColor" },
  range: { category: PALETTE },
};
