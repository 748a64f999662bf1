/**
 * "ports": the week's top destination ports by connection events; the site's watched ports are
 * drawn in the accent colour.
 *
 *   {% chart "ports", week %}        top 15
 *   {% chart "ports", week, 20 %}    top 20
 */
import type { TopLevelSpec } from "vega-lite";
import type { ChartBuilder, ChartResult } from "./types.ts";
import { portLabel } from "./names.ts";
import { chartStrings } from "./strings.ts";
import { countArg, countAxis, frame } from "./spec.ts";
import { ACCENT, PALETTE } from "./theme.ts";
import { formatCount, formatShare, rangeLabel } from "./time.ts";

const WATCHED_COLOR = PALETTE[1]!;

export const ports: ChartBuilder = {
  needsWeek: true,
  build({ week, lang, args, site }): ChartResult {
    const s = chartStrings(lang);
    const w = week!;
    const limit = countArg(args[0], 15);
    const top = w.ports.filter((p) => p.connections > 0).slice(0, limit);
    const caption = s.portsCaption(rangeLabel(w.week.days), Math.min(limit, top.length || limit));
    if (!top.length) return { kind: "empty", caption, message: s.noConnections };

    const watched = new Set(site.watchedPorts.map((p) => p.port));
    const total = w.totals.connections;
    const values = top.map((p) => ({
      port: portLabel(p.port, site),
      connections: p.connections,
      share: formatShare(p.connections, total),
      watched: watched.has(p.port),
    }));
    const description = `${caption}: ${values.map((v) => `${v.port} ${formatCount(v.connections, lang)}`).join(", ")}`;
    const spec = {
      ...frame(Math.max(60, values.length * 22), description, 500),
      data: { values },
      encoding: {
        y: { field: "port", type: "nominal", sort: null, title: null },
        x: {
          field: "connections",
          type: "quantitative",
          title: s.connections,
          axis: countAxis(lang),
          scale: { domainMax: Math.ceil(values[0]!.connections * 1.15) },
        },
      },
      layer: [
        {
          mark: { type: "bar" },
          encoding: {
            color: {
              condition: { test: "datum.watched", value: WATCHED_COLOR },
              value: ACCENT,
            },
            tooltip: [
              { field: "port", title: s.port },
              { field: "connections", type: "quantitative", title: s.connections, format: "," },
              { field: "share", title: "%" },
            ],
          },
        },
        {
          mark: { type: "text", align: "left", dx: 4, fontSize: 11 },
          encoding: { text: { field: "connections", type: "quantitative", format: "," } },
        },
      ],
    } as TopLevelSpec;

    return {
      kind: "chart",
      spec,
      caption,
      description,
      table: {
        columns: [{ label: s.port }, { label: s.connections, numeric: true }, { label: "%", numeric: true }],
        rows: values.map((v) => [v.port, v.connections, v.share]),
      },
    };
  },
};
