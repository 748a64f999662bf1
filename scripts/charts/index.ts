/**
 * Every chart kind a post can name in `{% chart "<kind>", week, … %}`, in one table. Drafts and
 * hand-written posts depend on these names; add kinds, never rename them.
 */
import type { ChartBuilder } from "./types.ts";
import { countries } from "./countries.ts";
import { countryPort } from "./countryPort.ts";
import { daily } from "./daily.ts";
import { hourly } from "./hourly.ts";
import { portDay } from "./portDay.ts";
import { ports } from "./ports.ts";
import { portWeeks } from "./portWeeks.ts";
import { weeklyTotals } from "./weeklyTotals.ts";
import { world } from "./world.ts";

export const chartBuilders: Readonly<Record<string, ChartBuilder>> = {
  hourly,
  daily,
  countries,
  world,
  ports,
  "port-day": portDay,
  "port-weeks": portWeeks,
  "country-port": countryPort,
  "weekly-totals": weeklyTotals,
};

export const chartKinds: readonly string[] = Object.freeze(Object.keys(chartBuilders));

export function chartBuilder(kind: string): ChartBuilder | undefined {
  return Object.hasOwn(chartBuilders, kind) ? chartBuilders[kind] : undefined;
}

export type { ChartBuilder, ChartDrawing, ChartInput, ChartResult, DataTable, EmptyChart } from "./types.ts";
