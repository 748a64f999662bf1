import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, writeFileSync, symlinkSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readLines, MAX_LINE_BYTES, type LineSink } from "../../scripts/read/lines.ts";

const dir = mkdtempSync(join(tmpdir(), "hw-read-"));

function collect() {
  const lines: { text: string; no: number; last: boolean }[] = [];
  const faults: string[] = [];
  const sink: LineSink = {
    line: (text, no, last) => lines.push({ text, no, last }),
    lineFault: (f, no) => faults.push(`${f}@${no}`),
    fileFault: (f) => faults.push(f),
  };
  return { lines, faults, sink };
}

test("plain file: lines with numbers, CRLF trimmed, a final line without newline is marked last", async () => {
  const f = join(dir, "a.json");
  writeFileSync(f, "one\r\ntwo\n\nthree");
  const c = collect();
  const st = await readLines(f, c.sink);
  assert.equal(c.lines.map((l) => l.text), ["one", "two", "", "three"]);
  assert.equal(c.lines.map((l) => l.last), [false, false, false, true]);
  assert.is(st.lines, 4);
  assert.equal(c.faults, []);
});

test("gzip is recognised by its magic bytes, whatever the name", async () => {
  const f = join(dir, "rotated.json.1");
  writeFileSync(f, gzipSync("a\nb\n"));
  const c = collect();
  await readLines(f, c.sink);
  assert.equal(c.lines.map((l) => l.text), ["a", "b"]);
});

test("truncated gzip keeps what decodes and reports the file", async () => {
  const body = Array.from({ length: 20000 }, (_, i) => `{"n":${i},"pad":"${"x".repeat(40)}${i * 7919}"}`).join("\n") + "\n";
  const gz = gzipSync(body);
  const f = join(dir, "cut.json.2.gz");
  writeFileSync(f, gz.subarray(0, Math.floor(gz.length * 0.6)));
  const c = collect();
  await readLines(f, c.sink);
  assert.ok(c.lines.length > 1000, `kept ${c.lines.length} lines`);
  assert.ok(c.faults.includes("truncated-gzip"));
  // every line but the cut last one is whole
  for (const l of c.lines.slice(0, -1)) assert.ok(l.text.endsWith("}"));
});

test("a 10 MB line is skipped without stopping the file", async () => {
  const f = join(dir, "long.json");
  writeFileSync(f, `first\n${"A".repeat(10 * 1024 * 1024)}\nafter\n`);
  const c = collect();
  await readLines(f, c.sink);
  assert.equal(c.lines.map((l) => l.text), ["first", "after"]);
  assert.equal(c.lines.map((l) => l.no), [1, 3]);
  assert.equal(c.faults, ["too-long@2"]);
  assert.ok(MAX_LINE_BYTES < 10 * 1024 * 1024);
});

test("invalid UTF-8 is repaired and reported; a real U+FFFD is not", async () => {
  const f = join(dir, "bad.json");
  writeFileSync(f, Buffer.concat([Buffer.from("ok \uFFFD\n"), Buffer.from([0x70, 0xff, 0xfe, 0x71, 0x0a])]));
  const c = collect();
  await readLines(f, c.sink);
  assert.is(c.lines.length, 2);
  assert.equal(c.faults, ["invalid-utf8@2"]);
});

test("empty, missing and looping files are file faults, not crashes", async () => {
  const empty = join(dir, "empty.json");
  writeFileSync(empty, "");
  let c = collect();
  await readLines(empty, c.sink);
  assert.equal(c.faults, ["empty-file"]);
  c = collect();
  await readLines(join(dir, "missing.json"), c.sink);
  assert.equal(c.faults, ["unreadable"]);
  const loop = join(dir, "loop");
  mkdirSync(join(dir, "l"), { recursive: true });
  symlinkSync(loop, loop);
  c = collect();
  await readLines(loop, c.sink);
  assert.equal(c.faults, ["unreadable"]);
});

test("gzip and plain give the same lines and faults: lines across many chunks, at and over the length limit", async () => {
  const parts = [
    "first\r\n",
    "B".repeat(2_500_000) + "\n", // spans three 1 MiB chunks of the gzip stream
    "C".repeat(MAX_LINE_BYTES) + "\n", // exactly at the limit: kept
    "D".repeat(MAX_LINE_BYTES + 1) + "\r\n", // one over: skipped
    "E".repeat(10 * 1024 * 1024) + "\n",
    ...Array.from({ length: 5000 }, (_, i) => `{"n":${i},"pad":"${"y".repeat(i % 700)}"}` + (i % 3 ? "\n" : "\r\n")),
    "last without newline",
  ].join("");
  const plain = join(dir, "mixed.json");
  const gz = join(dir, "mixed.json.1.gz");
  writeFileSync(plain, parts);
  writeFileSync(gz, gzipSync(parts));
  const a = collect();
  const b = collect();
  await readLines(plain, a.sink);
  await readLines(gz, b.sink);
  const digest = (c: ReturnType<typeof collect>) => c.lines.map((l) => `${l.no} ${l.last} ${l.text.length} ${l.text.slice(0, 12)}`);
  assert.equal(digest(b), digest(a));
  assert.equal(b.faults, a.faults);
  assert.equal(a.faults, ["too-long@4", "too-long@5"]);
  assert.is(a.lines.length, 5004);
});

test.run();
