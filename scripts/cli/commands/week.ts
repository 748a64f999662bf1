/** `honeyweek week`: the weekly routine — aggregate the last complete week, then draft its post. */
import type { Workspace } from "../workspace.ts";
import { runAggregate, resolveWeek } from "./aggregate.ts";
import { runDraft } from "./draft.ts";
import { EXIT_OK } from "../exit.ts";

export async function runWeek(ws: Workspace, o: { logs?: string; week?: string; lang?: "ja" | "en" }): Promise<number> {
  const id = resolveWeek(o.week ?? "last", ws).id;
  const aggregated = await runAggregate(ws, { logs: o.logs, week: id });
  const drafted = await runDraft(ws, { week: id, lang: o.lang });
  return drafted !== EXIT_OK ? drafted : aggregated;
}
