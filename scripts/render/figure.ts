/**
 * The markup of one chart in a page:
 *
 *   <figure class="chart chart-hourly" id="…">
 *     <div class="chart-view"><svg …static…/></div>
 *     <figcaption>…</figcaption>
 *     <details class="chart-data"><summary>…</summary><table>…</table></details>
 *     <script type="application/json" class="chart-spec">{compiled Vega}</script>
 *   </figure>
 *
 * written as ONE line: markdown-it ends an HTML block at a blank line and would read 4-space
 * indentation as code. templates/assets/charts.js replaces the static SVG with an interactive
 * view when scripts run; without them the static SVG stays.
 */
import type { ChartResult } from "../charts/types.ts";
import type { Lang } from "../charts/names.ts";
import { escapeHtml, jsonForScript } from "./escape.ts";
import { htmlTable } from "./htmlTable.ts";
import { t } from "./i18n.ts";
import type { RenderedChart } from "./vega.ts";

export interface FigureOptions {
  /** Element id, unique on the page; also the prefix of the SVG's own ids. */
  id: string;
  kind: string;
  lang: Lang;
}

export function chartFigure(result: ChartResult, rendered: RenderedChart | undefined, o: FigureOptions): string {
  const caption = `<figcaption>${escapeHtml(result.caption)}</figcaption>`;
  const kindClass = `chart-${o.kind.replace(/[^a-z0-9-]/g, "")}`;
  if (result.kind === "empty" || !rendered) {
    const message = result.kind === "empty" ? result.message : "";
    return `<figure class="chart ${kindClass} chart-empty" id="${escapeHtml(o.id)}"><div class="chart-empty-message"><p>${escapeHtml(message)}</p></div>${caption}</figure>`;
  }
  const table = htmlTable(result.table.columns, result.table.rows, o.lang);
  const details = `<details class="chart-data"><summary>${escapeHtml(t("showData", o.lang))}</summary><div class="table-scroll">${table}</div></details>`;
  const spec = `<script type="application/json" class="chart-spec">${jsonForScript(rendered.vegaSpec)}</script>`;
  return `<figure class="chart ${kindClass}" id="${escapeHtml(o.id)}"><div class="chart-view">${rendered.svg}</div>${caption}${details}${spec}</figure>`;
}
