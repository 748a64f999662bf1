/**
 * SourceFilter's IPv4 check (integer ranges) says what node:net's BlockList says for the same
 * reserved ranges: on every range's first and last address and its neighbours, and on random ones.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { BlockList } from "node:net";
import { SourceFilter } from "../../scripts/enrich/addresses.ts";
import { Rng } from "../../scripts/sample/prng.ts";

const RANGES: [string, number][] = [
  ["0.0.0.0", 8], ["10.0.0.0", 8], ["100.64.0.0", 10], ["127.0.0.0", 8], ["169.254.0.0", 16], ["172.16.0.0", 12],
  ["192.0.0.0", 24], ["192.0.2.0", 24], ["192.168.0.0", 16], ["198.18.0.0", 15], ["198.51.100.0", 24],
  ["203.0.113.0", 24], ["224.0.0.0", 4], ["240.0.0.0", 4],
];
const reference = new BlockList();
for (const [a, p] of RANGES) reference.addSubnet(a, p, "ipv4");

const dotted = (n: number) => [n >>> 24, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join(".");
const numeric = (ip: string) => ip.split(".").reduce((n, x) => n * 256 + Number(x), 0);

test("IPv4: the same verdicts as BlockList at every range edge and on 200k random addresses", () => {
  const f = new SourceFilter();
  const probe: number[] = [0, 0xffffffff];
  for (const [a, p] of RANGES) {
    const first = numeric(a);
    const last = first + 2 ** (32 - p) - 1;
    for (const n of [first - 1, first, first + 1, last - 1, last, last + 1]) if (n >= 0 && n <= 0xffffffff) probe.push(n);
  }
  const r = new Rng(3);
  for (let i = 0; i < 200_000; i++) probe.push(Math.floor(r.next() * 2 ** 32));
  for (const n of probe) {
    const ip = dotted(n);
    assert.is(f.isAttacker(ip), !reference.check(ip, "ipv4"), ip);
  }
});

test("own addresses, IPv6 ranges and host names", () => {
  const f = new SourceFilter(["153.1.2.3", " 2a01:4f8::9 "]);
  for (const ip of ["153.1.2.3", "2a01:4f8::9", "::1", "fe80::1", "fd00::5", "2001:db8::1", "ff02::1"]) assert.not.ok(f.isAttacker(ip), ip);
  for (const ip of ["153.1.2.4", "2a01:4f8::1", "mail.example", "1.2.3", "01.2.3.4"]) assert.ok(f.isAttacker(ip), ip);
});

test.run();
