/**
 * "New this week": keys of this week that no stored earlier week holds. Summaries keep every port
 * but only the top of each other list, so an old key that never made a stored top list counts as
 * new; the post's footnote says so. Nothing is new in a first week (everything would be).
 */
import type { Ranked, WeekSummary } from "../model/summary.ts";
import { normalizeCveId } from "./subject.ts";
import type { HistoryCoverage, Novelty, NoveltyCategory } from "./types.ts";

/** At most this many new keys are listed (the total is kept). */
export const NOVELTY_LIST_LIMIT = 10;

/**
 * A new port needs this many connections to be news: scanners touch thousands of ports once a
 * week, and every port is stored. Lists other than ports are top lists already, so 1 is enough.
 */
export const NOVELTY_MIN_COUNT: Record<NoveltyCategory, number> = {
  ports: 10,
  usernames: 1,
  passwords: 1,
  credentials: 1,
  commands: 1,
  downloads: 1,
  clientVersions: 1,
  hassh: 1,
  cves: 1,
};

export const NOVELTY_CATEGORIES = Object.keys(NOVELTY_MIN_COUNT) as NoveltyCategory[];

/** The keys of one category in one week, with their counts. */
export function categoryKeys(summary: WeekSummary, category: NoveltyCategory): Ranked[] {
  switch (category) {
    case "ports":
      return summary.ports.map((p) => ({ key: String(p.port), count: p.connections }));
    case "usernames":
      return summary.credentials.usernames.items;
    case "passwords":
      return summary.credentials.passwords.items;
    case "credentials":
      return summary.credentials.pairs.items;
    case "commands":
      return summary.cowrie.commands.items;
    case "downloads":
      // By file hash: the same file from another URL is not new. Downloads without a hash are left out.
      return summary.cowrie.downloads.filter((d) => d.sha256).map((d) => ({ key: d.sha256, count: d.count }));
    case "clientVersions":
      return summary.cowrie.clientVersions.items;
    case "hassh":
      return summary.cowrie.hassh.items;
    case "cves":
      return summary.suricata.cves.items.map((c) => ({ key: normalizeCveId(c.key), count: c.count }));
  }
}

export function noveltyOf(
  summary: WeekSummary,
  history: ReadonlyMap<string, WeekSummary>,
  coverage: HistoryCoverage,
  category: NoveltyCategory,
): Novelty {
  const searched = coverage.earlier;
  if (coverage.firstWeek) return { kind: "new", category, items: [], total: 0, searched };
  const seen = new Set<string>();
  for (const id of searched) for (const item of categoryKeys(history.get(id)!, category)) seen.add(item.key);
  const min = NOVELTY_MIN_COUNT[category];
  const fresh = mergeKeys(categoryKeys(summary, category))
    .filter((item) => item.count >= min && !seen.has(item.key))
    .sort((a, b) => b.count - a.count || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  return { kind: "new", category, items: fresh.slice(0, NOVELTY_LIST_LIMIT), total: fresh.length, searched };
}

/** Sum duplicate keys (two downloads of one hash from two URLs are one new file). */
function mergeKeys(items: Ranked[]): Ranked[] {
  const sums = new Map<string, number>();
  for (const item of items) sums.set(item.key, (sums.get(item.key) ?? 0) + item.count);
  return [...sums].map(([key, count]) => ({ key, count }));
}
