/**
 * Post-processing of the SVG string Vega renders, so that it can be inlined into a page:
 * unique, deterministic element ids; an accessible root; fewer bytes for map paths.
 */
import { escapeHtml } from "./escape.ts";

/**
 * Vega numbers `gradient_N` / `clipN` ids from process-wide counters (ELEVENTY-VEGA.md §3.5): two
 * charts on a page could collide, and the same chart renders differently the second time. Every id
 * is renamed `<prefix>N` in order of appearance, with its `url(#…)` and `href="#…"` references.
 */
export function prefixIds(svg: string, prefix: string): string {
  const renamed = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!renamed.has(m[1]!)) renamed.set(m[1]!, `${prefix}${renamed.size}`);
  }
  if (!renamed.size) return svg;
  return svg
    .replace(/(\sid=")([^"]+)(")/g, (all, a, id, b) => (renamed.has(id) ? `${a}${renamed.get(id)}${b}` : all))
    .replace(/url\(#([^)]+)\)/g, (all, id) => (renamed.has(id) ? `url(#${renamed.get(id)})` : all))
    .replace(/(href=")#([^"]+)"/g, (all, a, id) => (renamed.has(id) ? `${a}#${renamed.get(id)}"` : all));
}

/**
 * Vega sets the document role and label on its DOM container, not in toSVG() output
 * (ELEVENTY-VEGA.md §3.4); the static SVG gets them on its root element instead. The fixed
 * width/height attributes become a max size: CSS scales the chart down on narrow screens.
 */
export function accessibleRoot(svg: string, label: string): string {
  return svg.replace(
    /^<svg\b/,
    `<svg role="graphics-document document" aria-roledescription="visualization" aria-label="${escapeHtml(label)}"`,
  );
}

/**
 * Rounds every number in path data to one decimal: Vega writes three, and a tenth of a pixel is
 * below what a screen shows. Halves the bytes of line and area charts.
 */
export function roundPathData(svg: string): string {
  return svg.replace(/ d="([^"]+)"/g, (all, d: string) => ` d="${d.replace(/-?\d*\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10))}"`);
}

/**
 * Rounds the coordinates of path data made only of absolute M/L/Z commands (what d3-geo writes
 * for map shapes) to whole pixels and drops points that then repeat: a world map shrinks to about
 * a third, with no visible change at the chart's size.
 */
export function compactGeoPaths(svg: string): string {
  return svg.replace(/ d="([MLZ0-9.,e-]+)"/g, (all, d: string) => {
    let out = "";
    let last = "";
    for (const seg of d.match(/[MLZ][^MLZ]*/g) ?? []) {
      const command = seg[0]!;
      if (command === "Z") {
        out += "Z";
        last = "";
        continue;
      }
      const [x, y] = seg.slice(1).split(",");
      const point = `${Math.round(Number(x))},${Math.round(Number(y))}`;
      if (command === "L" && point === last) continue;
      out += command + point;
      last = point;
    }
    return ` d="${out}"`;
  });
}
