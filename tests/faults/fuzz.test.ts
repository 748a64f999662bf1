/**
 * Fuzzing the parsers with mutations of real-format lines (every fixture under
 * tests/fixtures/parse/, and with HONEYWEEK_FUZZ_REALDATA=<folder> the real logs for longer runs):
 * bit flips, cuts, splices, repeated and deleted bytes, hostile payloads put into string values,
 * deep nesting. No parser may fail on a line (a "parser-error" is a crash caught by the wrapper),
 * none may take long on one line, and memory stays bounded. Seeded, so a failure can be replayed.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { gunzipSync } from "node:zlib";
import { PARSERS, parserByName } from "../../scripts/parse/registry.ts";
import { HOSTILE_CORPUS } from "../../scripts/hostile/corpus.ts";
import { Rng } from "../../scripts/sample/prng.ts";
import type { ParseContext } from "../../scripts/model/event.ts";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";

// A full garbage collection before measuring, so the check sees retained memory, not garbage.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;
function heapMb(): number {
  gc();
  return process.memoryUsage().heapUsed / 1e6;
}

const FIXTURES = new URL("../fixtures/parse/", import.meta.url).pathname;
const SEED = Number(process.env.HONEYWEEK_FUZZ_SEED ?? 20190630);
const BUDGET_MS = Number(process.env.HONEYWEEK_FUZZ_MS ?? 4000);
// A hang detector, not a speed goal: far above any real line (speed lives in `npm run bench`).
const SLOW_LINE_MS = 2000;

function prng(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

const SHORT_PAYLOADS = HOSTILE_CORPUS.filter((p) => p.text.length < 2000).map((p) => p.text);

function mutate(line: string, rnd: () => number): string {
  const pick = (n: number) => Math.floor(rnd() * n);
  const at = pick(line.length + 1);
  switch (pick(9)) {
    case 0: // flip a character
      return line.slice(0, at) + String.fromCharCode(pick(0x3000)) + line.slice(at + 1);
    case 1: // cut
      return line.slice(0, at);
    case 2: // delete a span
      return line.slice(0, at) + line.slice(at + pick(40));
    case 3: // repeat a span
      return line.slice(0, at) + line.slice(at, at + pick(60)).repeat(1 + pick(5)) + line.slice(at);
    case 4: // a hostile payload inside a JSON string value
      return line.replace(/"([^"\\]{0,40})"(?=\s*[,}])/, () => JSON.stringify(SHORT_PAYLOADS[pick(SHORT_PAYLOADS.length)]));
    case 5: // a value of another type
      return line.replace(/:\s*("[^"]*"|-?\d+(\.\d+)?|true|false|null)/, () => ":" + ["{}", "[]", "null", "1e309", '"\\ud800"', "-0", "[[[[[[[[1]]]]]]]]", '{"a":{"b":{"c":{}}}}'][pick(8)]);
    case 6: // deep nesting
      return line.slice(0, at) + "[".repeat(2000 + pick(3000)) + line.slice(at);
    case 7: // control characters and separators
      return line.slice(0, at) + ["\u0000", "\r", "\u2028", "\u001b[2J", "\uFFFD", ",", ":", '"', "\\"][pick(9)] + line.slice(at);
    default: // splice with itself
      return line.slice(0, at) + line.slice(pick(line.length));
  }
}

function fixtureLines(): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const name of readdirSync(FIXTURES)) {
    const dir = join(FIXTURES, name);
    if (!statSync(dir).isDirectory() || !parserByName(name)) continue;
    const lines: string[] = [];
    for (const f of readdirSync(dir)) lines.push(...readFileSync(join(dir, f), "utf8").split("\n").filter((l) => l.trim()));
    out.set(name, lines);
  }
  return out;
}

/** Real lines for longer runs: HONEYWEEK_FUZZ_REALDATA points at a T-Pot data folder. */
function realLines(root: string, into: Map<string, string[]>): void {
  for (const p of PARSERS) {
    const dir = join(root, p.dir, "log");
    let names: string[] = [];
    try {
      names = readdirSync(dir);
    } catch {
      continue;
    }
    const lines = into.get(p.name) ?? [];
    for (const n of names.slice(0, 3)) {
      let buf = readFileSync(join(dir, n));
      if (buf[0] === 0x1f && buf[1] === 0x8b) buf = gunzipSync(buf);
      lines.push(...buf.toString("utf8").split("\n").slice(0, 2000).filter((l) => l.trim()));
    }
    into.set(p.name, lines);
  }
}

test("every parser has fixture lines to fuzz", () => {
  const lines = fixtureLines();
  for (const p of PARSERS) assert.ok((lines.get(p.name)?.length ?? 0) > 0, `no fixture lines for ${p.name}`);
});

test(`mutated lines never make a parser fail or hang (seed ${SEED}, ${BUDGET_MS} ms)`, () => {
  const corpus = fixtureLines();
  if (process.env.HONEYWEEK_FUZZ_REALDATA) realLines(process.env.HONEYWEEK_FUZZ_REALDATA, corpus);
  const rnd = prng(SEED);
  const names = [...corpus.keys()].sort();
  const heapBefore = heapMb();
  const deadline = performance.now() + BUDGET_MS;
  let n = 0;
  while (performance.now() < deadline) {
    const name = names[n % names.length]!;
    const parser = parserByName(name)!;
    const lines = corpus.get(name)!;
    let line = lines[Math.floor(rnd() * lines.length)]!;
    for (let k = 1 + Math.floor(rnd() * 3); k > 0; k--) line = mutate(line, rnd);
    const ctx: ParseContext = { sensorTimeZone: rnd() < 0.2 ? "Asia/Tokyo" : "UTC", file: `/data/${parser.dir}/log/x` };
    const t0 = performance.now();
    const result = parser.parse(line, ctx);
    const ms = performance.now() - t0;
    const results = Array.isArray(result) ? result : [result];
    for (const r of results) {
      assert.ok(r !== "parser-error", `${name} failed on mutated line (seed ${SEED}, case ${n}): ${JSON.stringify(line.slice(0, 300))}`);
      if (typeof r === "object") {
        assert.ok(Number.isFinite(r.ts), `${name}: non-finite time from ${JSON.stringify(line.slice(0, 200))}`);
        if (r.dstPort !== undefined) assert.ok(Number.isInteger(r.dstPort) && r.dstPort >= 0 && r.dstPort <= 65535, `${name}: port ${r.dstPort}`);
      }
    }
    assert.ok(ms < SLOW_LINE_MS, `${name} took ${ms.toFixed(0)} ms on one line (case ${n})`);
    n++;
  }
  const grownMb = heapMb() - heapBefore;
  assert.ok(grownMb < 20, `parsers retained ${grownMb.toFixed(1)} MB after ${n} lines`);
  assert.ok(n > 1000, `only ${n} cases ran`);
});

test.run();
