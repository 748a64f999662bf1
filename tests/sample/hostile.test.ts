/**
 * Hostile mode's building blocks: every corpus payload survives each writer's encoding (read back
 * by a plain JSON/CSV reader and by the pipeline's Python-literal reader), raw bytes come back as
 * the reader's repaired text, and the sweep places every payload of a kind once a week.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { parse as parseCsv } from "csv-parse/sync";
import { HOSTILE_CORPUS } from "../../scripts/hostile/corpus.ts";
import { parsePythonDict } from "../../scripts/parse/python-literal.ts";
import { weekWindow } from "../../scripts/sample/clock.ts";
import { HostileSource, attackerBytes, corpusIndexes, materialise, noLineBreaks, repairedText } from "../../scripts/sample/hostile.ts";
import { csvField, goString, htmlEscape, pyBytesRepr, pyRepr, pyString } from "../../scripts/sample/pyjson.ts";

const texts = HOSTILE_CORPUS.filter((p) => !p.bytes && p.text.length < 300_000).map((p) => p.text);

test("should read every payload back from Python and Go JSON strings", () => {
  for (const t of texts) {
    assert.is(JSON.parse(pyString(t)), t);
    assert.ok(/^[\x20-\x7e]*$/.test(pyString(t)), "ensure_ascii output is printable ASCII");
    assert.is(JSON.parse(goString(t)), t);
    assert.not.ok(/[<>&\u2028\u2029]/.test(goString(t)), "Go escapes <>& and line separators");
  }
});

test("should read every payload back from a Python repr and an RFC 4180 CSV field", () => {
  for (const t of texts) {
    assert.is(parsePythonDict(`{'v': ${pyRepr(t)}}`)?.v, t, JSON.stringify(t.slice(0, 40)));
    const rows: string[][] = parseCsv(`a,${csvField(t)},b\r\n`, { record_delimiter: "\r\n" });
    assert.equal(rows, [["a", t, "b"]]);
  }
  assert.is(pyRepr("it's"), `"it's"`);
  assert.is(pyRepr("\u202eevil"), `'\\u202eevil'`);
  assert.is(pyBytesRepr(Buffer.from([0, 0x41, 0x27, 0xff])), `b"\\x00A'\\xff"`);
  assert.is(htmlEscape(`customers' <b>`), "customers&#39; &lt;b&gt;");
});

test("should carry invalid UTF-8 as raw bytes that a reader repairs to the corpus text", () => {
  const source = new HostileSource([weekWindow("2019-W26", "Asia/Tokyo")]);
  const t = weekWindow("2019-W26", "Asia/Tokyo").startUs + 1;
  const values = HOSTILE_CORPUS.map(() => source.sweep("username", t));
  HOSTILE_CORPUS.forEach((p, i) => {
    const v = values[i]!;
    assert.equal(corpusIndexes(v)?.includes(i), true, `payload ${i} placed in order`);
    if (!p.bytes) return;
    const line = `{"u":${JSON.stringify(v)}}`;
    const bytes = materialise(line);
    assert.ok(bytes.includes(Buffer.from(p.bytes)), "raw bytes in the line");
    assert.is(JSON.parse(bytes.toString("utf8")).u, p.text);
    assert.is(repairedText(v), p.text);
    assert.equal([...attackerBytes(v)], p.bytes);
  });
});

test("should place every payload of a kind once a week, huge ones only then, and respect what a field can hold", () => {
  const week = weekWindow("2019-W26", "Asia/Tokyo");
  const source = new HostileSource([week]);
  const seen = new Set<number>();
  const huge = new Map<number, number>();
  for (let k = 0; k < HOSTILE_CORPUS.length * 3; k++) {
    // Two formats share the kind; one cannot hold line breaks.
    const v = k % 2 === 0 ? source.sweep("http-path", week.startUs + k, noLineBreaks, noLineBreaks) : source.sweep("http-path", week.startUs + k);
    for (const i of corpusIndexes(v) ?? []) {
      seen.add(i);
      if (HOSTILE_CORPUS[i]!.family === "huge") huge.set(i, (huge.get(i) ?? 0) + 1);
      if (k % 2 === 0) assert.ok(noLineBreaks(HOSTILE_CORPUS[i]!), "no line break where none fits");
    }
  }
  assert.is(seen.size, HOSTILE_CORPUS.length);
  assert.ok([...huge.values()].every((n) => n === 1), "each huge payload once");
  // Ordinary traffic: every 10th value a family leader, every 50th the next payload, every 200th
  // username the shortest huge payload (so each family ranks in the week's top lists).
  const ordinary = Array.from({ length: 5000 }, (_, i) => source.sometimes("username", `user${i}`));
  const hostile = ordinary.filter((v, i) => v !== `user${i}`);
  assert.is(hostile.length, 5000 / 10 + 5000 / 50); // the 200th values take a leader slot
  const families = new Set(hostile.flatMap((v) => corpusIndexes(v)!.map((i) => HOSTILE_CORPUS[i]!.family)));
  assert.is(families.size, 15, [...families].join(","));
  const hugeOnes = hostile.filter((v) => corpusIndexes(v)!.some((i) => HOSTILE_CORPUS[i]!.family === "huge"));
  assert.is(hugeOnes.length, 5000 / 200);
  assert.ok(hugeOnes.every((v) => v.length === 100_000));
  const passwords = Array.from({ length: 1000 }, (_, i) => source.sometimes("password", `p${i}`));
  assert.ok(passwords.every((v) => v.length < 50_000), "no huge payload outside usernames and commands");
});

test.run();
