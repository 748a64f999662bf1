/**
 * The byte-level Cowrie path gives exactly what `cowrie.parse` (JSON.parse) gives, on tricky
 * lines, on fuzzed lines and on the real logs in ../shared/realdata (when present). A null from
 * the fast path is allowed (the reader then uses `cowrie.parse` itself); a non-null result must be
 * equal. The record lane (partial record → cowrieRecordToEvent) is checked on its own too.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import type { ParseContext } from "../../scripts/model/event.ts";
import { cowrie, cowrieRecordToEvent, COWRIE_FIELDS } from "../../scripts/parse/cowrie.ts";
import { ByteLane, cowrieBytes, recordLane } from "../../scripts/parse/fast/cowrie.ts";
import { FieldScanner } from "../../scripts/parse/fast/scan.ts";
import { isoUtcMillis } from "../../scripts/parse/fast/time.ts";
import { Rng } from "../../scripts/sample/prng.ts";
import { JsStringTable, type StringTable } from "../../scripts/parse/fast/intern.ts";
import { parseTimestamp } from "../../scripts/parse/time.ts";
import { hash52 } from "../../scripts/aggregate/dedup.ts";
import { hash52Bytes } from "../../scripts/aggregate/hashbytes.ts";

const ctx: ParseContext = { sensorTimeZone: "UTC", file: "cowrie.json" };
const realdata = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "shared", "realdata");

const fast = cowrieBytes();
const lean = cowrieBytes({ lean: true });
const scanner = new FieldScanner(COWRIE_FIELDS);

const KEYS = new Set(["keys", "srcKey", "userKey", "passKey"]);

/**
 * What counting sees of an event: no session, protocol, source port; undefined = absent. The keys
 * a lean event carries must name its own strings (then they are left out of the comparison).
 */
function counted(r: unknown): unknown {
  if (r === null || typeof r !== "object" || Array.isArray(r)) return r;
  const e = r as Record<string, unknown>;
  if (e.keys !== undefined) {
    const strings = (e.keys as StringTable).strings;
    for (const [key, field] of [["srcKey", "srcIp"], ["userKey", "username"], ["passKey", "password"]] as const) {
      const k = e[key] as number;
      if (k >= 0) assert.is(strings[k], e[field], `${key} names ${field}`);
      else assert.ok(k === -1 && (e[field] === undefined || (e[field] as string).length > 64), `${field} without a key`);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(r)) if (v !== undefined && k !== "session" && k !== "protocol" && k !== "srcPort" && !KEYS.has(k)) out[k] = v;
  return out;
}

/** Check one line; returns which path gave the result ("fast", or "ref" when the fast path declined). */
function check(line: string | Buffer, zone = "UTC"): "fast" | "ref" {
  const bytes = typeof line === "string" ? Buffer.from(line, "utf8") : line;
  const c = { ...ctx, sensorTimeZone: zone };
  const ref = cowrie.parse(bytes.toString("utf8"), c);
  // As the reader gives it: the line followed by its newline, inside a bigger buffer.
  const buf = Buffer.concat([Buffer.from("xx\n"), bytes, Buffer.from("\nyy")]);
  const got = fast(buf, 3, 3 + bytes.length, c);
  // And as a last line without a newline after it.
  const tail = Buffer.concat([Buffer.from("xx\n"), bytes]);
  const got2 = fast(tail, 3, tail.length, c);
  assert.equal(got2, got, `same result at the end of a buffer: ${bytes.toString("latin1")}`);
  if (scanner.scan(buf, 3, 3 + bytes.length)) {
    assert.equal(recordLane(scanner, c), ref, `record lane: ${bytes.toString("latin1")}`);
  }
  const leanGot = lean(buf, 3, 3 + bytes.length, c);
  if (leanGot !== null) assert.equal(counted(leanGot), counted(ref), `lean fast path: ${bytes.toString("latin1")}`);
  if (got === null) return "ref";
  assert.equal(got, ref, `fast path: ${bytes.toString("latin1")}`);
  return "fast";
}

const base = {
  eventid: "cowrie.login.failed",
  username: "root",
  password: "123456",
  message: "login attempt [root/123456] failed",
  sensor: "s",
  timestamp: "2019-06-25T10:00:01.123456Z",
  src_ip: "203.0.113.5",
  session: "3f1c2a9b8e7d",
  protocol: "ssh",
};
const line = (o: Record<string, unknown>) => JSON.stringify({ ...base, ...o });

test("usual lines of every kind take the fast path and match", () => {
  const lines = [
    line({}),
    line({ eventid: "cowrie.login.success" }),
    line({ eventid: "cowrie.session.connect", src_port: 50432, dst_ip: "172.20.0.4", dst_port: 22 }),
    line({ eventid: "cowrie.command.input", input: "uname -a" }),
    line({ eventid: "cowrie.session.file_download", url: "http://198.51.100.9/x.sh", shasum: "5e8c" }),
    line({ eventid: "cowrie.session.file_download", url: "stdin", shasum: "5e8c" }),
    line({ eventid: "cowrie.session.file_upload", shasum: "ab" }),
    line({ eventid: "cowrie.client.version", version: "SSH-2.0-Go" }),
    line({ eventid: "cowrie.client.version", version: "'SSH-2.0-Go'" }),
    line({ eventid: "cowrie.client.version", version: "b'SSH-2.0-Go'" }),
    line({ eventid: "cowrie.client.kex", hassh: "ec7378c1a92f5a8dde7e8b7a1ddf33d1", kexAlgs: ["a", "b"], langCS: [""] }),
    line({ eventid: "cowrie.direct-tcpip.request", dst_ip: "mail.example", dst_port: 25, src_port: 0 }),
    line({ eventid: "cowrie.direct-tcpip.data", dst_ip: "mail.example", dst_port: 25, data: "'\\x00'" }),
    line({ eventid: "cowrie.session.closed", duration: 2.0499370098114014 }),
    line({ eventid: "cowrie.session.connect", protocol: undefined, system: "cowrie.ssh.factory.CowrieSSHFactory", dst_port: 2222 }),
    line({ eventid: "cowrie.session.connect", protocol: undefined, system: "cowrie.telnet.transport.HoneyPotTelnetFactory", dst_port: 2223 }),
    line({ eventid: "cowrie.session.connect", dst_port: 0, src_port: 70000 }),
    line({ username: "", password: "" }),
    line({ timestamp: "2019-06-25T10:00:01Z" }),
    line({ timestamp: "2019-06-25T10:00:01.5Z" }),
    line({ timestamp: "2019-06-25T10:00:01.12Z" }),
    line({ timestamp: "2019-06-25T10:00:01.123456789Z" }),
    line({ timestamp: "2016-02-29T23:59:60.999Z" }),
    line({ eventid: "cowrie.something.new" }),
    line({ eventid: "" }),
  ];
  for (const l of lines) assert.is(check(l), "fast", l);
});

test("tricky lines: escapes, keys inside values, key order, whitespace, missing fields, numbers as strings, duplicate keys", () => {
  const lines: (string | Buffer)[] = [
    line({ username: 'ro"ot', password: "back\\slash" }),
    line({ username: "nul\u0000byte", password: "caf\u00e9" }),
    line({ eventid: "cowrie.command.input", input: "echo \ud83d\ude00 done" }),
    '{"eventid":"cowrie.command.input","input":"lone \\ud800 surrogate","timestamp":"2019-06-25T10:00:01Z","src_ip":"1.2.3.4"}',
    '{"eventid":"cowrie.command.input","input":"\\u0065\\u0076","timestamp":"2019-06-25T10:00:01Z","src_ip":"1.2.3.4"}',
    line({ eventid: "cowrie.command.input", input: 'echo "eventid":"cowrie.login.success","username":"x"' }),
    '{"input":"{\\"eventid\\":\\"cowrie.login.success\\"}","eventid":"cowrie.command.input","timestamp":"2019-06-25T10:00:01Z"}',
    '{"timestamp":"2019-06-25T10:00:01Z","src_ip":"1.2.3.4","eventid":"cowrie.login.success","password":"p","username":"u"}',
    '{"eventid": "cowrie.login.failed", "username": "root", "password": "x", "timestamp": "2017-11-04T13:09:47.519075Z", "src_ip": "198.199.98.246", "isError": 0}',
    '  {"eventid" :"cowrie.login.failed" ,\t"username":\t"root" , "timestamp" : "2017-11-04T13:09:47Z"}  ',
    '{"eventid":"cowrie.login.failed","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.session.connect","timestamp":"2019-06-25T10:00:01Z","dst_port":"22","src_port":"5000"}',
    '{"eventid":"cowrie.session.connect","timestamp":"2019-06-25T10:00:01Z","dst_port":"022","src_port":" 5"}',
    '{"eventid":"cowrie.session.connect","timestamp":"2019-06-25T10:00:01Z","dst_port":22.0,"src_port":-0}',
    '{"eventid":"cowrie.session.connect","timestamp":"2019-06-25T10:00:01Z","dst_port":2.2e1,"src_port":1E3}',
    '{"eventid":"cowrie.session.connect","timestamp":"2019-06-25T10:00:01Z","dst_port":"","src_port":1234567890123456}',
    '{"eventid":"cowrie.login.failed","username":123,"password":1.5,"timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.failed","username":null,"password":true,"timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.failed","username":{"a":1},"password":["x"],"timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.failed","eventid":"cowrie.login.success","username":"a","username":"b","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.failed","timestamp":"2019-06-25T10:00:01Z","timestamp":"2019-06-26T10:00:01Z"}',
    '{"\\u0065ventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie\\u002elogin.success","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01\\u005a"}',
    '{"eventid":"cowrie.login.success","src_ip":" 1.2.3.4 ","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.success","src_ip":"::ffff:1.2.3.4","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.success","src_ip":"::FFFF:1.2.3.4","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.success","src_ip":"2001:db8::1","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.success","src_ip":"","session":"","protocol":"","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.success","src_ip":12,"session":7,"protocol":5,"timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.client.version","version":"","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.client.version","version":"\'","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.client.version","version":"\\"SSH-2.0\\"","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.session.connect","system":"x\\u0053SHFactory","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.session.connect","system":42,"timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":42,"timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25 10:00:01"}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01+0100"}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01.123+01:00"}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25t10:00:01z"}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01.Z"}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01.1234567890Z"}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-02-29T10:00:01Z","epoch":1561456801}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-13-01T10:00:01Z","epoch":1561456801123}',
    '{"eventid":"cowrie.login.success","timestamp":"1899-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.success","timestamp":"1969-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.success","epoch":1561456801}',
    '{"eventid":"cowrie.login.success","timestamp":null}',
    '{"eventid":"cowrie.login.success","timestamp":1561456801.5}',
    '{"eventid":"cowrie.login.success","__proto__":{"x":1},"constructor":"c","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.client.kex","hassh":"h","kexAlgs":[[[{"a":[1,2,{"b":"\\""}]}]]],"timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.client.kex","hassh":"h","x":' + "[".repeat(200) + "]".repeat(200) + ',"timestamp":"2019-06-25T10:00:01Z"}',
    // not JSON, or not an object: the reference says so, the fast path must not invent an event
    '{"eventid":"cowrie.login.success","username":"tab\there","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.success","username":"bad \\x escape","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.success","username":"bad \\u12 escape","timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z",}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z"} trailing',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z"}}',
    '{"eventid":"cowrie.login.success" "timestamp":"2019-06-25T10:00:01Z"}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z","n":01}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z","n":1.}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z","n":-}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z","n":tru}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z","n":[1,]}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z","n":{"a"}}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z","n":{"a":1,}}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z","n":[1 2]}',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z"',
    '{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01Z","x":"\\',
    '["cowrie.login.success"]',
    "{}",
    "",
    "   ",
    "not json at all",
    "null",
    // non-ASCII: raw UTF-8, invalid UTF-8, a BOM
    Buffer.from('{"eventid":"cowrie.login.failed","username":"café","timestamp":"2019-06-25T10:00:01Z"}', "utf8"),
    Buffer.concat([Buffer.from('{"eventid":"cowrie.login.failed","username":"'), Buffer.from([0xff, 0xfe]), Buffer.from('","timestamp":"2019-06-25T10:00:01Z"}')]),
    Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('{"eventid":"cowrie.login.failed","timestamp":"2019-06-25T10:00:01Z"}')]),
    Buffer.from('{"eventid":"cowrie.login.failed","username":"\x7f","timestamp":"2019-06-25T10:00:01Z"}', "latin1"),
  ];
  for (const l of lines) check(l);
  // A zone-less time is the sensor zone's wall time: same result in another zone too.
  check('{"eventid":"cowrie.login.success","timestamp":"2019-06-25T10:00:01"}', "Asia/Tokyo");
  check(line({}), "Asia/Tokyo");
});

test("the fields cowrieRecordToEvent reads are exactly COWRIE_FIELDS", () => {
  const read = new Set<string>();
  const kinds = ["cowrie.session.connect", "cowrie.login.success", "cowrie.command.input", "cowrie.session.file_download", "cowrie.client.version", "cowrie.client.kex", "cowrie.direct-tcpip.request", "cowrie.x"];
  for (const eventid of kinds) {
    for (const extra of [{}, { timestamp: "bad" }, { protocol: "" }]) {
      const rec = new Proxy({ ...JSON.parse(line({ eventid })), ...extra } as Record<string, unknown>, {
        get(target, key) {
          if (typeof key === "string") read.add(key);
          return target[key as string];
        },
      });
      cowrieRecordToEvent(rec, ctx);
    }
  }
  for (const k of read) assert.ok((COWRIE_FIELDS as readonly string[]).includes(k), `reads ${k}, not in COWRIE_FIELDS`);
});

test("fuzzed lines: mutations of real-shaped lines never make the fast path differ", () => {
  let seed = 12345;
  const rnd = () => {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    return seed / 4294967296;
  };
  const pieces = ['"', "\\", "\\u00", "\\ud83d", ",", ":", "{", "}", "[", "]", " ", "\t", "0", "-", "1e5", "null", "true", "é", "\u0001", '"eventid":', '"timestamp":"2019-06-25T10:00:01Z"', '"src_ip":'];
  const seeds = [
    line({}),
    line({ eventid: "cowrie.session.connect", src_port: 50432, dst_port: 22 }),
    line({ eventid: "cowrie.client.kex", hassh: "h", kexAlgs: ["a", "b"], encCS: [] }),
    line({ eventid: "cowrie.session.file_download", url: "http://x/y", shasum: "ab" }),
    line({ eventid: "cowrie.direct-tcpip.request", dst_ip: "h", dst_port: 25 }),
  ];
  let fastCount = 0;
  for (let n = 0; n < 6000; n++) {
    let s = seeds[n % seeds.length]!;
    const edits = 1 + Math.floor(rnd() * 3);
    for (let e = 0; e < edits; e++) {
      const at = Math.floor(rnd() * (s.length + 1));
      const r = rnd();
      if (r < 0.35) s = s.slice(0, at) + s.slice(at + 1 + Math.floor(rnd() * 4));
      else if (r < 0.8) s = s.slice(0, at) + pieces[Math.floor(rnd() * pieces.length)] + s.slice(at);
      else s = s.slice(0, at) + String.fromCharCode(Math.floor(rnd() * 128)) + s.slice(at + 1);
    }
    if (check(s) === "fast") fastCount++;
  }
  assert.ok(fastCount > 300, `the fast path was exercised (${fastCount})`);
});

test("real Cowrie logs (../shared/realdata): every line the same, most of them on the fast path", () => {
  const files = [
    "cowrie-2017/cowrie.json.2017-11-04",
    "cowrie-2017/cowrie.json.2017-11-15",
    "tpot-2022/data/cowrie/log/cowrie.json.2022-06-01",
    "tpot-2022/data/cowrie/log/cowrie.json.AT-2022-06-02T12-00Z",
  ].map((f) => join(realdata, f));
  if (!files.every((f) => existsSync(f))) {
    console.log("  (../shared/realdata not found: skipped)");
    return;
  }
  let total = 0;
  let onFast = 0;
  for (const f of files) {
    const buf = readFileSync(f);
    let pos = 0;
    while (pos < buf.length) {
      let nl = buf.indexOf(10, pos);
      if (nl < 0) nl = buf.length;
      total++;
      if (check(buf.subarray(pos, nl)) === "fast") onFast++;
      pos = nl + 1;
    }
  }
  assert.ok(total > 20000, `lines checked: ${total}`);
  assert.ok(onFast / total > 0.95, `fast path share ${onFast}/${total}`);
});

/** The first `max` lines of a file, or none when it is not there. */
function headLines(path: string, max: number): Buffer[] {
  if (!existsSync(path)) return [];
  const buf = readFileSync(path).subarray(0, 32 << 20);
  const out: Buffer[] = [];
  for (let p = 0; out.length < max; ) {
    const nl = buf.indexOf(10, p);
    if (nl < 0) break;
    out.push(buf.subarray(p, nl));
    p = nl + 1;
  }
  return out;
}

test("blocks and lines: the same events; lean keys, one per distinct value, name their strings for the parser's life", () => {
  const root = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
  const bench = headLines(join(root, "bench", ".work", "cowrie-plain-2000000-50000", "cowrie.json"), 60_000);
  const fixture = readFileSync(join(root, "tests", "fixtures", "parse", "cowrie", "cowrie.json"), "latin1").split("\n").filter((l) => l !== "");
  const made = [
    line({}),
    line({ username: "", password: "" }),
    line({ username: "u".repeat(64), password: "p".repeat(65) }),
    line({ username: "r\u00f6ot", password: "\\" }),
    line({ src_ip: "203.0.113.5", username: "203.0.113.5", password: "root" }),
    line({ eventid: "cowrie.direct-tcpip.request", dst_ip: "203.0.113.5", dst_port: 25 }),
  ];
  const lines = [...(bench.length > 0 ? bench : []), ...fixture.map((l) => Buffer.from(l, "latin1")), ...made.map((l) => Buffer.from(l, "utf8"))];
  const full = cowrieBytes();
  const leanP = cowrieBytes({ lean: true });
  const keyOf = new Map<string, number>();
  const valueOf = new Map<number, string>();
  let table: unknown;
  let keyed = 0;
  const seen = (e: Record<string, unknown>): void => {
    if (e.keys === undefined) return; // the record lane's (no keys)
    table ??= e.keys;
    assert.ok(e.keys === table, "one table for the parser's life");
    for (const [key, field] of [["srcKey", "srcIp"], ["userKey", "username"], ["passKey", "password"]] as const) {
      const k = e[key] as number;
      if (k < 0) continue;
      keyed++;
      const v = e[field] as string;
      assert.is(keyOf.get(v) ?? k, k, `one key per value: ${v}`);
      assert.is(valueOf.get(k) ?? v, v, `one value per key: ${k}`);
      keyOf.set(v, k);
      valueOf.set(k, v);
    }
  };
  // Blocks of 5000 lines (each line parsed from its block), every other block's lines parsed on their own.
  for (let from = 0, n = 0; from < lines.length; from += 5000, n++) {
    const part = lines.slice(from, from + 5000);
    const b = Buffer.concat(part.flatMap((l) => [l, Buffer.from("\n")]));
    const asBlock = n % 2 === 0;
    if (asBlock) {
      full.block!(b, 0, b.length);
      leanP.block!(b, 0, b.length);
    }
    let p = 0;
    for (const l of part) {
      const ref = cowrie.parse(l.toString("utf8"), ctx);
      const got = full(b, p, p + l.length, ctx);
      if (got !== null) assert.equal(got, ref, `full: ${l.toString("latin1")}`);
      const leanGot = leanP(b, p, p + l.length, ctx);
      if (leanGot !== null) {
        assert.equal(counted(leanGot), counted(ref), `lean: ${l.toString("latin1")}`);
        seen(leanGot as unknown as Record<string, unknown>);
      }
      p += l.length + 1;
    }
  }
  assert.ok(keyed > (bench.length > 0 ? 50_000 : 10), `${keyed} keyed values`);
  // Every key's string, read through the table as counting reads it, is its value.
  for (const [k, v] of valueOf) assert.is((table as StringTable).strings[k], v);

  // Without wasm (FieldScanner and a JsStringTable): the same events, keys naming their strings.
  const jsScanner = new FieldScanner(COWRIE_FIELDS);
  const jsLane = new ByteLane(jsScanner, true);
  let jsEvents = 0;
  for (const l of lines.slice(0, 20_000)) {
    const b = Buffer.concat([l, Buffer.from("\n")]);
    if (!jsScanner.scan(b, 0, l.length)) continue;
    const e = jsLane.event();
    if (e === null) continue;
    jsEvents++;
    assert.ok((e as unknown as Record<string, unknown>).keys instanceof JsStringTable, "the JS lane's keys are a JsStringTable's");
    assert.equal(counted(e), counted(cowrie.parse(l.toString("utf8"), ctx)), `JS lane: ${l.toString("latin1")}`);
  }
  assert.ok(jsEvents > 10, `${jsEvents} events through the JS lane`);
});

test("byte timestamps equal parseTimestamp", () => {
  const cases = [
    "2019-06-25T10:00:01Z",
    "2019-06-25T10:00:01.1Z",
    "2019-06-25T10:00:01.123456Z",
    "2019-06-25T10:00:01.999999999Z",
    "2000-02-29T00:00:00Z",
    "1900-02-28T00:00:00Z",
    "1969-12-31T23:59:59.998Z",
    "2100-02-29T00:00:00Z",
    "2019-06-25T24:00:00Z",
    "2019-06-25T23:60:00Z",
    "2019-06-25T23:59:60Z",
    "2019-06-25T23:59:61Z",
    "2019-00-25T10:00:01Z",
    "2019-06-00T10:00:01Z",
    "2019-06-31T10:00:01Z",
    "2019-06-25T10:00:01.Z",
    "2019-06-25T10:00:01,5Z",
    "2019-06-25T10:00:01.12a4Z",
    "2019-06-25X10:00:01Z",
  ];
  for (const c of cases) {
    const b = Buffer.from(c);
    const got = isoUtcMillis(b, 0, b.length);
    // -1 declines (the reference path then decides); any other value must be the reference's.
    if (got !== -1) assert.is(got, parseTimestamp(c, "UTC"), c);
  }
  // The hour of the last valid timestamp is remembered: in any order, with neighbours sharing most
  // of that hour's bytes and invalid ones in between, every answer stays the reference's, and no
  // valid timestamp of the usual shape is declined.
  const r = new Rng(5);
  const pad = (n: number, w = 2) => String(n).padStart(w, "0");
  const valid: string[] = [];
  for (let k = 0; k < 3000; k++) {
    const t = new Date(Date.UTC(1990, 0, 1) + Math.floor(r.next() * 40 * 365.25 * 86400_000));
    const hours = [t.getUTCHours(), (t.getUTCHours() + 1) % 24, t.getUTCHours() % 10];
    const frac = r.pick(["", ".5", ".123", ".123456", ".999999999"]);
    valid.push(`${t.getUTCFullYear()}-${pad(t.getUTCMonth() + 1)}-${pad(t.getUTCDate())}T${pad(r.pick(hours))}:${pad(r.int(0, 59))}:${pad(r.int(0, 59))}${frac}Z`);
  }
  const all = [...valid, ...cases];
  for (let round = 0; round < 5; round++) {
    for (let k = 0; k < all.length * 2; k++) {
      const c = round === 0 ? all[k % all.length]! : r.pick(all);
      const b = Buffer.from(c);
      const got = isoUtcMillis(b, 0, b.length);
      if (got !== -1) assert.is(got, parseTimestamp(c, "UTC"), c);
      else assert.ok(!valid.includes(c), `declined ${c}`);
    }
  }
});

test("hash52Bytes equals hash52 on ASCII; interned strings equal their bytes, one stable key per value", () => {
  const it = new JsStringTable(2);
  for (const s of ["", "a", '{"eventid":"cowrie.login.failed"}', "x".repeat(300), "1.2.3.4", "1.2.3.5"]) {
    const b = Buffer.from(s, "latin1");
    assert.is(hash52Bytes(b, 0, b.length), hash52(s));
    assert.is(it.get(b, 0, b.length), s);
    assert.is(it.get(b, 0, b.length), s);
  }
  // Keys: one per distinct short value, stable through the table's growth; none for long values.
  const values = Array.from({ length: 5000 }, (_, i) => `10.${i % 7}.${i % 251}.${i % 13}`);
  const keyOf = new Map<string, number>();
  for (const v of [...values, ...values.reverse()]) {
    const b = Buffer.from(` ${v} `, "latin1");
    assert.is(it.get(b, 1, b.length - 1), v);
    const k = it.lastKey;
    assert.ok(k >= 0);
    if (keyOf.has(v)) assert.is(k, keyOf.get(v), v);
    else keyOf.set(v, k);
    assert.is(it.strings[k], v);
  }
  assert.is(new Set(keyOf.values()).size, keyOf.size);
  const long = Buffer.from("y".repeat(65), "latin1");
  assert.is(it.get(long, 0, long.length), "y".repeat(65));
  assert.is(it.lastKey, -1);
});

test.run();
