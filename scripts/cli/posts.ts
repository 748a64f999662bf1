/** What the reports folder holds: posts and the weeks they are about (for series numbers). */
import { readdir, readFile } from "node:fs/promises";
import { join } from "node:path";

export interface PostRef {
  file: string;
  week: string | null;
}

const WEEK_LINE = /^week:\s*["']?(\d{4}-W\d{2})["']?\s*$/m;

export async function listPosts(reportsDir: string): Promise<PostRef[]> {
  let names: string[];
  try {
    names = await readdir(reportsDir);
  } catch {
    return [];
  }
  const out: PostRef[] = [];
  for (const name of names.sort()) {
    if (!name.endsWith(".md")) continue;
    const file = join(reportsDir, name);
    const text = await readFile(file, "utf8").catch(() => "");
    const fm = text.startsWith("---") ? text.slice(3, text.indexOf("\n---", 3)) : "";
    out.push({ file, week: WEEK_LINE.exec(fm)?.[1] ?? null });
  }
  return out;
}

/** Issue number of a week's post: the count of earlier weekly posts + 1. */
export function seriesNumber(posts: PostRef[], week: string): number {
  const earlier = new Set(posts.filter((p) => p.week !== null && p.week < week).map((p) => p.week));
  return earlier.size + 1;
}
