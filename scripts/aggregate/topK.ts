/**
 * The `limit` first entries of a counter in byCountThenKey order (most first, then key in
 * code-unit order), without sorting the whole counter: the 2M-event bench week has ~66k distinct
 * passwords and as many credential pairs, of which 100 each are listed, and full sorts with a
 * comparator cost ~100 ms of its finalisation. Keys of a Map are distinct, so that order is total and the selection is the same
 * list a full sort would give, not just an equally good one.
 */

/**
 * True when (ka, ca) is listed before (kb, cb). The same expression as byCountThenKey (counter.ts),
 * written on loose values so the heap needs no tuple per entry.
 */
function before(ka: string, ca: number, kb: string, cb: number): boolean {
  return (cb - ca || (ka < kb ? -1 : ka > kb ? 1 : 0)) < 0;
}

/**
 * The first `limit` entries (`limit` a whole number ≥ 0), in order, and the sum of all counts
 * (taken in the same pass over the counter; counts are whole numbers well below 2^53, so the sum
 * is exact in any order).
 */
export function topEntries(counter: Map<string, number>, limit: number): { top: [string, number][]; total: number } {
  // A binary heap of the best `limit` entries seen so far with the one listed last at its root,
  // so most entries are turned away by one comparison of counts with the root.
  const keys: string[] = [];
  const counts: number[] = [];
  let total = 0;
  // forEach, not for…of: no iterator result and entry pair per entry while this still runs
  // unoptimised (it runs a few times per process, over ~165k entries at most).
  counter.forEach((c, k) => {
    total += c;
    if (limit === 0) return;
    if (keys.length < limit) {
      let i = keys.length;
      keys.push(k);
      counts.push(c);
      // Sift up: an entry listed after its parent moves towards the root.
      while (i > 0) {
        const p = (i - 1) >> 1;
        if (!before(keys[p]!, counts[p]!, keys[i]!, counts[i]!)) break;
        swap(keys, counts, i, p);
        i = p;
      }
    } else if (before(k, c, keys[0]!, counts[0]!)) {
      keys[0] = k;
      counts[0] = c;
      siftDown(keys, counts);
    }
  });
  const top: [string, number][] = keys.map((k, i) => [k, counts[i]!]);
  // At most `limit` entries left to order.
  top.sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  return { top, total };
}

/** Restore the heap after its root was replaced: the root sinks below any child listed after it. */
function siftDown(keys: string[], counts: number[]): void {
  const n = keys.length;
  let i = 0;
  for (;;) {
    const l = 2 * i + 1;
    if (l >= n) return;
    const r = l + 1;
    // The child listed later of the two is the one that may have to rise.
    const m = r < n && before(keys[l]!, counts[l]!, keys[r]!, counts[r]!) ? r : l;
    if (!before(keys[i]!, counts[i]!, keys[m]!, counts[m]!)) return;
    swap(keys, counts, i, m);
    i = m;
  }
}

function swap(keys: string[], counts: number[], i: number, j: number): void {
  const k = keys[i]!;
  keys[i] = keys[j]!;
  keys[j] = k;
  const c = counts[i]!;
  counts[i] = counts[j]!;
  counts[j] = c;
}
