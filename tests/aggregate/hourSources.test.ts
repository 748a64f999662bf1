/**
 * HourSources (aggregate/hourSources.ts) against the obvious model, a Map per hour: the same
 * distinct sources per hour and the same counts per (hour, source), through single events, spans,
 * merges of clones (what a worker sends back) and enough out-of-order spans to force compactions.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { HourSources } from "../../scripts/aggregate/hourSources.ts";
import { Rng } from "../../scripts/sample/prng.ts";

const HOURS = 169;

class Model {
  perHour = Array.from({ length: HOURS }, () => new Map<string, number>());
  add(h: number, ip: string, n = 1): void {
    this.perHour[h]!.set(ip, (this.perHour[h]!.get(ip) ?? 0) + n);
  }
}

function check(hs: HourSources, m: Model): void {
  assert.equal(hs.uniquePerHour(), m.perHour.map((x) => x.size));
  for (let h = 0; h < HOURS; h++) assert.equal([...hs.countsInHour(h)].sort(), [...m.perHour[h]!].sort(), `hour ${h}`);
}

function clone(hs: HourSources): HourSources {
  hs.compact();
  return Object.setPrototypeOf(structuredClone(hs), HourSources.prototype) as HourSources;
}

test("events, spans, clones and merges count as a Map per hour would (with compactions)", () => {
  const r = new Rng(7);
  const ips = Array.from({ length: 3000 }, (_, i) => `10.${i >> 8}.${i & 255}.1`);
  const model = new Model();
  const main = new HourSources(HOURS);
  for (let round = 0; round < 4; round++) {
    const part = new HourSources(HOURS);
    // Mostly in time order, with stragglers: single events and spans mixed.
    for (let k = 0; k < 60_000; k++) {
      const h = Math.min(HOURS - 1, Math.floor((k / 60_000) * HOURS) + (r.next() < 0.1 ? -Math.floor(r.next() * 20) : 0));
      const hour = Math.max(0, h);
      const ip = ips[Math.floor(r.next() * r.next() * ips.length)]!;
      if (r.next() < 0.3) {
        const n = 1 + Math.floor(r.next() * 5);
        part.addSpan(hour, part.idOf(ip), n);
        model.add(hour, ip, n);
      } else {
        part.add(hour, ip);
        model.add(hour, ip);
      }
    }
    main.merge(round % 2 === 0 ? clone(part) : part);
  }
  check(main, model);
  // Adding after a compaction reopens it.
  main.add(5, "192.0.2.1");
  model.add(5, "192.0.2.1");
  check(main, model);
});

test("an address seen only without events has no hours; an empty one has none at all", () => {
  const hs = new HourSources(HOURS);
  assert.equal(hs.uniquePerHour(), new Array(HOURS).fill(0));
  hs.idOf("198.51.100.1");
  hs.add(3, "198.51.100.2");
  assert.is(hs.uniquePerHour().reduce((a, b) => a + b, 0), 1);
  assert.equal([...hs.countsInHour(3)], [["198.51.100.2", 1]]);
});

test.run();
