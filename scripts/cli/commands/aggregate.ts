/** `honeyweek aggregate`: a week of logs → data/weeks/<id>.json */
import { join } from "node:path";
import { aggregateWeek } from "../../aggregate/run.ts";
import { writeSummary } from "../../store/weeks.ts";
import { lastCompleteWeek, weekWindow, type WeekWindow } from "../../util/week.ts";
import type { CountryLookup } from "../../enrich/geo.ts";
import type { Workspace } from "../workspace.ts";
import { terminalProgress } from "../progress.ts";
import { summaryScreen, hasWarnings } from "../report.ts";
import { withLock } from "../lock.ts";
import { info } from "../terminal.ts";
import { EXIT_OK, EXIT_WARNINGS } from "../exit.ts";

export interface AggregateOptions {
  logs?: string;
  files?: string[];
  week: string;
  quiet?: boolean;
  geo?: CountryLookup;
}

export function resolveWeek(week: string, ws: Workspace, now = Date.now()): WeekWindow {
  return week === "last" ? lastCompleteWeek(now, ws.settings.timeZone) : weekWindow(week, ws.settings.timeZone);
}

export async function runAggregate(ws: Workspace, o: AggregateOptions): Promise<number> {
  const window = resolveWeek(o.week, ws);
  const logs = o.files?.length ? { files: o.files } : { root: o.logs ?? ws.settings.logRoot };
  return withLock(join(ws.weeksDir, `.${window.id}.lock`), `honeyweek on week ${window.id}`, async () => {
    const t0 = performance.now();
    const result = await aggregateWeek({
      logs,
      window,
      settings: ws.settings,
      geo: o.geo,
      progress: o.quiet ? undefined : terminalProgress(`reading ${window.id}`),
    });
    const file = await writeSummary(ws.weeksDir, result.summary);
    if (!o.quiet) info(summaryScreen(result.summary, file, (performance.now() - t0) / 1000, result.bytesRead));
    return hasWarnings(result.summary) ? EXIT_WARNINGS : EXIT_OK;
  });
}

