/**
 * WasmFieldScanner gives exactly what FieldScanner gives: for every line the same scan result and,
 * when true, the same typeOf/from/to/value for every wanted key. Held to that on the real Cowrie
 * lines of the bench file (when present), every fixture line, hand-written tricky lines, every
 * prefix of sample lines, and seeded random mutations of real lines; through the per-line API (a
 * line followed by \n, by \r\n, or by nothing) and the block API (scanBlock + select). Also: wasm
 * memory grows for long lines and many lines, and the committed generated module is up to date.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, openSync, readFileSync, readSync, closeSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { COWRIE_FIELDS } from "../../scripts/parse/cowrie.ts";
import { FieldScanner, MAX_DEPTH, VT_NONE } from "../../scripts/parse/fast/scan.ts";
import { WasmFieldScanner, type ScannedLine } from "../../scripts/parse/fast/wasmScan.ts";
import { compileScanner, generatedModule, GENERATED } from "../../scripts/parse/fast/wasm/build.ts";

const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
const BENCH_FILE = join(root, "bench", ".work", "cowrie-plain-2000000-50000", "cowrie.json");

/**
 * Wanted-key sets. Besides Cowrie's: keys that share length and first bytes, one longer than 8 and
 * 16 bytes (compared a word at a time in wasm), a repeated key (the first index wins), the empty
 * key, and 32-byte keys whose (length & 31, first bytes) slot is the one an empty key followed by
 * a colon falls in: FieldScanner's quirks there (the empty key found only when that slot is shared)
 * must be the wasm's too.
 */
const Z31 = "z".repeat(31);
const KEY_SETS: readonly (readonly string[])[] = [
  COWRIE_FIELDS,
  ["a", "ab", "abc", "ac", "b", "src_ip", "src_iq", "src_port", "eventid", "eventie", "a_key_of_17_bytes", "a_key_of_17_bytez", "x".repeat(40), "a", ""],
  ["", "b" + Z31],
  ["", "b" + Z31, "B" + Z31],
];

interface Pair {
  keys: readonly string[];
  js: FieldScanner;
  wasm: WasmFieldScanner;
}
const pairs: Pair[] = KEY_SETS.map((keys) => ({ keys, js: new FieldScanner(keys), wasm: new WasmFieldScanner(keys) }));

// Both scanners present the same surface (a caller can take either).
const surface: ScannedLine[] = [pairs[0]!.js, pairs[0]!.wasm];
void surface;

const show = (b: Buffer, s: number, e: number): string => JSON.stringify(b.toString("latin1", s, e)).slice(0, 300);

/**
 * The wasm scanner's current results against FieldScanner's for the same line. FieldScanner's
 * offsets are in its `buf` (its own copy when the line had no newline after it: then `jsBase` is
 * where the line started in that copy); the wasm's are always in the caller's buffer.
 */
function sameFields(p: Pair, okJs: boolean, okWasm: boolean, b: Buffer, s: number, e: number): void {
  if (okJs !== okWasm) assert.unreachable(`scan result ${okWasm}, FieldScanner ${okJs}: ${show(b, s, e)}`);
  if (!okJs) return;
  const jsBase = p.js.buf === b ? s : 0;
  if (p.wasm.buf !== b) assert.unreachable("wasm buf is not the caller's buffer");
  for (let i = 0; i < p.keys.length; i++) {
    const t = p.js.typeOf(i);
    if (p.wasm.typeOf(i) !== t) assert.unreachable(`key ${JSON.stringify(p.keys[i])}: type ${p.wasm.typeOf(i)} vs ${t}: ${show(b, s, e)}`);
    if (t === VT_NONE) continue;
    if (p.wasm.from[i]! - s !== p.js.from[i]! - jsBase || p.wasm.to[i]! - s !== p.js.to[i]! - jsBase) {
      assert.unreachable(`key ${JSON.stringify(p.keys[i])}: range [${p.wasm.from[i]! - s}, ${p.wasm.to[i]! - s}) vs [${p.js.from[i]! - jsBase}, ${p.js.to[i]! - jsBase}): ${show(b, s, e)}`);
    }
    const a = p.wasm.value(i);
    const r = p.js.value(i);
    if (!(typeof r === "object" && r !== null ? JSON.stringify(a) === JSON.stringify(r) : Object.is(a, r))) {
      assert.unreachable(`key ${JSON.stringify(p.keys[i])}: value ${String(a)} vs ${String(r)}: ${show(b, s, e)}`);
    }
    if (p.wasm.isString(i) !== p.js.isString(i)) assert.unreachable(`isString differs: ${show(b, s, e)}`);
  }
}

/** A line through the per-line API: inside a buffer and followed by \n, by \r\n, and at a buffer's end. */
function checkLine(line: Buffer, counts?: { ok: number; lines: number }): void {
  const framings = [
    Buffer.concat([Buffer.from("xx\n"), line, Buffer.from("\nyy")]),
    Buffer.concat([Buffer.from("x\r\n"), line, Buffer.from("\r\n")]),
    Buffer.concat([Buffer.from("xx\n"), line]),
  ];
  for (const p of pairs) {
    for (const b of framings) {
      const s = 3;
      const e = 3 + line.length;
      const okJs = p.js.scan(b, s, e);
      const okWasm = p.wasm.scan(b, s, e);
      sameFields(p, okJs, okWasm, b, s, e);
    }
  }
  if (counts !== undefined) {
    counts.lines++;
    if (pairs[0]!.js.scan(framings[0]!, 3, 3 + line.length)) counts.ok++;
  }
}

/**
 * Lines joined into one block (\n or \r\n after each, chosen by `crlf`, plus bytes after the last
 * newline that are not a line yet) through scanBlock + select, against FieldScanner on the same
 * bytes split as the reader splits them.
 */
function checkBlock(lines: readonly Buffer[], crlf: (k: number) => boolean = () => false, trailing = "{\"partial\":"): number {
  const parts: Buffer[] = [Buffer.from("ignored prefix\n")];
  lines.forEach((l, k) => parts.push(l, Buffer.from(crlf(k) ? "\r\n" : "\n")));
  parts.push(Buffer.from(trailing));
  const b = Buffer.concat(parts);
  const start = parts[0]!.length;
  // The reader's split: at \n, one CR before it left out.
  const ref: [number, number][] = [];
  for (let p = start; ; ) {
    const nl = b.indexOf(10, p);
    if (nl < 0) break;
    ref.push([p, nl > p && b[nl - 1] === 13 ? nl - 1 : nl]);
    p = nl + 1;
  }
  for (const p of pairs) {
    const n = p.wasm.scanBlock(b, start, b.length);
    assert.is(n, ref.length, "lines in the block");
    assert.is(p.wasm.lines, n);
    for (let k = 0; k < n; k++) {
      const [s, e] = ref[k]!;
      assert.is(p.wasm.lineStart(k), s);
      assert.is(p.wasm.lineEnd(k), e);
      const okWasm = p.wasm.select(k);
      const okJs = p.js.scan(b, s, e);
      sameFields(p, okJs, okWasm, b, s, e);
    }
  }
  return ref.length;
}

/** The first `max` lines of a file (read from its head only). */
function headLines(path: string, max: number, bytes = 16 << 20): Buffer[] {
  const fd = openSync(path, "r");
  const buf = Buffer.alloc(Math.min(bytes, statSync(path).size));
  try {
    readSync(fd, buf, 0, buf.length, 0);
  } finally {
    closeSync(fd);
  }
  const out: Buffer[] = [];
  for (let p = 0; out.length < max; ) {
    const nl = buf.indexOf(10, p);
    if (nl < 0) break;
    out.push(buf.subarray(p, nl));
    p = nl + 1;
  }
  return out;
}

function fixtureFiles(dir: string): string[] {
  const out: string[] = [];
  for (const name of readdirSync(dir).sort()) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) out.push(...fixtureFiles(path));
    else if (/\.json(l)?$/.test(name)) out.push(path);
  }
  return out;
}

const splitLines = (text: Buffer): Buffer[] => {
  const out: Buffer[] = [];
  for (let p = 0; p < text.length; ) {
    let nl = text.indexOf(10, p);
    if (nl < 0) nl = text.length;
    out.push(text.subarray(p, nl));
    p = nl + 1;
  }
  return out;
};

const fixtureLines: Buffer[] = fixtureFiles(join(root, "tests", "fixtures")).flatMap((f) => splitLines(readFileSync(f)));
const cowrieFixtureLines = splitLines(readFileSync(join(root, "tests", "fixtures", "parse", "cowrie", "cowrie.json"))).filter((l) => l.length > 0);
const benchLines: Buffer[] = existsSync(BENCH_FILE) ? headLines(BENCH_FILE, 20_000) : [];
/** Real lines to mutate: the bench file's when present, else the Cowrie fixture's. */
const realLines = benchLines.length > 0 ? benchLines : cowrieFixtureLines;

const sample =
  '{"eventid":"cowrie.login.failed","username":"root","password":"p\\u00e9\\"x","src_port":-1.5E+3,"ok":true,"no":false,"nil":null,' +
  '"arr":[1,{"k":[]},"s"],"obj":{"a":{"b":[{}]}},"timestamp":"2019-06-23T15:00:02.114541Z"}';

const nested = (open: string, close: string, depth: number, inner = "1"): string => open.repeat(depth) + inner + close.repeat(depth);

/** Hand-written lines at the edges of the contract. */
const TRICKY: string[] = [
  sample,
  "{}",
  " {} ",
  "\t{ }\r",
  "{ }",
  "",
  " ",
  "{",
  "}",
  "[]",
  '"s"',
  "1",
  "{}}",
  "{}{}",
  "{} x",
  '{"a":1}garbage',
  '{"a":1},',
  '{"a":1,}',
  '{,"a":1}',
  '{"a" 1}',
  '{"a"::1}',
  '{"a":}',
  '{"a":1 "b":2}',
  '{"a":1,,"b":2}',
  '{a:1}',
  "{'a':1}",
  // whitespace: JSON's four only, anywhere between tokens
  '{ "a" : 1 , "b" : "x" }',
  '{\t"a"\t:\t1\t,\t"b"\t:\t"x"\t}',
  '{\r"a"\r:\r1\r}',
  '{\n"a"\n:\n1\n}',
  '{"a":1}\t\t',
  '{"a":1}\r',
  '\u000b{"a":1}',
  '{"a":1}\u000c',
  '{\u00a0"a":1}',
  // strings: escapes
  '{"a":"\\n\\t\\r\\b\\f\\/\\\\\\""}',
  '{"a":"\\u0041\\u00e9\\uD83D\\uDE00\\uffff\\uABCD"}',
  '{"a":"\\u00g1"}',
  '{"a":"\\u12"}',
  '{"a":"\\u"}',
  '{"a":"\\u123"}',
  '{"a":"\\x41"}',
  '{"a":"\\\'"}',
  '{"a":"\\a"}',
  '{"a":"\\',
  '{"a":"\\"}',
  '{"a":"x\\\\"}',
  '{"a":"x\\\\\\"}',
  '{"a":"\\uD800"}',
  '{"ab\\u0063":1}',
  '{"a\\"b":1}',
  '{"a\\nb":1,"a":2}',
  // strings: bytes that are not plain ASCII or are control bytes (as latin1 here: one byte each)
  '{"a":"caf\u00e9"}',
  '{"caf\u00e9":1,"a":2}',
  '{"a":"x\u0080"}',
  '{"a":"\u00ff"}',
  '{"a":1}\u0080',
  '\u0080{"a":1}',
  '{"a":"x\u0000y"}',
  '{"a":"x\u001fy"}',
  '{"a":"x\u007fy"}',
  '{"a":"tab\there"}',
  '{"a\u0001":1}',
  '{"a":1\u0000}',
  '{"a":"x"\u0000}',
  '{"a":"unterminated}',
  '{"a":"unterminated',
  '{"a',
  '{"',
  '{"":1}',
  '{"":1,"a":2}',
  '{"":"x"}',
  '{"" :1}',
  '{"":1,"":2}',
  // numbers
  '{"a":0}',
  '{"a":-0}',
  '{"a":-0.0}',
  '{"a":1e5}',
  '{"a":1E5}',
  '{"a":1e+5}',
  '{"a":1e-5}',
  '{"a":1.5E-3}',
  '{"a":-1.5e-3}',
  '{"a":123456789012345}',
  '{"a":1234567890123456}',
  '{"a":12345678901234567890}',
  '{"a":1e400}',
  '{"a":-1e400}',
  '{"a":01}',
  '{"a":00}',
  '{"a":-01}',
  '{"a":1.}',
  '{"a":.5}',
  '{"a":-}',
  '{"a":-.5}',
  '{"a":+1}',
  '{"a":1e}',
  '{"a":1e+}',
  '{"a":1E-}',
  '{"a":1.e5}',
  '{"a":1.5e5.5}',
  '{"a":0x10}',
  '{"a":1_000}',
  '{"a":Infinity}',
  '{"a":NaN}',
  '{"a":--1}',
  '{"a":1-}',
  '{"a":[1.,2]}',
  '{"a":[01]}',
  '{"a":[-]}',
  '{"a":[1e5,-0,0.5E+2]}',
  // literals
  '{"a":true,"b":false,"c":null}',
  '{"a":tru}',
  '{"a":True}',
  '{"a":nul}',
  '{"a":nulll}',
  '{"a":falsey}',
  '{"a":fals}',
  '{"a":t',
  '{"a":[true,false,null]}',
  '{"a":[tru]}',
  '{"a":[nulx]}',
  // nested values
  '{"a":{}}',
  '{"a":[]}',
  '{"a":[ ]}',
  '{"a":{ }}',
  '{"a":[1,2,[3,[4]],{"b":{"c":[]}}]}',
  '{"a":{"b":1,"b":2}}',
  '{"a":{"b\\u0041":1}}',
  '{"a":{"b":"\\q"}}',
  '{"a":{1:2}}',
  '{"a":{"b"}}',
  '{"a":{"b":}}',
  '{"a":{"b":1,}}',
  '{"a":[1,]}',
  '{"a":[,1]}',
  '{"a":[1 2]}',
  '{"a":[1}',
  '{"a":{"b":1]}',
  '{"a":[}',
  '{"a":[',
  '{"a":{',
  '{"a":[[[',
  '{"a":["x\u0080"]}',
  '{"a":["\u0001"]}',
  '{"a":{"caf\u00e9":1}}',
  '{"a":[1] ,"b":{} }',
  '{"a":[ 1 , 2 ] , "b" : { "c" : [ ] } }',
  // duplicates: the last occurrence wins, whatever its type
  '{"a":1,"a":"two"}',
  '{"a":"one","b":2,"a":[3]}',
  '{"a":{"x":1},"a":null}',
  '{"eventid":"x","eventid":"y","eventid":3}',
  // keys like wanted ones: same length and first bytes, prefixes, longer
  '{"src_iq":"1","src_ip":"2","src_i":"3","src_ipp":"4","eventie":5,"eventid":6}',
  '{"ab":1,"ac":2,"abc":3,"abd":4,"b":5,"bb":6}',
  '{"a_key_of_17_bytez":1,"a_key_of_17_bytes":2,"a_key_of_17_byte":3}',
  `{"${"x".repeat(40)}":1,"${"x".repeat(39)}y":2,"${"x".repeat(41)}":3}`,
  `{"b${Z31}":1,"":2}`,
  `{"":2,"B${Z31}":1}`,
  `{"b${"z".repeat(30)}y":1,"":2}`,
  '{"a":1,"A":2}',
  // nesting right at MAX_DEPTH and around it
  ...[MAX_DEPTH - 1, MAX_DEPTH, MAX_DEPTH + 1].flatMap((d) => [
    `{"a":${nested("[", "]", d)}}`,
    `{"a":${nested("[", "]", d, "")}}`,
    `{"a":${nested('{"k":', "}", d)}}`,
    `{"a":${nested('{"k":', "}", d, "{}")}}`,
    `{"a":${nested('[{"k":', "}]", Math.ceil(d / 2))}}`,
    `{"a":${nested("[", "]", d)},"b":2}`,
  ]),
];

test("the wasm module and scan.ts agree on MAX_DEPTH; depth 64 passes, 65 does not", () => {
  const p = pairs[1]!;
  const at = (d: number) => Buffer.from(`{"a":${nested("[", "]", d)}}`);
  for (const [d, want] of [
    [MAX_DEPTH, true],
    [MAX_DEPTH + 1, false],
  ] as const) {
    const b = at(d);
    assert.is(p.js.scan(Buffer.concat([b, Buffer.from("\n")]), 0, b.length), want, `FieldScanner at depth ${d}`);
    assert.is(p.wasm.scan(b, 0, b.length), want, `wasm at depth ${d}`);
  }
});

test("tricky lines: same results, per line and in blocks", () => {
  const lines = TRICKY.map((l) => Buffer.from(l, "latin1"));
  for (const l of lines) checkLine(l);
  // Block: lines containing a newline split as the reader would split them.
  checkBlock(lines);
  checkBlock(lines, (k) => k % 2 === 1);
  checkBlock(lines, () => true, "");
  // Some must pass, some must not: the test sees both sides of the contract.
  const ok = lines.filter((l) => pairs[1]!.js.scan(Buffer.concat([l, Buffer.from("\n")]), 0, l.length)).length;
  assert.ok(ok > 40 && ok < lines.length - 80, `${ok} of ${lines.length} tricky lines pass`);
});

test("every prefix and suffix of sample lines", () => {
  const samples = [sample, ...cowrieFixtureLines.slice(0, 4).map((l) => l.toString("latin1")), TRICKY.find((l) => l.includes("[[[[[[[[[["))!];
  for (const s of samples) {
    const b = Buffer.from(s, "latin1");
    const cuts: Buffer[] = [];
    for (let k = 0; k <= b.length; k++) cuts.push(b.subarray(0, k), b.subarray(k));
    for (const c of cuts) checkLine(c);
    checkBlock(cuts);
  }
});

test("fixture lines (every .json under tests/fixtures)", () => {
  assert.ok(fixtureLines.length > 100, `${fixtureLines.length} fixture lines`);
  for (const l of fixtureLines) checkLine(l);
  checkBlock(fixtureLines);
  checkBlock(fixtureLines, (k) => k % 3 === 0);
});

(benchLines.length > 0 ? test : test.skip)("real Cowrie lines of the bench file (first 20k)", () => {
  const counts = { ok: 0, lines: 0 };
  for (const l of benchLines) checkLine(l, counts);
  assert.ok(counts.ok > counts.lines * 0.9, `${counts.ok} of ${counts.lines} real lines pass`);
  for (let k = 0; k < benchLines.length; k += 5000) checkBlock(benchLines.slice(k, k + 5000));
});

/** A seeded PRNG (mulberry32): the same mutations on every run. */
function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Bytes a mutation writes: the ones the grammar turns on, and some it never accepts. */
const MUTANTS = Buffer.from('"\\{}[]:,. \t\r\n0-+eE19utfnlx/', "latin1");
const RAW_MUTANTS = [0x80, 0x00, 0x1f, 0x7f, 0xff, 0xc3, 0x0b];

function mutate(line: Buffer, r: () => number): Buffer {
  let b = Buffer.from(line);
  const edits = 1 + Math.floor(r() * 3);
  for (let k = 0; k < edits; k++) {
    const at = Math.floor(r() * (b.length + 1));
    const byte = r() < 0.8 ? MUTANTS[Math.floor(r() * MUTANTS.length)]! : RAW_MUTANTS[Math.floor(r() * RAW_MUTANTS.length)]!;
    const op = r();
    if (op < 0.5 && at < b.length) b[at] = byte;
    else if (op < 0.7) b = Buffer.concat([b.subarray(0, at), Buffer.from([byte]), b.subarray(at)]);
    else if (op < 0.85) b = Buffer.concat([b.subarray(0, at), b.subarray(at + 1 + Math.floor(r() * 4))]);
    else if (op < 0.93) b = b.subarray(0, at);
    else {
      // a piece of the line repeated elsewhere (a key or value twice, nesting, …)
      const from = Math.floor(r() * b.length);
      const piece = b.subarray(from, from + 1 + Math.floor(r() * 24));
      b = Buffer.concat([b.subarray(0, at), piece, b.subarray(at)]);
    }
  }
  return b;
}

test("fuzz: 120k seeded mutations of real lines", () => {
  const r = rng(0x5eed);
  const N = 120_000;
  let block: Buffer[] = [];
  const counts = { ok: 0, lines: 0 };
  for (let k = 0; k < N; k++) {
    const m = mutate(realLines[k % realLines.length]!, r);
    checkLine(m, counts);
    block.push(m);
    if (block.length === 4000) {
      checkBlock(block, (j) => (j & 7) === 3);
      block = [];
    }
  }
  // Mutations must leave a fair share valid, or the fuzzer tests only the "false" side.
  assert.ok(counts.ok > N * 0.1 && counts.ok < N * 0.9, `${counts.ok} of ${N} mutated lines pass`);
});

test("memory grows: a long line, a block of very many lines, block results kept across a long line", () => {
  const p = pairs[0]!;
  const big = Buffer.from(`{"eventid":"x","input":"${"A".repeat(5 << 20)}","src_ip":"1.2.3.4","session":[${"1,".repeat(100_000)}2]}`);
  checkLine(big);
  const tiny = Array.from({ length: 100_000 }, (_, k) => Buffer.from(k % 2 ? "{}" : `{"src_port":${k}}`));
  assert.is(checkBlock(tiny), tiny.length);
  // Results of a block stay valid through a per-line scan that grows the input area.
  const lines = realLines.slice(0, 50);
  const b = Buffer.from(lines.map((l) => l.toString("latin1") + "\n").join(""), "latin1");
  const n = p.wasm.scanBlock(b, 0, b.length);
  const bigger = Buffer.concat([big, Buffer.from(" ".repeat(8 << 20))]);
  assert.ok(p.wasm.scan(bigger, 0, bigger.length));
  for (let k = 0; k < n; k++) {
    const s = p.wasm.lineStart(k);
    const e = p.wasm.lineEnd(k);
    sameFields(p, p.js.scan(b, s, e), p.wasm.select(k), b, s, e);
  }
  assert.throws(() => p.wasm.select(n), /not in the last block/);
});

test("the committed scanner.wasm.ts is what npm run build:wasm makes from scanner.as.ts", async () => {
  const text = generatedModule(await compileScanner());
  assert.ok(text === readFileSync(GENERATED, "utf8"), "scanner.wasm.ts is stale: run npm run build:wasm");
});

test.run();
