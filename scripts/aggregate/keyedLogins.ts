/**
 * Login attempts counted by the keys of their username and password in a parser's string table
 * (parse/fast/intern.ts), not by the strings: an array increment per username and password, and
 * one probe of a table of (user key, password key) pairs, instead of three look-ups in Maps of
 * up to hundreds of thousands of strings. `flushInto` puts into the accumulator's Maps exactly
 * what bumping them with the strings would have (tests/perf/tally.test.ts).
 */
import type { WeekAccumulator } from "./accumulator.ts";
import { pairKey } from "../model/pairs.ts";
import { bump } from "./counter.ts";

export class KeyedLogins {
  private users: Float64Array<ArrayBuffer> = new Float64Array(1024);
  private passwords: Float64Array<ArrayBuffer> = new Float64Array(1024);
  /** Keys whose count went from 0, so flushing and clearing visit only those. */
  private usersSeen: number[] = [];
  private passwordsSeen: number[] = [];
  private readonly pairs = new PairCounter();

  add(userKey: number, passKey: number): void {
    const top = Math.max(userKey, passKey);
    if (top >= this.users.length) this.grow(top + 1);
    if (this.users[userKey]!++ === 0) this.usersSeen.push(userKey);
    if (this.passwords[passKey]!++ === 0) this.passwordsSeen.push(passKey);
    this.pairs.add(userKey, passKey);
  }

  /** Add another's counts (keys of the same string table); the other is left as it was. */
  absorb(o: KeyedLogins): void {
    for (const k of o.usersSeen) this.addCount(k, o.users[k]!, 0, 0);
    for (const k of o.passwordsSeen) this.addCount(0, 0, k, o.passwords[k]!);
    o.pairs.forEach((u, p, n) => this.pairs.add(u, p, n));
  }

  private addCount(userKey: number, users: number, passKey: number, passwords: number): void {
    const top = Math.max(userKey, passKey);
    if (top >= this.users.length) this.grow(top + 1);
    if (users > 0) {
      if (this.users[userKey] === 0) this.usersSeen.push(userKey);
      this.users[userKey]! += users;
    }
    if (passwords > 0) {
      if (this.passwords[passKey] === 0) this.passwordsSeen.push(passKey);
      this.passwords[passKey]! += passwords;
    }
  }

  /** Into the accumulator's username, password and pair Maps (`strings[key]` is a key's text); then empty. */
  flushInto(acc: WeekAccumulator, strings: readonly string[]): void {
    for (const k of this.usersSeen) {
      bump(acc.usernames, strings[k]!, this.users[k]!);
      this.users[k] = 0;
    }
    for (const k of this.passwordsSeen) {
      bump(acc.passwords, strings[k]!, this.passwords[k]!);
      this.passwords[k] = 0;
    }
    this.usersSeen = [];
    this.passwordsSeen = [];
    this.pairs.forEach((u, p, n) => bump(acc.pairs, pairKey(strings[u]!, strings[p]!), n));
    this.pairs.clear();
  }

  private grow(min: number): void {
    const n = Math.max(min, this.users.length * 2);
    const u = new Float64Array(n);
    u.set(this.users);
    const p = new Float64Array(n);
    p.set(this.passwords);
    this.users = u;
    this.passwords = p;
  }
}

/** Counts of (a, b) pairs of non-negative int32 keys: open addressing, at most half full. */
export class PairCounter {
  private a: Int32Array<ArrayBuffer>;
  private b: Int32Array<ArrayBuffer>;
  private n: Float64Array<ArrayBuffer>;
  private mask: number;
  private used = 0;

  constructor(bits = 12) {
    this.a = new Int32Array(1 << bits).fill(-1);
    this.b = new Int32Array(1 << bits);
    this.n = new Float64Array(1 << bits);
    this.mask = (1 << bits) - 1;
  }

  get size(): number {
    return this.used;
  }

  add(a: number, b: number, n = 1): void {
    const mask = this.mask;
    let s = hash(a, b) & mask;
    for (;;) {
      const x = this.a[s]!;
      if (x === -1) break;
      if (x === a && this.b[s] === b) {
        this.n[s]! += n;
        return;
      }
      s = (s + 1) & mask;
    }
    this.a[s] = a;
    this.b[s] = b;
    this.n[s] = n;
    if (++this.used * 2 > this.a.length) this.rehash(this.a.length * 2);
  }

  forEach(f: (a: number, b: number, n: number) => void): void {
    for (let s = 0; s < this.a.length; s++) if (this.a[s] !== -1) f(this.a[s]!, this.b[s]!, this.n[s]!);
  }

  clear(): void {
    if (this.used === 0) return;
    this.a.fill(-1);
    this.used = 0;
  }

  private rehash(size: number): void {
    const { a, b, n } = this;
    this.a = new Int32Array(size).fill(-1);
    this.b = new Int32Array(size);
    this.n = new Float64Array(size);
    this.mask = size - 1;
    this.used = 0;
    for (let s = 0; s < a.length; s++) if (a[s] !== -1) this.add(a[s]!, b[s]!, n[s]!);
  }
}

function hash(a: number, b: number): number {
  let h = Math.imul(a, 0x9e3779b1) ^ Math.imul(b ^ (b >>> 15), 0x85ebca6b);
  h ^= h >>> 13;
  return Math.imul(h, 0xc2b2ae35) ^ (h >>> 16);
}
