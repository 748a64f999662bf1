/**
 * WasmFieldScanner gives exactly what FieldScanner gives: for every line the same scan result and,
 * when true, the same typeOf/from/to/value for every wanted key. Held to that on the real Cowrie
 * lines of the bench file (when present), every fixture line, hand-written tricky lines, every
 * prefix of sample lines, and seeded random mutations of real lines; through the per-line API (a
 * line followed by \n, by \r\n, or by nothing) and the block API (scanBlock + select). Also: wasm
 * memory grows for long lines and many lines, and the committed generated module is up to date.
 *
 * Value keys (what FieldScanner does not have) are held, on all those lines, to a reference: a Map
 * from value to first-seen index, fed the keyed fields' short unescaped string values of every
 * valid line in the order the scanner saw them; plus tricky values, forced hash collisions in tiny
 * tables, 300k distinct values across memory growth, and full tables.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, openSync, readFileSync, readSync, closeSync, readdirSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { COWRIE_FIELDS } from "../../scripts/parse/cowrie.ts";
import { FieldScanner, MAX_DEPTH, VT_NONE, VT_STRING } from "../../scripts/parse/fast/scan.ts";
import { WasmFieldScanner, type ScannedLine, type TableOptions } from "../../scripts/parse/fast/wasmScan.ts";
import { JsStringTable, MAX_KEYED, type StringTable } from "../../scripts/parse/fast/intern.ts";
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

/** Keyed fields: Cowrie's (what the fast path keys for full events), every key of the other sets. */
const COWRIE_KEYED = ["src_ip", "username", "password", "input", "url", "shasum", "hassh", "version", "dst_ip", "session", "protocol"].map((k) =>
  (COWRIE_FIELDS as readonly string[]).indexOf(k),
);
const keyedOf = (keys: readonly string[]): number[] => (keys === COWRIE_FIELDS ? COWRIE_KEYED : keys.map((_, i) => i));

/**
 * The value keys a scanner must give: first-seen index of each value, fed in the scanner's order
 * (per valid line, the keyed fields in the order they were given, duplicates left out).
 */
class KeyRef {
  readonly ids = new Map<string, number>();
  /** Arena bytes the wasm table's entries take (8 + the value, padded to 8). */
  private used = 0;
  constructor(
    readonly keyed: readonly number[],
    private readonly limits: { maxEntries?: number; maxArena?: number } = {},
  ) {}

  /** The expected key of a value (a new one gets the next index; -1 past the table's bounds). */
  keyOf(v: string): number {
    let k = this.ids.get(v);
    if (k !== undefined) return k;
    const size = (8 + v.length + 7) & ~7;
    if (this.ids.size >= (this.limits.maxEntries ?? Infinity) || this.used + size > (this.limits.maxArena ?? Infinity)) return -1;
    this.used += size;
    this.ids.set(v, (k = this.ids.size));
    return k;
  }

  /** Expected keys of a valid line, per wanted key (-1 where none), fed in the scanner's order. */
  line(sc: ScannedLine, n: number): number[] {
    const want = new Array<number>(n).fill(-1);
    for (const i of [...new Set(this.keyed)]) {
      if (sc.typeOf(i) !== VT_STRING) continue;
      const v = sc.value(i) as string;
      if (v.length <= MAX_KEYED) want[i] = this.keyOf(v);
    }
    return want;
  }
}

interface Pair {
  keys: readonly string[];
  js: FieldScanner;
  wasm: WasmFieldScanner;
  ref: KeyRef;
}
const pairs: Pair[] = KEY_SETS.map((keys) => ({ keys, js: new FieldScanner(keys), wasm: new WasmFieldScanner(keys, keyedOf(keys)), ref: new KeyRef(keyedOf(keys)) }));

/**
 * The wasm scanner's value keys for its current (valid) line against the reference; each key's
 * string, made from this line's bytes, is the value (and is the one already made, if it was).
 */
function sameKeys(wasm: WasmFieldScanner, ref: KeyRef, b: Buffer, s: number, e: number, counted = true): void {
  const want = ref.line(wasm, wasm.keys.length);
  for (let i = 0; i < want.length; i++) {
    const k = wasm.keyOf(i);
    if (k !== want[i]) assert.unreachable(`key ${JSON.stringify(wasm.keys[i])}: value key ${k}, reference ${want[i]}: ${show(b, s, e)}`);
    if (k < 0) continue;
    const v = wasm.value(i) as string;
    const t = wasm.strings.text(k, wasm.buf, wasm.from[i]! + 1, wasm.to[i]! - 1);
    if (t !== v || wasm.strings.strings[k] !== v) assert.unreachable(`key ${k} names ${JSON.stringify(t)}, not ${JSON.stringify(v)}`);
  }
  if (counted && wasm.keyCount !== ref.ids.size) assert.unreachable(`${wasm.keyCount} value keys, reference ${ref.ids.size}: ${show(b, s, e)}`);
}

// Both scanners present the same surface (a caller can take either).
const surface: ScannedLine[] = [pairs[0]!.js, pairs[0]!.wasm];
void surface;

const show = (b: Buffer, s: number, e: number): string => JSON.stringify(b.toString("latin1", s, e)).slice(0, 300);

/**
 * The wasm scanner's current results against FieldScanner's for the same line. FieldScanner's
 * offsets are in its `buf` (its own copy when the line had no newline after it: then `jsBase` is
 * where the line started in that copy); the wasm's are always in the caller's buffer.
 */
function sameFields(p: Pair, okJs: boolean, okWasm: boolean, b: Buffer, s: number, e: number, inBlock?: true): void {
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
  // (In a block, every line's values were keyed before the first is checked.)
  sameKeys(p.wasm, p.ref, b, s, e, inBlock === undefined);
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
      sameFields(p, okJs, okWasm, b, s, e, true);
    }
    assert.is(p.wasm.keyCount, p.ref.ids.size, "value keys after a block");
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

/**
 * Lines through a scanner of their own (keys and value keys against `ref`): each per line (inside
 * a buffer, and at a buffer's end), then all of them as one block, then again per line.
 */
function keyedRun(sc: WasmFieldScanner, ref: KeyRef, lines: readonly Buffer[]): void {
  const one = (l: Buffer): void => {
    for (const b of [Buffer.concat([Buffer.from("x\n"), l, Buffer.from("\n")]), Buffer.concat([Buffer.from("x\n"), l])]) {
      if (sc.scan(b, 2, 2 + l.length)) sameKeys(sc, ref, b, 2, 2 + l.length);
      else for (let i = 0; i < sc.keys.length; i++) assert.is(sc.keyOf(i), -1, "no keys on an invalid line");
    }
  };
  const half = lines.length >> 1;
  lines.slice(0, half).forEach(one);
  const b = Buffer.from(lines.map((l) => l.toString("latin1") + "\n").join(""), "latin1");
  const n = sc.scanBlock(b, 0, b.length);
  for (let k = 0; k < n; k++) {
    if (sc.select(k)) sameKeys(sc, ref, b, sc.lineStart(k), sc.lineEnd(k), false);
    else for (let i = 0; i < sc.keys.length; i++) assert.is(sc.keyOf(i), -1, "no keys on an invalid line");
  }
  assert.is(sc.keyCount, ref.ids.size, "value keys after a block");
  lines.slice(half).forEach(one);
}

const jsonLine = (o: Record<string, unknown>): Buffer => Buffer.from(JSON.stringify(o), "latin1");

test("value keys: tricky values", () => {
  const sc = new WasmFieldScanner(["a", "b", "c"], [0, 1, 1]);
  const ref = new KeyRef([0, 1]);
  const x64 = "x".repeat(64);
  const lines = [
    '{"a":"","b":""}',
    `{"a":"${x64}","b":"${x64}y"}`,
    `{"a":"${"y".repeat(63)}","b":"${"y".repeat(65)}"}`,
    '{"a":"x\\ny","b":"\\u0041"}',
    '{"a":"A","b":"A"}',
    '{"a":1,"b":null}',
    '{"a":{"k":"v"},"b":["v"]}',
    '{"a":true,"b":false,"c":"not keyed"}',
    '{"c":"only c"}',
    '{"a":"first","a":"second"}',
    '{"a":"shadowed","a":5}',
    '{"a" : "spaced" , "b"\t:\t"tabbed" }',
    '{"a":"valid until","b":"the end"',
    '{"a":"v","b":"w"} x',
    '{"b":"1.2.3.4","a":"1.2.3.4"}',
    '{"a":"caf\u00e9"}',
    ...Array.from({ length: 65 }, (_, n) => `{"a":"${x64.slice(0, n)}"}`),
    // values one byte apart, at every position of a 64-byte value and of shorter ones
    ...Array.from({ length: 64 }, (_, i) => `{"a":"${x64.slice(0, i)}z${x64.slice(i + 1)}","b":"${"ab".repeat(8).slice(0, i % 17)}q"}`),
    ...Array.from({ length: 64 }, (_, i) => `{"b":"${x64.slice(0, i)}${String.fromCharCode(33 + i)}"}`),
  ].map((l) => Buffer.from(l, "latin1"));
  keyedRun(sc, ref, lines);
  // Some of them by hand.
  const at = (line: string): [number, number] => {
    const b = Buffer.from(line, "latin1");
    assert.ok(sc.scan(b, 0, b.length), line);
    return [sc.keyOf(0), sc.keyOf(1)];
  };
  assert.equal(at('{"a":"","b":""}'), [ref.ids.get(""), ref.ids.get("")]);
  const [k64, k65] = at(`{"a":"${x64}","b":"${x64}y"}`);
  assert.ok(k64 >= 0 && sc.strings.strings[k64] === x64);
  assert.is(k65, -1);
  assert.equal(at('{"a":"x\\ny","b":"\\u0041"}'), [-1, -1]);
  assert.equal(at('{"a":"A","b":"A"}'), [ref.ids.get("A"), ref.ids.get("A")]);
  assert.equal(at('{"a":"first","a":"second","c":"z"}'), [ref.ids.get("second"), -1]);
  assert.not.ok(ref.ids.has("first") || ref.ids.has("shadowed") || ref.ids.has("not keyed") || ref.ids.has("valid until"));
  assert.is(sc.keyOf(2), -1, "a field that is not keyed");
});

test("value keys: forced hash collisions in tiny tables", () => {
  const values: string[] = [];
  for (let i = 0; i < 1500; i++) values.push(`v${i}`, `${"k".repeat(i % 60)}${i}`, `10.${i % 7}.${i % 251}.${i & 15}`);
  const lines = values.map((v, i) => jsonLine({ a: v, b: values[(i * 7919) % values.length], c: i }));
  for (const table of [{ bits: 1, hashBits: 0 }, { bits: 1, hashBits: 2 }, { bits: 1, hashBits: 9 }, { bits: 1 }] satisfies TableOptions[]) {
    const sc = new WasmFieldScanner(["a", "b", "c"], [0, 1], table);
    const ref = new KeyRef([0, 1]);
    keyedRun(sc, ref, lines);
    keyedRun(sc, ref, lines.slice().reverse());
    assert.is(sc.keyCount, new Set(values).size, JSON.stringify(table));
  }
});

test("value keys: 300k distinct values, through table growth and memory growth", () => {
  const sc = new WasmFieldScanner(["src_ip", "username", "n"], [0, 1]);
  const ref = new KeyRef([0, 1]);
  const N = 300_000;
  const ROUND = 50_000;
  const lineOf = (i: number): Buffer => jsonLine({ src_ip: `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`, username: i % 3 ? `user${i}` : "root", n: i });
  const big = (round: number): Buffer => Buffer.from(`{"src_ip":"9.9.9.${round}","username":"${"A".repeat((2 << 20) * (round + 1))}"}`, "latin1");
  const tiny = (lines: number): Buffer => Buffer.from(`{"n":1}\n{}\n`.repeat(lines >> 1), "latin1");
  for (let round = 0; round * ROUND < N; round++) {
    const lines = Array.from({ length: ROUND }, (_, j) => lineOf(round * ROUND + j));
    keyedRun(sc, ref, lines.slice(0, 200));
    // Memory grows between rounds (a longer line each time, then a block of more lines than
    // before): the records and the value table move up.
    const l = big(round);
    assert.ok(sc.scan(l, 0, l.length));
    sameKeys(sc, ref, l, 0, l.length);
    const t = tiny(8192 << round);
    assert.is(sc.scanBlock(t, 0, t.length), 8192 << round);
    // This round's lines as a block.
    const b = Buffer.from(lines.map((l) => l.toString("latin1") + "\n").join(""), "latin1");
    const n = sc.scanBlock(b, 0, b.length);
    assert.is(n, lines.length);
    for (let k = 0; k < n; k++) {
      assert.ok(sc.select(k));
      sameKeys(sc, ref, b, sc.lineStart(k), sc.lineEnd(k), false);
    }
    assert.is(sc.keyCount, ref.ids.size);
  }
  const distinct = ref.ids.size;
  assert.ok(distinct > N, `${distinct} distinct values`);
  // Every value again, per line: the same keys, no new ones.
  for (let i = 0; i < N; i += 3) {
    const l = Buffer.concat([lineOf(i), Buffer.from("\n")]);
    assert.ok(sc.scan(l, 0, l.length - 1));
    sameKeys(sc, ref, l, 0, l.length - 1);
  }
  assert.is(sc.keyCount, distinct);
});

test("value keys: a full table gives new values no key and keeps the old ones'", () => {
  const values = Array.from({ length: 3000 }, (_, i) => `value-${i}-${"p".repeat(i % 50)}`);
  const lines = values.map((v, i) => jsonLine({ a: v, b: values[(i * 31) % values.length] }));
  for (const limits of [{ maxEntries: 1000 }, { maxArena: 20_000 }, { maxEntries: 1, maxArena: 64 << 10 }, { maxEntries: 0 }]) {
    const sc = new WasmFieldScanner(["a", "b"], [0, 1], { bits: 2, ...limits });
    const ref = new KeyRef([0, 1], limits);
    keyedRun(sc, ref, lines);
    keyedRun(sc, ref, lines);
    assert.ok(ref.ids.size < values.length, `the table filled up (${JSON.stringify(limits)})`);
  }
});

test("value keys: the StringTable surface (get) gives the keys a JsStringTable gives, and the scans' keys", () => {
  const sc = new WasmFieldScanner(["a"], [0], { bits: 1 });
  const table: StringTable = sc.strings;
  const js = new JsStringTable();
  const values = ["", "a", "1.2.3.4", "1.2.3.5", "x".repeat(64), "x".repeat(65), ...Array.from({ length: 5000 }, (_, i) => `u${i % 3001}`)];
  for (const v of values) {
    const b = Buffer.from(` ${v} `, "latin1");
    assert.is(table.get(b, 1, b.length - 1), v);
    assert.is(js.get(b, 1, b.length - 1), v);
    assert.is(table.lastKey, js.lastKey, v);
  }
  assert.is(table.size, js.size);
  // A line's value gets the key `get` gave it.
  for (const v of ["1.2.3.4", "u17", "new"]) {
    const b = jsonLine({ a: v });
    assert.ok(sc.scan(b, 0, b.length));
    table.get(Buffer.from(v, "latin1"), 0, v.length);
    assert.is(sc.keyOf(0), table.lastKey);
    assert.is(table.strings[sc.keyOf(0)], v);
  }
});

test("the committed scanner.wasm.ts is what npm run build:wasm makes from scanner.as.ts", async () => {
  const text = generatedModule(await compileScanner());
  assert.ok(text === readFileSync(GENERATED, "utf8"), "scanner.wasm.ts is stale: run npm run build:wasm");
});

test.run();
