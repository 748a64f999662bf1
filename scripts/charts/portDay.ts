/**
 * "port-day": connections per destination port and day, as a heatmap (top ports by connections).
 *
 *   {% chart "port-day", week %}        top 12 ports
 *   {% chart "port-day", week, 20 %}    top 20 ports
 */
import type { ChartBuilder, ChartResult } from "./types.ts";
import { heatmapSpec, type HeatCell } from "./heatmap.ts";
import { portLabel } from "./names.ts";
import { chartStrings } from "./strings.ts";
import { countArg } from "./spec.ts";
import { dayLabel, rangeLabel } from "./time.ts";

export const portDay: ChartBuilder = {
  needsWeek: true,
  build({ week, lang, args, site }): ChartResult {
    const s = chartStrings(lang);
    const w = week!;
    const caption = s.portDayCaption(rangeLabel(w.week.days));
    const top = w.ports.filter((p) => p.connections > 0).slice(0, countArg(args[0], 12));
    if (!top.length) return { kind: "empty", caption, message: s.noConnections };

    const days = w.week.days.map((d) => dayLabel(d, lang));
    const rows = top.map((p) => portLabel(p.port, site));
    const cells: HeatCell[] = top.flatMap((p, i) => days.map((column, d) => ({ row: rows[i]!, column, count: p.perDay[d] ?? 0 })));
    const description = `${caption}: ${rows.join(", ")}`;
    return {
      kind: "chart",
      spec: heatmapSpec({ rows, columns: days, cells, rowTitle: s.port, columnTitle: null, countTitle: s.connections, description }),
      caption,
      description,
      table: {
        columns: [{ label: s.port }, ...days.map((label) => ({ label, numeric: true }))],
        rows: top.map((p, i) => [rows[i]!, ...days.map((_, d) => p.perDay[d] ?? 0)]),
      },
    };
  },
};
