/**
 * SourceTally (aggregate/tally.ts) leaves a WeekAccumulator exactly as `add` would, on random
 * events of every kind (mixed with events added directly, flushed in several rounds, in an
 * accumulator with and without the honeypot counted as an attack); and counting never reads the
 * fields the lean fast path leaves out.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { EventKind, HoneypotEvent } from "../../scripts/model/event.ts";
import { WeekAccumulator } from "../../scripts/aggregate/accumulator.ts";
import { SourceTally } from "../../scripts/aggregate/tally.ts";
import { JsStringTable, type StringTable } from "../../scripts/parse/fast/intern.ts";
import { finalizeWeek } from "../../scripts/aggregate/finalize.ts";
import { weekWindow } from "../../scripts/util/week.ts";
import { openCountryLookup } from "../../scripts/enrich/geo.ts";
import { openAsnLookup } from "../../scripts/enrich/asn.ts";

const W = weekWindow("2019-W26", "Asia/Tokyo");
const geo = await openCountryLookup(null);
const asn = await openAsnLookup(null);

function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s / 4294967296;
  };
}

function randomEvents(seed: number, n: number, honeypot: string): HoneypotEvent[] {
  const rnd = rng(seed);
  const pick = <T,>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const kinds: EventKind[] = ["connect", "login", "command", "download", "client", "tunnel", "other"];
  const out: HoneypotEvent[] = [];
  let t = W.startMs;
  for (let i = 0; i < n; i++) {
    // mostly forward in time, sometimes back (late lines), hours revisited
    t = rnd() < 0.05 ? W.startMs + Math.floor(rnd() * (W.endMs - W.startMs)) : Math.min(W.endMs - 1, t + Math.floor(rnd() * 400_000));
    const e: HoneypotEvent = { honeypot, ts: t, kind: pick(kinds) };
    if (rnd() < 0.95) e.srcIp = pick(["1.2.3.4", "5.6.7.8", "9.9.9.9", "2001:db8::1", "mail.example", `45.1.${Math.floor(rnd() * 40)}.1`]);
    if (e.kind === "connect" && rnd() < 0.9) e.dstPort = pick([22, 23, 445, 2222]);
    if (e.kind === "connect" && rnd() < 0.1) e.username = "u";
    if (e.kind === "login") {
      if (rnd() < 0.9) e.username = pick(["root", "admin", "", "a\u0000b"]);
      if (rnd() < 0.9) e.password = pick(["123456", "", "x"]);
      e.loginSuccess = rnd() < 0.2;
    }
    if (e.kind === "command" && rnd() < 0.9) e.command = pick(["uname -a", "ls", ""]);
    if (e.kind === "download") {
      if (rnd() < 0.7) e.sha256 = pick(["aa", "bb"]);
      if (rnd() < 0.7) e.url = pick(["http://x/1", "http://x/0", "http://y/"]);
    }
    if (e.kind === "client") {
      if (rnd() < 0.5) e.clientVersion = pick(["SSH-2.0-Go", "SSH-2.0-PUTTY"]);
      else if (rnd() < 0.8) e.hassh = pick(["h1", "h2"]);
    }
    if (e.kind === "tunnel") {
      if (rnd() < 0.8) e.tunnelHost = pick(["mail.example", "1.1.1.1"]);
      if (rnd() < 0.8) e.tunnelPort = pick([25, 80]);
    }
    out.push(e);
  }
  return out;
}

/**
 * The events as the lean fast path gives them: keys of address, username and password in a string
 * table. Most from one table, some from another (a tally uses only the first table it meets), some
 * without keys, as a parser gives for values it does not key.
 */
function keyed(events: HoneypotEvent[], seed: number): HoneypotEvent[] {
  const rnd = rng(seed);
  const main = new JsStringTable(2);
  const other = new JsStringTable(2);
  const key = (t: StringTable, v: string | undefined): number => {
    if (v === undefined) return -1;
    const b = Buffer.from(v, "latin1");
    t.get(b, 0, b.length);
    return rnd() < 0.05 ? -1 : t.lastKey;
  };
  return events.map((e) => {
    const r = rnd();
    if (r < 0.1) return e;
    const t = r < 0.2 ? other : main;
    return { ...e, keys: t, srcKey: key(t, e.srcIp), userKey: key(t, e.username), passKey: key(t, e.password) };
  });
}

function summary(acc: WeekAccumulator): string {
  const labels = new Map([["cowrie", "Cowrie"], ["dionaea", "Dionaea"]]);
  return JSON.stringify(finalizeWeek(acc, { window: W, geo, asn, sourceMasking: "full", labels }));
}

for (const honeypot of ["cowrie", "dionaea"]) {
  for (const [attack, withKeys] of [[true, false], [false, false], [true, true]]) {
    test(`tally = add (${honeypot}, ${attack ? "counted" : "not counted"} as an attack${withKeys ? ", keyed events" : ""})`, () => {
      const set = new Set(attack ? [honeypot] : []);
      const plain = randomEvents(honeypot.length * 7 + (attack ? 1 : 0), 20_000, honeypot);
      const events = withKeys ? keyed(plain, 5) : plain;
      // Some sources are not attackers (as the sensor's own address would be): asked through the tally.
      const attacker = (ip: string) => !ip.startsWith("9.");
      const a = new WeekAccumulator(W.startMs, W.endMs, W.timeZone, set);
      for (const e of events) if (e.srcIp === undefined || attacker(e.srcIp)) a.add(e);
      const b = new WeekAccumulator(W.startMs, W.endMs, W.timeZone, set);
      const tally = new SourceTally(b, honeypot);
      events.forEach((e, i) => {
        if (!tally.usable || i % 7 === 3) {
          if (e.srcIp === undefined || attacker(e.srcIp)) b.add(e);
        } else if (e.srcIp === undefined || tally.isAttacker(e, e.srcIp, attacker)) tally.add(e);
        if (i % 5000 === 4999) tally.flushInto();
      });
      tally.flushInto();
      assert.is(summary(b), summary(a));
      assert.equal([...b.bySource].sort(), [...a.bySource].sort());
      const perHour = (x: WeekAccumulator) => x.hours.starts.map((_, h) => [...x.hourSources.countsInHour(h)].sort());
      assert.equal(perHour(b), perHour(a));
      assert.equal([...b.pairs].sort(), [...a.pairs].sort());
      assert.equal([...b.usernames].sort(), [...a.usernames].sort());
      assert.equal([...b.passwords].sort(), [...a.passwords].sort());
    });
  }
}

test("absorb: an optimistic part's unflushed tally and accumulator, taken over, count as if added here", () => {
  for (const withKeys of [false, true]) {
    const set = new Set(["cowrie"]);
    const plain = randomEvents(41, 30_000, "cowrie");
    const events = withKeys ? keyed(plain, 9) : plain;
    const attacker = (ip: string) => !ip.startsWith("9.");
    const ref = new WeekAccumulator(W.startMs, W.endMs, W.timeZone, set);
    for (const e of events) if (e.srcIp === undefined || attacker(e.srcIp)) ref.add(e);
    // Parts in reading order: the first counted here, the others each into an accumulator and
    // tally of their own (as a worker reads an optimistic part), then taken over.
    const acc = new WeekAccumulator(W.startMs, W.endMs, W.timeZone, set);
    const main = new SourceTally(acc, "cowrie");
    // Small parts too: their sources' open hours meet ours (joined, not written as spans).
    const cuts = [0, 9000, 17000, 17001, 17002, 17004, 17010, 30_000];
    for (let p = 0; p < cuts.length - 1; p++) {
      const own = p === 0 ? acc : new WeekAccumulator(W.startMs, W.endMs, W.timeZone, set);
      const t = p === 0 ? main : new SourceTally(own, "cowrie");
      for (const e of events.slice(cuts[p], cuts[p + 1])) {
        if (e.srcIp !== undefined && !t.isAttacker(e, e.srcIp, attacker)) continue;
        t.add(e);
      }
      if (p > 0) {
        main.absorb(t);
        acc.merge(own, { consume: true });
      }
    }
    main.flushInto();
    assert.is(summary(acc), summary(ref), withKeys ? "keyed" : "plain");
    const perHour = (x: WeekAccumulator) => x.hours.starts.map((_, h) => [...x.hourSources.countsInHour(h)].sort());
    assert.equal(perHour(acc), perHour(ref));
    assert.equal([...acc.pairs].sort(), [...ref.pairs].sort());
    assert.equal([...acc.bySource].sort(), [...ref.bySource].sort());
    for (const [port, p] of ref.ports) assert.equal([...acc.ports.get(port)!.bySource].sort(), [...p.bySource].sort(), `port ${port}`);
  }
});

test("counting reads no field the lean fast path leaves out (session, protocol, srcPort)", () => {
  const read = new Set<string>();
  const spy = (e: HoneypotEvent): HoneypotEvent =>
    new Proxy(e, {
      get(target, key) {
        if (typeof key === "string") read.add(key);
        return target[key as keyof HoneypotEvent];
      },
    });
  const acc = new WeekAccumulator(W.startMs, W.endMs, W.timeZone, new Set(["cowrie"]));
  const tally = new SourceTally(acc, "cowrie");
  for (const e of randomEvents(3, 2000, "cowrie")) {
    const full = { ...e, session: "s", protocol: "ssh", srcPort: 1 };
    acc.add(spy(full));
    tally.add(spy(full));
  }
  tally.flushInto();
  for (const k of ["session", "protocol", "srcPort"]) assert.not.ok(read.has(k), `counting reads ${k}`);
});

test.run();
