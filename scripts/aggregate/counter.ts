/** Counting helpers shared by the accumulator and finalisation. */
import type { TopList } from "../model/summary.ts";
import { topEntries } from "./topK.ts";

export type Counter<K = string> = Map<K, number>;

export function bump<K>(m: Map<K, number>, key: K, n = 1): void {
  m.set(key, (m.get(key) ?? 0) + n);
}

export function mergeCounter<K>(into: Map<K, number>, from: Map<K, number>): void {
  // forEach, not for…of: merges run a few times per process, mostly before the code is optimised,
  // where entry destructuring is what costs (a worker's 46k sources: ~40 → ~15 ms).
  from.forEach((v, k) => into.set(k, (into.get(k) ?? 0) + v));
}

/** Deterministic order: most first, then by key in code-unit order (never locale-dependent). */
export function byCountThenKey(a: [string, number], b: [string, number]): number {
  return b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
}

/**
 * Cap a counter to its `limit` biggest entries; the rest is summed into `other`. The entries are
 * selected (topK.ts), not sorted whole: same list as sorting by byCountThenKey and slicing.
 */
export function topList(counter: Map<string, number>, limit: number): TopList {
  // slice(0, limit) semantics for a limit that is not a whole number ≥ 0 (no caller passes one).
  const { top, total } = Number.isInteger(limit) && limit >= 0 ? topEntries(counter, limit) : sortedTop(counter, limit);
  const items = top.map(([key, count]) => ({ key, count }));
  let listed = 0;
  for (const i of items) listed += i.count;
  return { items, other: total - listed, distinct: counter.size, total };
}

function sortedTop(counter: Map<string, number>, limit: number): { top: [string, number][]; total: number } {
  let total = 0;
  for (const v of counter.values()) total += v;
  return { top: [...counter.entries()].sort(byCountThenKey).slice(0, limit), total };
}

export function sortedRecord(m: Map<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of [...m.keys()].sort()) out[k] = m.get(k)!;
  return out;
}
