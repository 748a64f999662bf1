/**
 * Events per (hour, source address). Of these the week needs, per hour, how many distinct sources
 * were seen, and for the peak hour (known only at the end) each source's count.
 *
 * A Map per hour held one entry per (hour, source): ~1.3M string-keyed entries at 5M events, the
 * biggest part of a reading worker's heap and of what it sends back. Here an address gets a small
 * id once, and (hour, id, count) spans go into three typed arrays (14 bytes a span, cloned as three
 * blocks). The same (hour, id) may appear in several spans (logs out of time order, several
 * honeypots, merged workers); `compact` sums them into one span per (hour, id), sorted by hour, and
 * runs whenever the spans double, so memory stays within twice the distinct (hour, source) pairs.
 *
 * Counts are exact: every event is one count in one span; merging only adds.
 */

/** Spans kept before the first compaction. */
const FIRST_LIMIT = 1 << 16;

export class HourSources {
  /** Address → id, and id → address. */
  private ids = new Map<string, number>();
  ips: string[] = [];
  private hour: Uint16Array<ArrayBuffer>;
  private id: Uint32Array<ArrayBuffer>;
  private count: Float64Array<ArrayBuffer>;
  private length = 0;
  /** Compaction runs when `length` reaches this. */
  private limit = FIRST_LIMIT;
  /** After a compaction with nothing added since: where each hour's spans start (hours + 1 entries). */
  private hourStart: Int32Array<ArrayBuffer> | null = null;
  /** For `add`: each id's open hour (-1 none) and its count so far, written as a span when the hour changes. */
  private openHour: Int32Array<ArrayBuffer> = new Int32Array(0);
  private openCount: Float64Array<ArrayBuffer> = new Float64Array(0);
  private anyOpen = false;

  constructor(readonly hours: number) {
    this.hour = new Uint16Array(1024);
    this.id = new Uint32Array(1024);
    this.count = new Float64Array(1024);
  }

  /** The id of an address (made on first sight). */
  idOf(ip: string): number {
    let id = this.ids.get(ip);
    if (id === undefined) {
      id = this.ips.length;
      this.ips.push(ip);
      this.ids.set(ip, id);
    }
    return id;
  }

  /** One event of `ip` in hour `h` (consecutive events of a source in one hour make one span). */
  add(h: number, ip: string): void {
    const id = this.idOf(ip);
    if (id >= this.openHour.length) this.growOpen(id + 1);
    if (this.openHour[id] === h) {
      this.openCount[id]!++;
      return;
    }
    const was = this.openHour[id]!;
    // Closed before addSpan, which may compact (and so close every open hour itself).
    this.openHour[id] = -1;
    if (was >= 0) this.addSpan(was, id, this.openCount[id]!);
    this.openHour[id] = h;
    this.openCount[id] = 1;
    this.anyOpen = true;
    this.hourStart = null;
  }

  /** `n` events of source `id` (from idOf) in hour `h`. */
  addSpan(h: number, id: number, n: number): void {
    if (this.length >= this.limit) {
      this.compact();
      // Still mostly distinct pairs: let the spans grow before compacting again.
      if (this.length * 2 > this.limit) this.limit *= 2;
    }
    this.push(h, id, n);
  }

  private push(h: number, id: number, n: number): void {
    if (this.length === this.hour.length) this.growSpans(Math.max(1024, this.length * 2));
    const k = this.length++;
    this.hour[k] = h;
    this.id[k] = id;
    this.count[k] = n;
    this.hourStart = null;
  }

  /** Fold in another's spans (ids translated by address). */
  merge(o: HourSources): void {
    o.closeOpen();
    const map = new Uint32Array(o.ips.length);
    for (let k = 0; k < o.ips.length; k++) map[k] = this.idOf(o.ips[k]!);
    // All of o's spans at once (ids translated), then one compaction if they pass the limit.
    const n = this.length + o.length;
    if (n > this.hour.length) this.growSpans(n);
    for (let k = 0, at = this.length; k < o.length; k++, at++) {
      this.hour[at] = o.hour[k]!;
      this.id[at] = map[o.id[k]!]!;
      this.count[at] = o.count[k]!;
    }
    this.length = n;
    this.hourStart = null;
    if (this.length >= this.limit) {
      this.compact();
      while (this.length * 2 > this.limit) this.limit *= 2;
    }
  }

  /** Distinct sources in each hour. */
  uniquePerHour(): number[] {
    const starts = this.compacted();
    return Array.from({ length: this.hours }, (_, h) => starts[h + 1]! - starts[h]!);
  }

  /** Events by source address in hour `h`. */
  countsInHour(h: number): Map<string, number> {
    const starts = this.compacted();
    const out = new Map<string, number>();
    for (let k = starts[h]!; k < starts[h + 1]!; k++) out.set(this.ips[this.id[k]!]!, this.count[k]!);
    return out;
  }

  /** Spans summed to one per (hour, id), sorted by hour, arrays trimmed (also before cloning). */
  compact(): void {
    if (this.hourStart !== null) return;
    this.closeOpen();
    const n = this.length;
    // Counting sort by hour…
    const starts = new Int32Array(this.hours + 1);
    for (let k = 0; k < n; k++) starts[this.hour[k]! + 1]!++;
    for (let h = 0; h < this.hours; h++) starts[h + 1]! += starts[h]!;
    const next = starts.slice(0, this.hours);
    const byHourId = new Uint32Array(n);
    const byHourCount = new Float64Array(n);
    for (let k = 0; k < n; k++) {
      const at = next[this.hour[k]!]!++;
      byHourId[at] = this.id[k]!;
      byHourCount[at] = this.count[k]!;
    }
    // …then, hour by hour, one span per id (the id's stamp says it already has one in this hour).
    const stamp = new Int32Array(this.ips.length).fill(-1);
    const slot = new Int32Array(this.ips.length);
    const hour = new Uint16Array(n);
    const id = new Uint32Array(n);
    const count = new Float64Array(n);
    const outStart = new Int32Array(this.hours + 1);
    let out = 0;
    for (let h = 0; h < this.hours; h++) {
      outStart[h] = out;
      for (let k = starts[h]!; k < starts[h + 1]!; k++) {
        const i = byHourId[k]!;
        if (stamp[i] === h) {
          count[slot[i]!]! += byHourCount[k]!;
          continue;
        }
        stamp[i] = h;
        slot[i] = out;
        hour[out] = h;
        id[out] = i;
        count[out] = byHourCount[k]!;
        out++;
      }
    }
    outStart[this.hours] = out;
    this.hour = hour.slice(0, out);
    this.id = id.slice(0, out);
    this.count = count.slice(0, out);
    this.length = out;
    this.hourStart = outStart;
  }

  private compacted(): Int32Array {
    this.compact();
    return this.hourStart!;
  }

  /** Open hours of `add` into spans. */
  private closeOpen(): void {
    if (!this.anyOpen) return;
    this.anyOpen = false;
    const open = this.openHour;
    for (let id = 0; id < open.length; id++) {
      if (open[id]! < 0) continue;
      this.push(open[id]!, id, this.openCount[id]!);
      open[id] = -1;
    }
  }

  private growSpans(n: number): void {
    const hour = new Uint16Array(n);
    hour.set(this.hour.subarray(0, this.length));
    const id = new Uint32Array(n);
    id.set(this.id.subarray(0, this.length));
    const count = new Float64Array(n);
    count.set(this.count.subarray(0, this.length));
    this.hour = hour;
    this.id = id;
    this.count = count;
  }

  private growOpen(min: number): void {
    const n = Math.max(min, this.openHour.length * 2, 1024);
    const h = new Int32Array(n).fill(-1);
    h.set(this.openHour);
    const c = new Float64Array(n);
    c.set(this.openCount);
    this.openHour = h;
    this.openCount = c;
  }
}
