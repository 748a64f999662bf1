/**
 * The bundled ASN CSV parsed from its bytes (enrich/asnTable.ts) reads rows as the former
 * split-the-string parser did: quoting, trailing white space, short lines, numbers as Number()
 * or BigInt() would read them, UTF-8 organisations, and IPv6 reduced to its upper 64 bits.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { parseAsnCsv, type RangeTable } from "../../scripts/enrich/asnTable.ts";

const format = (asn: string, org: string) => `AS${asn}${org ? " " + org : ""}`;
const parse = (csv: string | Buffer, wide = false) => parseAsnCsv(Buffer.isBuffer(csv) ? csv : Buffer.from(csv), wide, format);
const rows = (t: RangeTable) => Array.from({ length: t.length }, (_, i) => [t.starts[i], t.ends[i], t.label(i)]);

test("IPv4 rows: quoted organisations, trailing white space, short and empty lines", () => {
  const t = parse(
    [
      '16777216,16777471,13335,"Cloudflare, Inc."\r',
      '1,2,3,"say ""hi"""',
      "5,6,7,",
      "8,9",
      "",
      "10,11,12,Org  \u3000",
      "13,14,15,A, B",
      "16,17,18,é 東京", // no newline at the end
    ].join("\n"),
  );
  assert.equal(rows(t), [
    [16777216, 16777471, "AS13335 Cloudflare, Inc."],
    [1, 2, 'AS3 say "hi"'],
    [5, 6, "AS7"],
    [10, 11, "AS12 Org"],
    [13, 14, "AS15 A, B"],
    [16, 17, "AS18 é 東京"],
  ]);
  assert.is(parse("").length, 0);
  assert.is(parse("\n\n").length, 0);
});

test("numbers that are not plain digits are read as Number() reads them", () => {
  assert.equal(rows(parse("0x10,1e3,1,a\n,2,2,b\n 7 ,4294967295,3,c\n")), [
    [16, 1000, "AS1 a"],
    [0, 2, "AS2 b"],
    [7, 4294967295, "AS3 c"],
  ]);
});

test("labels are decoded from their bytes, invalid UTF-8 as U+FFFD, and again the same from the cache", () => {
  const t = parse(Buffer.concat([Buffer.from("1,2,3,bad"), Buffer.from([0xff]), Buffer.from("\n4,5,3,bad\uFFFD\n")]));
  assert.is(t.label(0), "AS3 bad\uFFFD");
  assert.is(t.label(1), t.label(0));
  assert.is(t.label(1), t.label(1));
});

test("IPv6 rows keep the upper 64 bits, modulo 2^64 as BigInt(x) >> 64n stored in a BigUint64Array", () => {
  const t = parse(
    [
      "42540488161975842760550356425300246528,36893488147419103231,1,a", // 2001:: ; 2^65 - 1
      "0,340282366920938463463374607431768211455,2,b", // 0 ; 2^128 - 1
      "340282366920938463463374607431768211456,18446744073709551615,3,c", // 2^128 ; 2^64 - 1
      " 18446744073709551616 ,,4,d", // not plain digits: BigInt() trims; BigInt("") is 0
    ].join("\n"),
    true,
  );
  assert.equal(Array.from(t.starts as BigUint64Array), [0x2001000000000000n, 0n, 0n, 1n]);
  assert.equal(Array.from(t.ends as BigUint64Array), [1n, 0xffffffffffffffffn, 0n, 0n]);
  assert.equal(Array.from({ length: t.length }, (_, i) => t.label(i)), ["AS1 a", "AS2 b", "AS3 c", "AS4 d"]);
  assert.throws(() => parse("x,1,2,a\n", true), /BigInt/);
});

// The string parser the byte parser replaced: one row per line split on "\n", fields by indexOf.
function stringParser(csv: string, wide: boolean): [number | bigint, number | bigint, string][] {
  const out: [number | bigint, number | bigint, string][] = [];
  for (const line of csv.split("\n")) {
    const a = line.indexOf(",");
    const b = line.indexOf(",", a + 1);
    const c = line.indexOf(",", b + 1);
    if (a < 0 || b < 0 || c < 0) continue;
    let org = line.slice(c + 1).trimEnd();
    if (org.startsWith('"') && org.endsWith('"')) org = org.slice(1, -1).replace(/""/g, '"');
    const big = (x: string) => BigInt.asUintN(64, BigInt(x) >> 64n);
    out.push(wide ? [big(line.slice(0, a)), big(line.slice(a + 1, b)), format(line.slice(b + 1, c), org)] : [Number(line.slice(0, a)), Number(line.slice(a + 1, b)), format(line.slice(b + 1, c), org)]);
  }
  return out;
}

test("the bundled IPv4 and IPv6 tables read the same as with the string parser, every range and label", () => {
  const dir = dirname(createRequire(import.meta.url).resolve("@ip-location-db/asn/package.json"));
  for (const [file, wide] of [["asn-ipv4-num.csv", false], ["asn-ipv6-num.csv", true]] as const) {
    const bytes = readFileSync(join(dir, file));
    const want = stringParser(bytes.toString("utf8"), wide);
    const t = parse(bytes, wide);
    assert.is(t.length, want.length, file);
    // Labels are decoded on demand and cached: asked for in a scattered order, each twice.
    for (let k = 0; k < 2 * t.length; k++) {
      const i = (k * 7919) % t.length;
      const [start, end, label] = want[i]!;
      if (t.starts[i] !== start || t.ends[i] !== end || t.label(i) !== label) {
        assert.equal([t.starts[i], t.ends[i], t.label(i)], want[i], `${file} row ${i}`);
      }
    }
  }
});

test.run();
