/**
 * "country-port": connections by source country (rows) and destination port (columns), from each
 * top port's own country list. Who knocks on which door.
 *
 *   {% chart "country-port", week %}          top 8 ports × top 10 countries
 *   {% chart "country-port", week, 6, 8 %}    top 6 ports × top 8 countries
 */
import type { ChartBuilder, ChartResult } from "./types.ts";
import { heatmapSpec, type HeatCell } from "./heatmap.ts";
import { countryName, portLabel } from "./names.ts";
import { chartStrings } from "./strings.ts";
import { countArg } from "./spec.ts";
import { rangeLabel } from "./time.ts";

export const countryPort: ChartBuilder = {
  needsWeek: true,
  build({ week, lang, args, site }): ChartResult {
    const s = chartStrings(lang);
    const w = week!;
    const caption = s.countryPortCaption(rangeLabel(w.week.days));
    const ports = w.ports.filter((p) => p.connections > 0 && p.countries.items.length).slice(0, countArg(args[0], 8, 20));
    if (!ports.length) return { kind: "empty", caption, message: s.noConnections };

    // Countries ranked by their connections over the ports shown.
    const byCountry = new Map<string, number>();
    for (const p of ports) for (const i of p.countries.items) byCountry.set(i.key, (byCountry.get(i.key) ?? 0) + i.count);
    const codes = [...byCountry]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, countArg(args[1], 10, 30))
      .map(([code]) => code);
    const rows = codes.map((c) => countryName(c, lang));
    const columns = ports.map((p) => portLabel(p.port, site));
    const cells: HeatCell[] = [];
    codes.forEach((code, r) =>
      ports.forEach((p, c) =>
        cells.push({ row: rows[r]!, column: columns[c]!, count: p.countries.items.find((i) => i.key === code)?.count ?? 0 }),
      ),
    );
    const description = `${caption}: ${rows.join(", ")} × ${columns.join(", ")}`;
    return {
      kind: "chart",
      spec: heatmapSpec({ rows, columns, cells, rowTitle: s.country, columnTitle: s.port, countTitle: s.connections, description }),
      caption,
      description,
      table: {
        columns: [{ label: s.country }, ...columns.map((label) => ({ label, numeric: true }))],
        rows: rows.map((row, r) => [row, ...ports.map((_, c) => cells[r * ports.length + c]!.count)]),
      },
    };
  },
};
