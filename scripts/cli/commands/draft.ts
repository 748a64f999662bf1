/** `honeyweek draft`: a stored week → reports/<id>.md, never over a post that exists. */
import { join } from "node:path";
import { readFile } from "node:fs/promises";
import { loadWeeks, weekFile, exists } from "../../store/weeks.ts";
import { createFileAtomic } from "../../util/atomic.ts";
import { draftPost, renderDiff, focusFromFrontMatter } from "../../draft/index.ts";
import type { Workspace } from "../workspace.ts";
import { listPosts, seriesNumber } from "../posts.ts";
import { resolveWeek } from "./aggregate.ts";
import { info, out } from "../terminal.ts";
import { EXIT_FAILED, EXIT_OK } from "../exit.ts";

export interface DraftOptions {
  week: string;
  lang?: "ja" | "en";
  /** Write here instead of reports/<id>.md (also refused if it exists). */
  out?: string;
  /** When the post exists, print a diff of the new draft against it instead of failing. */
  diff?: boolean;
  quiet?: boolean;
}

export class DraftError extends Error {}

export async function runDraft(ws: Workspace, o: DraftOptions): Promise<number> {
  const id = resolveWeek(o.week, ws).id;
  const weeks = await loadWeeks(ws.weeksDir);
  const summary = weeks.get(id);
  if (!summary) {
    throw new DraftError(`no summary for week ${id} in ${weekFile(ws.weeksDir, id)}; run: honeyweek aggregate --week ${id}`);
  }
  const history = new Map([...weeks].filter(([k]) => k < id));
  const posts = await listPosts(ws.reportsDir);
  const postPath = join(ws.reportsDir, `${id}.md`);
  // A re-draft keeps the focus the author set in the existing post's front matter.
  const existing = (await exists(postPath)) ? await readFile(postPath, "utf8") : null;
  const focus = existing !== null ? focusFromFrontMatter(existing) : undefined;
  const markdown = draftPost({
    summary,
    history,
    site: ws.settings,
    lang: o.lang ?? ws.settings.language,
    seriesNumber: seriesNumber(posts, id),
    ...(focus ? { focus } : {}),
  });
  const target = o.out ?? postPath;
  if (await exists(target)) {
    if (o.diff) {
      out(renderDiff(await readFile(target, "utf8"), markdown));
      return EXIT_OK;
    }
    info(`honeyweek: ${target} exists and is never overwritten. Use --out <file> to write the new draft elsewhere, or --diff to compare.`);
    return EXIT_FAILED;
  }
  await createFileAtomic(target, markdown);
  if (!o.quiet) info(`drafted ${target}`);
  return EXIT_OK;
}
