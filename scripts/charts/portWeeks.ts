/**
 * "port-weeks": one port, this week's connections per day beside the previous N weeks' (N =
 * site.baselineWeeks): the seed post's two RDP screenshots ("6/11-6/23" and "6/24-6/30") in one
 * chart, with each period's weekly average in the table.
 *
 *   {% chart "port-weeks", week, 3389 %}
 *
 * A week with no stored summary is a gap ("no data"), not zeros: the sensor may have been off.
 */
import type { TopLevelSpec } from "vega-lite";
import type { WeekSummary } from "../model/summary.ts";
import { shiftWeek, weekWindow } from "../util/week.ts";
import type { ChartBuilder, ChartResult } from "./types.ts";
import { portLabel, portService } from "./names.ts";
import { chartStrings } from "./strings.ts";
import { countAxis, frame, sum } from "./spec.ts";
import { OTHER_COLOR, PALETTE } from "./theme.ts";
import { dayLabel, formatCount, monthDay, rangeLabel } from "./time.ts";

export class ChartArgumentError extends Error {}

/** A port number from a shortcode argument; throws with the post's mistake in the message. */
export function portArg(value: unknown, kind: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new ChartArgumentError(`chart "${kind}" needs a port number as its third argument, got ${JSON.stringify(value)}`);
  }
  return port;
}

const THIS_WEEK_COLOR = PALETTE[1]!;

export const portWeeks: ChartBuilder = {
  needsWeek: true,
  build({ week, weeks, lang, args, site }): ChartResult {
    const s = chartStrings(lang);
    const w = week!;
    const port = portArg(args[0], "port-weeks");
    const label = portLabel(port, site);
    const n = site.baselineWeeks;
    const earlierIds = Array.from({ length: n }, (_, i) => shiftWeek(w.week.id, n - i, w.week.timeZone));
    const earlier = earlierIds.map((id) => weeks.get(id));
    const firstDay = weekWindow(earlierIds[0]!, w.week.timeZone).days[0]!;
    const beforeRange = `${monthDay(firstDay)}-${monthDay(previousDay(w.week.days[0]!))}`;
    const range = rangeLabel(w.week.days);
    const caption = s.portWeeksCaption(port, portService(port, site), beforeRange, range);
    const previousLabel = s.previousWeeks(beforeRange, n);
    const thisLabel = s.thisWeek(range);

    const perDay = (summary: WeekSummary | undefined) => summary?.ports.find((p) => p.port === port)?.perDay;
    const values: { date: string; day: string; connections: number | null; period: string }[] = [];
    earlier.forEach((summary, i) => {
      const days = summary?.week.days ?? weekWindow(earlierIds[i]!, w.week.timeZone).days;
      const counts = summary ? perDay(summary) ?? [0, 0, 0, 0, 0, 0, 0] : null;
      days.forEach((d, j) => values.push({ date: monthDay(d), day: dayLabel(d, lang), connections: counts ? counts[j] ?? 0 : null, period: previousLabel }));
    });
    const thisCounts = perDay(w) ?? [0, 0, 0, 0, 0, 0, 0];
    w.week.days.forEach((d, j) => values.push({ date: monthDay(d), day: dayLabel(d, lang), connections: thisCounts[j] ?? 0, period: thisLabel }));

    if (!values.some((v) => (v.connections ?? 0) > 0)) return { kind: "empty", caption, message: s.portWeeksNoPort(String(port)) };

    const stored = earlier.filter((x): x is WeekSummary => Boolean(x));
    const previousAverage = stored.length ? Math.round(sum(stored.map((x) => sum(perDay(x) ?? []))) / stored.length) : null;
    const thisTotal = sum(thisCounts);
    const description = `${caption}: ${previousLabel} ${previousAverage === null ? s.missingWeek : formatCount(previousAverage, lang)}/${s.week}, ${thisLabel} ${formatCount(thisTotal, lang)}`;

    // A week with no summary gets "no data" written over the middle of its gap.
    const notes = earlier.flatMap((summary, i) =>
      summary ? [] : [{ date: values[i * 7 + 3]!.date, note: s.missingWeek }],
    );
    const x = {
      field: "date",
      type: "ordinal",
      sort: null,
      // Every day on the axis, also those of a week with no summary: the gap shows it.
      scale: { domain: values.map((v) => v.date) },
      title: null,
      // "6/24" without the weekday: 21 labels side by side. The tooltip and the table have it.
      axis: { labelAngle: -90, labelFontSize: 10 },
    };
    const bars = {
      data: { values },
      mark: { type: "bar", width: { band: 0.75 } },
      encoding: {
        x,
        y: { field: "connections", type: "quantitative", title: s.connections, axis: countAxis(lang) },
        color: {
          field: "period",
          type: "nominal",
          title: null,
          scale: { domain: [previousLabel, thisLabel], range: [OTHER_COLOR, THIS_WEEK_COLOR] },
        },
        tooltip: [
          { field: "day", title: s.day },
          { field: "connections", type: "quantitative", title: s.connections, format: "," },
          { field: "period", title: s.period },
        ],
      },
    };
    const gaps = {
      data: { values: notes },
      mark: { type: "text", baseline: "bottom", dy: -6, fontSize: 11, opacity: 0.7 },
      encoding: { x, y: { datum: 0, type: "quantitative" }, text: { field: "note" } },
    };
    const spec = { ...frame(220, description), layer: notes.length ? [bars, gaps] : [bars] } as TopLevelSpec;

    return {
      kind: "chart",
      spec,
      caption,
      description,
      table: {
        columns: [{ label: s.day }, { label: s.period }, { label: s.connections, numeric: true }],
        rows: [
          ...values.map((v) => [v.day, v.period, v.connections === null ? s.missingWeek : v.connections]),
          [`${previousLabel}: ${s.week}`, "", previousAverage === null ? s.missingWeek : previousAverage],
          [`${thisLabel}: ${s.week}`, "", thisTotal],
        ],
      },
    };
  },
};

/** "2019-06-24" → "2019-06-23". */
function previousDay(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}
