/**
 * The generic record fast path (parse/fast/record.ts) against the reference parsers, for every
 * format that declares its record fields (define.ts RecordFields):
 *
 * - the declarations: `toEvent` reads no undeclared top-level key, checked statically (the
 *   `rec.x` / `rec["x"]` of each parser file) and by a recording Proxy over every fixture line,
 *   every line of a generated sample tree (plain and hostile) and variants of the fixture records;
 * - exactness: on the same lines, on seeded byte mutations and on structured ones (escapes,
 *   non-ASCII, duplicate keys, nested values, numbers as strings, other types), the fast path gives
 *   null or exactly `parser.parse(line, ctx)`; through the reader with block scanning, and line by
 *   line with both scanners (wasm and JavaScript);
 * - the real T-Pot logs in ../shared/realdata (when present): every line the same, and how many
 *   took the fast path.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { HoneypotParser, ParseContext, ParseResult } from "../../scripts/model/event.ts";
import { PARSERS } from "../../scripts/parse/registry.ts";
import { defineJsonParser, defineMixedJsonParser, parseJsonRecord, recordLaneOf, type RecordLane, type RecordShape } from "../../scripts/parse/define.ts";
import { fastParserFor } from "../../scripts/parse/fast/index.ts";
import { laneBytes, recordBytes } from "../../scripts/parse/fast/record.ts";
import type { ByteLineParser } from "../../scripts/parse/fast/types.ts";
import { readLineBytes } from "../../scripts/read/lines.ts";
import { discoverFiles } from "../../scripts/discover/layout.ts";
import { generateSample } from "../../scripts/sample/generate.ts";
import { record, type JsonRecord } from "../../scripts/parse/fields.ts";

const here = dirname(fileURLToPath(import.meta.url));
const FIXTURES = join(here, "..", "fixtures", "parse");
const PARSE_DIR = join(here, "..", "..", "scripts", "parse");
const REALDATA = join(here, "..", "..", "..", "shared", "realdata", "tpot-2022", "data");

/** Every parser with a record lane, and its lane. */
const LANED: [HoneypotParser, RecordLane][] = PARSERS.flatMap((p) => {
  const lane = recordLaneOf(p);
  return lane === undefined ? [] : [[p, lane] as [HoneypotParser, RecordLane]];
});
const LANE_OF = new Map(LANED.map(([p, lane]) => [p.name, lane]));

// One fast path of each kind per format, kept across files as the reader's are.
const viaWasm = new Map(LANED.map(([p]) => [p.name, recordBytes(p)]));
const viaJs = new Map(LANED.map(([p]) => [p.name, recordBytes(p, { js: true })]));

// ---------------------------------------------------------------------------------------------
// Lines

interface Line {
  parser: HoneypotParser;
  ctx: ParseContext;
  bytes: Buffer;
}

/** The lines of a file as the reader splits them (a CR before the newline left out). */
function splitLines(buf: Buffer): Buffer[] {
  const out: Buffer[] = [];
  let pos = 0;
  while (pos < buf.length) {
    let nl = buf.indexOf(10, pos);
    if (nl < 0) nl = buf.length;
    let end = nl;
    if (end > pos && buf[end - 1] === 13 && nl < buf.length) end--;
    out.push(buf.subarray(pos, end));
    pos = nl + 1;
  }
  return out;
}

/** Every line of every parse fixture of the laned formats (tests/fixtures/parse/<name>/*). */
function fixtureLines(): Line[] {
  const out: Line[] = [];
  for (const [parser] of LANED) {
    const dir = join(FIXTURES, parser.name);
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      const ctx = { sensorTimeZone: "UTC", file: `/data/${parser.dir}/log/${file}` };
      for (const bytes of splitLines(readFileSync(join(dir, file)))) out.push({ parser, ctx, bytes });
    }
  }
  return out;
}

/** Every line of every laned format's files in a T-Pot tree (gzip and plain, as discovered). */
async function treeLines(root: string): Promise<Line[]> {
  const out: Line[] = [];
  const { files } = await discoverFiles(root, PARSERS);
  for (const f of files) {
    const lane = LANE_OF.get(f.honeypot);
    if (lane === undefined) continue;
    const parser = PARSERS.find((p) => p.name === f.honeypot)!;
    const ctx = { sensorTimeZone: "UTC", file: f.path };
    await readLineBytes(f.path, {
      line(b, start, end) {
        out.push({ parser, ctx, bytes: Buffer.from(b.subarray(start, end)) });
      },
      lineFault() {},
      fileFault() {},
    });
  }
  return out;
}

const FIXTURE_LINES = fixtureLines();

const temps: string[] = [];
/** A small generated T-Pot tree (one week), plain and hostile; rdphoneypot owns 3389 in the plain one. */
const sampleTrees = (async () => {
  const plain = await mkdtemp(join(tmpdir(), "honeyweek-recordfast-"));
  const hostile = await mkdtemp(join(tmpdir(), "honeyweek-recordfast-hostile-"));
  temps.push(plain, hostile);
  await generateSample({ outDir: plain, scale: 0.05, weeks: ["2019-W26"], rdp: "rdphoneypot" });
  await generateSample({ outDir: hostile, scale: 0.05, weeks: ["2019-W26"], hostile: true });
  return { plain, hostile, lines: [...(await treeLines(plain)), ...(await treeLines(hostile))] };
})();

// ---------------------------------------------------------------------------------------------
// Checks

type Path = "fast" | "ref";

/** The reference result for a line's bytes, as the reader's ordinary path gives it. */
function reference(l: Line): ParseResult | ParseResult[] {
  return l.parser.parse(l.bytes.toString("utf8"), l.ctx);
}

const show = (b: Buffer): string => JSON.stringify(b.toString("latin1").slice(0, 400));

/**
 * One line through both scanners, inside a bigger buffer and at the very end of one: null or the
 * reference's result, and the same answer every way.
 */
function check(l: Line): Path {
  const ref = reference(l);
  const n = l.bytes.length;
  const mid = Buffer.concat([Buffer.from("xx\n"), l.bytes, Buffer.from("\nyy")]);
  const tail = Buffer.concat([Buffer.from("xx\n"), l.bytes]);
  const w = viaWasm.get(l.parser.name)!;
  const j = viaJs.get(l.parser.name)!;
  const got = w(mid, 3, 3 + n, l.ctx);
  assert.equal(w(tail, 3, tail.length, l.ctx), got, `wasm, at a buffer's end: ${show(l.bytes)}`);
  assert.equal(j(mid, 3, 3 + n, l.ctx), got, `JavaScript scanner: ${show(l.bytes)}`);
  assert.equal(j(tail, 3, tail.length, l.ctx), got, `JavaScript scanner, at a buffer's end: ${show(l.bytes)}`);
  if (got === null) return "ref";
  assert.equal(got, ref, `${l.parser.name} fast path: ${show(l.bytes)}`);
  return "fast";
}

/**
 * Files through the reader with the registered fast path (fastParserFor, block scanning) exactly
 * as aggregation uses it; each line checked against the reference. Counts per format.
 */
async function checkFiles(files: { path: string; honeypot: string }[], paths: Map<string, Record<Path, number>>, own = true): Promise<void> {
  const fasts = new Map<string, ByteLineParser>();
  for (const f of files) {
    const parser = PARSERS.find((p) => p.name === f.honeypot)!;
    if (recordLaneOf(parser) === undefined) continue;
    let fast = fasts.get(f.honeypot);
    if (fast === undefined) {
      fast = own ? fastParserFor(f.honeypot)! : recordBytes(parser);
      fasts.set(f.honeypot, fast);
    }
    const count = paths.get(f.honeypot) ?? { fast: 0, ref: 0 };
    paths.set(f.honeypot, count);
    const ctx = { sensorTimeZone: "UTC", file: f.path };
    const block = fast.block;
    await readLineBytes(f.path, {
      block: block === undefined ? undefined : (b, start, end) => block(b, start, end),
      line(b, start, end) {
        const got = fast(b, start, end, ctx);
        if (got === null) {
          count.ref++;
          return;
        }
        count.fast++;
        const ref = parser.parse(b.toString("utf8", start, end), ctx);
        assert.equal(got, ref, `${f.path}: ${show(b.subarray(start, end))}`);
      },
      lineFault() {},
      fileFault() {},
    });
  }
}

/**
 * A record watched by a Proxy: every undeclared key read (get, has, getOwnPropertyDescriptor),
 * every walk (ownKeys) and every write is noted in `bad`; an object value of a field with a nested
 * shape is watched in turn, by that shape.
 */
function watched(shape: RecordShape, obj: JsonRecord, path: string, bad: string[]): JsonRecord {
  const declared = new Set(shape.fields);
  const nested = shape.nested ?? {};
  const undeclared = (k: string | symbol): boolean => typeof k === "string" && !declared.has(k);
  return new Proxy(obj, {
    get(t, k, r) {
      if (undeclared(k)) bad.push(`get ${path}${String(k)}`);
      const v: unknown = Reflect.get(t, k, r);
      if (typeof k === "string" && Object.hasOwn(nested, k) && record(v) !== undefined) return watched(nested[k]!, v as JsonRecord, `${path}${k}.`, bad);
      return v;
    },
    has(t, k) {
      if (undeclared(k)) bad.push(`has ${path}${String(k)}`);
      return Reflect.has(t, k);
    },
    ownKeys(t) {
      bad.push(`ownKeys ${path}`);
      return Reflect.ownKeys(t);
    },
    getOwnPropertyDescriptor(t, k) {
      if (undeclared(k)) bad.push(`getOwnPropertyDescriptor ${path}${String(k)}`);
      return Reflect.getOwnPropertyDescriptor(t, k);
    },
    set(t, k, v, r) {
      bad.push(`set ${path}${String(k)}`);
      return Reflect.set(t, k, v, r);
    },
    defineProperty(t, k, d) {
      bad.push(`defineProperty ${path}${String(k)}`);
      return Reflect.defineProperty(t, k, d);
    },
    deleteProperty(t, k) {
      bad.push(`deleteProperty ${path}${String(k)}`);
      return Reflect.deleteProperty(t, k);
    },
  });
}

/** Undeclared reads of a record by the lane's toEvent. */
function undeclaredReads(lane: RecordLane, rec: JsonRecord, ctx: ParseContext, line: string): string[] {
  const bad: string[] = [];
  try {
    lane.toEvent(watched(lane, rec, "", bad), ctx, line);
  } catch {
    // a throw is the reference's "parser-error": what was read before it still counts
  }
  return bad;
}

/** The record of a line when it is one (what the lane's toEvent is given). */
function recordOf(l: Line): JsonRecord | undefined {
  const rec = parseJsonRecord(l.bytes.toString("utf8"));
  return typeof rec === "string" ? undefined : rec;
}

function assertReadsDeclared(l: Line, rec: JsonRecord): void {
  const lane = LANE_OF.get(l.parser.name)!;
  const bad = undeclaredReads(lane, rec, l.ctx, l.bytes.toString("utf8"));
  assert.equal(bad, [], `${l.parser.name} reads undeclared keys: ${show(l.bytes)}`);
}

/** Values to put into a declared field, to reach the branches the data does not. */
const VARIANTS: unknown[] = [null, 0, 1, -1, 1.5, 65536, "", " ", "x", "0", "22", "alert", "request", "start", "end", "NEW", "badlogin", "login", "connection", "success", "failed", "NewConnect", "Closed", "Start", "Stateless", "cli", "???", "accept", "connect", "snmp", "NEW_CONNECTION", "adbhoney.session.connect", "adbhoney.command.input", "adbhoney.session.file_download", "x.connect", "2019-06-25T10:00:01Z", "2019-06-25 10:00:01.123456789", "1561456801", 1561456801, "1.2.3.4", "::ffff:1.2.3.4", "0.0.0.0", "1.2.3.4:5060", "(1.2.3.4:5):GET Header: x", "honeyaml::access-log", "ssh_server", true, false, {}, [], { a: 1 }, ["x", "y"], { username: ["u"], password: ["p"] }, [{ username: "u", password: "p" }], { remote_ip: "1.2.3.4", remote_port: 5, local_port: 22, protocol: "tcp" }, { ip: "1.2.3.4", port: 5 }, { hasshServer: "h" }, { ja3s: "j" }, { hassh: "h", client: "c" }, { type: "connect", protocol: "p", transport: "t" }, { signature: "ET CVE-2019-2725", signature_id: 1, category: "c", severity: 1, metadata: { cve: ["CVE_2019_2725", 5] } }, { DateTime: "2019-06-25T10:00:01Z", RemoteAddr: "1.2.3.4:5", Protocol: "SSH", Status: "Start" }];

/**
 * Variants of a record: each declared field removed, or given each VARIANTS value; and the same,
 * one level down, for the declared keys of an object value of a nested shape.
 */
function* variants(rec: JsonRecord, shape: RecordShape): Generator<JsonRecord> {
  for (const f of shape.fields) {
    const without = { ...rec };
    delete without[f];
    yield without;
    for (const v of VARIANTS) yield { ...rec, [f]: v };
    const inner = shape.nested?.[f];
    const value = record(rec[f]);
    if (inner !== undefined) for (const v of variants(value ?? {}, inner)) yield { ...rec, [f]: v };
  }
}

// ---------------------------------------------------------------------------------------------
// Declarations

test("the JSON formats declare their fields; the fast path table has every one of them", () => {
  const undeclared = PARSERS.filter((p) => recordLaneOf(p) === undefined).map((p) => p.name);
  // Python dicts and text logs: no JSON record to declare.
  assert.equal(undeclared.sort(), ["ciscoasa", "endlessh", "rdpy"]);
  for (const [p] of LANED) assert.ok(fastParserFor(p.name) !== undefined, `${p.name} has a fast path`);
  assert.ok(fastParserFor("ciscoasa") === undefined);
});

test("declarations are checked: no __proto__, no duplicates, scannable keys, the guard's field declared", () => {
  const info = { name: "t", label: "T", countsAsAttack: true, dir: "t", files: /^t$/ };
  const toEvent = (): ParseResult => "not-an-event";
  for (const fields of [["__proto__"], ["a", "a"], ["caf\u00e9"], ['a"b'], ["a\\b"], [""], ["a\nb"]]) {
    assert.throws(() => defineJsonParser(info, toEvent, { fields }), fields.join());
  }
  assert.throws(() => defineJsonParser(info, toEvent, { fields: ["a"], only: { field: "b", is: "x", otherwise: "not-an-event" } }));
  assert.throws(() => defineJsonParser(info, toEvent, { fields: ["a"], nested: { b: { fields: ["c"] } } }), "nested field not declared");
  assert.throws(() => defineJsonParser(info, toEvent, { fields: ["a"], nested: { a: { fields: ["__proto__"] } } }), "nested __proto__");
  assert.throws(() => defineJsonParser(info, toEvent, { fields: ["a"], nested: { a: { fields: ["b"], nested: { b: { fields: ["x", "x"] } } } } }), "deeper duplicate");
  assert.ok(recordLaneOf(defineJsonParser(info, toEvent, { fields: ["constructor", "toString", "a b", "@t"] })) !== undefined);
});

test("static: every rec.<name> / rec[\"name\"] in a parser's file is declared", () => {
  for (const [p, lane] of LANED) {
    const file = join(PARSE_DIR, `${p.name}.ts`);
    assert.ok(existsSync(file), file);
    const src = readFileSync(file, "utf8");
    const declared = new Set(lane.fields);
    // The record's names: `rec`, and the toEvent parameter given to define(Mixed)JsonParser (Beelzebub's `raw`).
    const param = /define(?:Mixed)?JsonParser\(\s*\{[\s\S]*?\},\s*\(\s*(\w+)\s*,/.exec(src)?.[1];
    const names = new Set(param === undefined ? ["rec"] : ["rec", param]);
    const rec = `\\b(?:${[...names].join("|")})`;
    const read = new Set<string>();
    for (const m of src.matchAll(new RegExp(`${rec}\\??\\.([A-Za-z_$][\\w$]*)`, "g"))) read.add(m[1]!);
    for (const m of src.matchAll(new RegExp(`${rec}(?:\\?\\.)?\\[\\s*(["'\`])(.*?)\\1\\s*\\]`, "g"))) read.add(m[2]!);
    assert.ok(read.size > 0, `${p.name}: no rec.<name> found`);
    for (const k of read) assert.ok(declared.has(k), `${p.name}: rec.${k} is read but not declared`);
    // A computed key cannot be checked here: not allowed.
    assert.not.match(src, new RegExp(`${rec}(?:\\?\\.)?\\[\\s*[^"'\`\\s]`), `${p.name}: computed rec[…] access`);
    // Nothing that walks the record.
    assert.not.match(src, new RegExp(`(?:Object\\.(?:keys|entries|values|assign)\\(|for\\s*\\(\\s*(?:const|let)\\s+\\w+\\s+in\\s+|\\.\\.\\.)\\s*${rec}\\b`), `${p.name}: walks the record`);
  }
});

test("dynamic: toEvent reads only declared keys, on fixture lines and variants of their records", () => {
  let records = 0;
  for (const l of FIXTURE_LINES) {
    const lane = LANE_OF.get(l.parser.name)!;
    if (lane.appliesTo !== undefined && !lane.appliesTo(l.ctx)) continue;
    const rec = recordOf(l);
    if (rec === undefined) continue;
    assertReadsDeclared(l, rec);
    for (const v of variants(rec, lane)) {
      records++;
      const bad = undeclaredReads(lane, v, l.ctx, JSON.stringify(v));
      assert.equal(bad, [], `${l.parser.name} reads undeclared keys on variant ${JSON.stringify(v).slice(0, 300)}`);
    }
  }
  assert.ok(records > 10000, `variants tried: ${records}`);
});

test("dynamic: toEvent reads only declared keys, on every line of a generated tree (plain and hostile)", async () => {
  const { lines } = await sampleTrees;
  const formats = new Set<string>();
  for (const l of lines) {
    const lane = LANE_OF.get(l.parser.name)!;
    if (lane.appliesTo !== undefined && !lane.appliesTo(l.ctx)) continue;
    const rec = recordOf(l);
    if (rec === undefined) continue;
    formats.add(l.parser.name);
    assertReadsDeclared(l, rec);
  }
  // Every laned format is in the generated trees.
  assert.equal([...formats].sort(), LANED.map(([p]) => p.name).sort());
});

// ---------------------------------------------------------------------------------------------
// Exactness

test("fixture lines and variants of their records: null or the reference's result", () => {
  const paths = { fast: 0, ref: 0 };
  for (const l of FIXTURE_LINES) {
    paths[check(l)]++;
    const rec = recordOf(l);
    if (rec === undefined) continue;
    for (const v of variants(rec, LANE_OF.get(l.parser.name)!)) paths[check({ ...l, bytes: Buffer.from(JSON.stringify(v)) })]++;
  }
  assert.ok(paths.fast > 10000, `fast ${paths.fast}, reference ${paths.ref}`);
});

test("fixture files through the reader (block scanning): every line the same", async () => {
  const paths = new Map<string, Record<Path, number>>();
  const files = LANED.flatMap(([p]) => {
    const dir = join(FIXTURES, p.name);
    return existsSync(dir) ? readdirSync(dir).map((f) => ({ path: join(dir, f), honeypot: p.name })) : [];
  });
  // (ctx.file is the fixture's own path here: heralding's log_session and auth.csv still tell apart.)
  await checkFiles(files, paths);
  await checkFiles(files, new Map(), false);
  assert.ok([...paths.values()].every((c) => c.fast > 0));
});

test("generated trees (plain and hostile): every line the same, through the reader and line by line", async () => {
  const { plain, hostile, lines } = await sampleTrees;
  const paths = new Map<string, Record<Path, number>>();
  for (const root of [plain, hostile]) await checkFiles((await discoverFiles(root, PARSERS)).files, paths);
  let fast = 0;
  for (const l of lines) if (check(l) === "fast") fast++;
  assert.ok(fast > lines.length / 2, `fast ${fast} of ${lines.length}`);
  for (const [name, c] of paths) assert.ok(c.fast > 0, `${name}: ${JSON.stringify(c)}`);
});

/** A seeded generator (the one of cowrie-fast.test.ts). */
function random(seed: number): () => number {
  return () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
}

test("mutated lines (seeded bytes, escapes, non-ASCII, duplicate keys, nested values, numbers as strings)", async () => {
  const rnd = random(20190630);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const common = ['"', "\\", "\\u00", "\\u0041", "\\ud83d", "\\n", ",", ":", "{", "}", "[", "]", " ", "\t", "0", "-", "1e5", "null", "true", "\u00e9", "\ud83d\ude00", "\u0001", "\u007f", '"80"', '{"a":[1,{"b":null}]}', "[[[]]]"];
  const { lines } = await sampleTrees;
  // Seeds: the fixture lines and some generated lines of every format.
  const byFormat = new Map<string, Line[]>();
  for (const l of [...FIXTURE_LINES, ...lines]) {
    if (recordOf(l) === undefined) continue;
    const list = byFormat.get(l.parser.name) ?? [];
    if (list.length < 40) list.push(l);
    byFormat.set(l.parser.name, list);
  }
  let total = 0;
  let fast = 0;
  for (const [name, seeds] of byFormat) {
    const lane = LANE_OF.get(name)!;
    const pieces = [...common, ...lane.fields.map((f) => `"${f}":`), ...lane.fields.map((f) => `,"${f}":"1"`)];
    for (let n = 0; n < 1500; n++) {
      const seed = seeds[n % seeds.length]!;
      let s = seed.bytes.toString("utf8");
      const r0 = rnd();
      if (r0 < 0.25) {
        // A structured mutation of the record: a declared field changed, duplicated or escaped.
        const rec = recordOf(seed)!;
        const f = pick(lane.fields);
        const v = pick(VARIANTS);
        const r = rnd();
        if (r < 0.3) s = JSON.stringify({ ...rec, [f]: v });
        else if (r < 0.5) s = `{"${f}":${JSON.stringify(v)},` + s.slice(s.indexOf("{") + 1); // duplicate, first
        else if (r < 0.7) s = s.slice(0, s.lastIndexOf("}")) + `,"${f}":${JSON.stringify(v)}}`; // duplicate, last
        else if (r < 0.85) {
          // a value's text as a string ("22" for 22), or a string's text with an escape
          const value = rec[f];
          s = JSON.stringify({ ...rec, [f]: typeof value === "string" ? value : JSON.stringify(value ?? 0) });
          s = s.replace(/([A-Za-z0-9.])"/, (_m, c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}"`);
        } else s = JSON.stringify({ ...rec, [f]: `${String(rec[f] ?? "")}\u00e9` });
      } else {
        const edits = 1 + Math.floor(rnd() * 3);
        for (let e = 0; e < edits; e++) {
          const at = Math.floor(rnd() * (s.length + 1));
          const r = rnd();
          if (r < 0.35) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 4));
          else if (r < 0.8) s = s.slice(0, at) + pick(pieces) + s.slice(at);
          else s = s.slice(0, at) + String.fromCharCode(Math.floor(rnd() * 128)) + s.slice(at + 1);
        }
      }
      // The reader never gives a newline inside a line, nor a CR at its end.
      s = s.replace(/\n/g, " ").replace(/\r+$/, "");
      total++;
      if (check({ ...seed, bytes: Buffer.from(s, "utf8") }) === "fast") fast++;
    }
  }
  assert.ok(fast > total / 4, `fast ${fast} of ${total}`);
});

test("guard, line text, throws and arrays: exactly defineJsonParser's behaviour", () => {
  const info = { name: "t", label: "T", countsAsAttack: true, dir: "t", files: /^t$/ };
  const ctx = { sensorTimeZone: "UTC", file: "/data/t/log/t" };
  const run = (p: HoneypotParser, line: string): [ParseResult | null, ParseResult | ParseResult[]] => {
    const b = Buffer.from(`${line}\n`);
    return [laneBytes(recordLaneOf(p)!)(b, 0, b.length - 1, ctx), p.parse(line, ctx)];
  };
  // A parser that reads its line: given the same text.
  const echo = defineJsonParser(info, (rec, _ctx, line) => ({ honeypot: "t", ts: 1, kind: "other", command: `${String(rec.a)}|${line}` }), { fields: ["a"], usesLine: true });
  for (const line of ['{"a":"x"}', '  {"a" : 1, "b": [1, {"c": "\\u00e9"}]}\t', '{"b":2}']) {
    const [got, ref] = run(echo, line);
    assert.equal(got, ref, line);
  }
  // A throw: null from the fast path, "parser-error" from the reference.
  const thrower = defineMixedJsonParser(
    info,
    (rec) => {
      if (rec.a === 1) throw new Error("bug");
      return "not-an-event";
    },
    { fields: ["a"] },
  );
  assert.equal(run(thrower, '{"a":1}'), [null, "parser-error"]);
  assert.equal(run(thrower, '{"a":2}'), ["not-an-event", "not-an-event"]);
  // An array result is left to the reference.
  const many = defineJsonParser(info, () => ["not-an-event", "not-an-event"], { fields: [] });
  assert.equal(run(many, "{}"), [null, ["not-an-event", "not-an-event"]]);
  // A record with keys named like Object.prototype's: own properties, as JSON.parse makes them.
  const proto = defineJsonParser(info, (rec) => ({ honeypot: "t", ts: 1, kind: "other", command: typeof rec.constructor === "string" ? rec.constructor : "inherited" }), { fields: ["constructor"] });
  for (const line of ['{"constructor":"c"}', "{}", '{"__proto__":{"constructor":"x"}}']) {
    const [got, ref] = run(proto, line);
    assert.equal(got, ref, line);
  }
  // Suricata's guard: event_type spelled with escapes is still "alert"; anything else is no event.
  const alert = (et: string) =>
    `{"timestamp":"2019-07-01T01:05:04.178182+0000","event_type":${et},"src_ip":"1.2.3.4","proto":"TCP","alert":{"signature":"ET x","signature_id":1,"category":"c","severity":2}}`;
  const suricata = PARSERS.find((p) => p.name === "suricata")!;
  for (const et of ['"alert"', '"\\u0061lert"', '"aler\\u0074"', '"alert "', '"Alert"', '"alerts"', '"aler"', "1", "null", '["alert"]', '{"alert":1}']) {
    const [got, ref] = run(suricata, alert(et));
    assert.equal(got, ref, et);
  }
  const [got, ref] = run(suricata, `{"event_type":"alert","event_type":"flow"}`);
  assert.equal([got, ref], ["not-an-event", "not-an-event"]);
});

test("blocks: lines answered from chunked block scans equal lines scanned one by one (long lines, CRs, lines left out)", () => {
  const honeytrap = PARSERS.find((p) => p.name === "honeytrap")!;
  const ctx = { sensorTimeZone: "UTC", file: "/data/honeytrap/log/attackers.json" };
  const rnd = random(7);
  const lines: string[] = [];
  for (let i = 0; i < 6000; i++) {
    const r = rnd();
    const pad = r < 0.002 ? "x".repeat(300 << 10) : r < 0.01 ? "y".repeat(Math.floor(rnd() * 70000)) : "";
    let l = `{"@timestamp":"2019-07-01T00:${String(i % 60).padStart(2, "0")}:05Z","attack_connection":{"remote_ip":"10.0.${i % 256}.${i % 7}","local_port":${i % 65536},"payload":"${pad}"}}`;
    if (r > 0.97) l = l.slice(0, Math.floor(rnd() * l.length)); // cut off
    if (r > 0.95 && r <= 0.97) l += "\r";
    lines.push(l);
  }
  const buf = Buffer.from(lines.join("\n") + "\n");
  const byBlock = recordBytes(honeytrap);
  const byLine = recordBytes(honeytrap);
  // As the reader: blocks of about 1 MiB of whole lines; every 50th line not asked for.
  let pos = 0;
  let asked = 0;
  let lineNo = 0;
  while (pos < buf.length) {
    let end = Math.min(buf.length, pos + (1 << 20));
    end = buf.lastIndexOf(10, end - 1) + 1;
    if (end <= pos) end = buf.indexOf(10, pos) + 1;
    byBlock.block!(buf, pos, end);
    let p = pos;
    while (p < end) {
      const nl = buf.indexOf(10, p);
      const e = nl > p && buf[nl - 1] === 13 ? nl - 1 : nl;
      if (lineNo++ % 50 !== 49) {
        asked++;
        assert.equal(byBlock(buf, p, e, ctx), byLine(Buffer.from(buf.subarray(p, e)), 0, e - p, ctx));
      }
      p = nl + 1;
    }
    pos = end;
  }
  assert.ok(asked > 5000);
});

test("nested shapes: partial objects where the inner scan understands the value, the whole value otherwise", () => {
  const ctx = { sensorTimeZone: "UTC", file: "/data/honeytrap/log/attackers.json" };
  const honeytrap = PARSERS.find((p) => p.name === "honeytrap")!;
  const fast = recordBytes(honeytrap);
  const line = (conn: string) => `{"@timestamp":"2019-07-01T00:52:05Z","attack_connection":${conn},"proxy_connection":{"remote_ip":"0.0.0.0"}}`;
  const deep = (n: number) => "[".repeat(n) + "]".repeat(n);
  const cases = [
    '{"protocol":"tcp","remote_ip":"1.2.3.4","remote_port":5,"local_port":22,"payload":{"data_hex":"00"}}',
    '{"remote_\\u0069p":"1.2.3.4","local_port":22}', // an escaped key: the inner scanner refuses, JSON.parse gives it whole
    '{"remote_ip":"1.2.3.4","remote_ip":"5.6.7.8","local_port":22,"local_port":"23"}', // duplicates: the last wins
    '{"__proto__":{"remote_ip":"6.6.6.6"},"remote_ip":"1.2.3.4"}',
    '{"remote_ip":"1.2.3.4","constructor":1,"local_port":1e1}',
    '{"remote_ip":" ::ffff:1.2.3.4 ","remote_port":"5","local_port":"022","protocol":""}',
    '{"remote_ip":"1.2.3.4","remote_port":-0,"local_port":65536,"protocol":null}',
    '{"remote_ip":"1.2.3.4","x":' + deep(40) + "}", // deep, still within the line scan's limit
    '{"remote_ip":"1.2.3.4","x":' + deep(200) + "}", // deeper than the line scan goes: refused
    '[{"remote_ip":"1.2.3.4"}]',
    '"1.2.3.4"',
    "{}",
    '{ "remote_ip" : "1.2.3.4" , "local_port" : 22 }',
    '{"remote_ip":"1.2.3.\\u0034","local_port":22}',
  ];
  let onFast = 0;
  for (const c of cases) {
    const l = line(c);
    const b = Buffer.from(`${l}\n`);
    const got = fast(b, 0, b.length - 1, ctx);
    if (got !== null) onFast++;
    if (got !== null) assert.equal(got, honeytrap.parse(l, ctx), l);
  }
  assert.is(onFast, cases.length - 1, "every line but the too deep one on the fast path");
});

test("real T-Pot logs (../shared/realdata/tpot-2022): every line the same; lines on the fast path per format", async () => {
  if (!existsSync(REALDATA)) {
    console.log("  (../shared/realdata not found: skipped)");
    return;
  }
  const { files } = await discoverFiles(REALDATA, PARSERS);
  const registered = new Map<string, Record<Path, number>>();
  await checkFiles(files, registered);
  // Cowrie has its own fast path; its declared lane is checked too.
  const generic = new Map<string, Record<Path, number>>();
  await checkFiles(
    files.filter((f) => f.honeypot === "cowrie"),
    generic,
    false,
  );
  const table = [...registered].map(([name, c]) => `${name} ${c.fast}/${c.fast + c.ref}`).join(", ");
  console.log(`  fast path / lines: ${table}; cowrie through the generic lane ${generic.get("cowrie")?.fast}/${(generic.get("cowrie")?.fast ?? 0) + (generic.get("cowrie")?.ref ?? 0)}`);
  for (const [name, c] of registered) if (name !== "heralding") assert.ok(c.fast / (c.fast + c.ref) > 0.95, `${name}: ${JSON.stringify(c)}`);
});

test.after(async () => {
  for (const dir of temps) await rm(dir, { recursive: true, force: true });
});

test.run();
