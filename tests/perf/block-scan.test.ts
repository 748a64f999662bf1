/**
 * Block scanning (read/lines.ts ByteLineSink.block → the Cowrie fast path's BlockCursor) answers
 * every line exactly as scanning it on its own does: over plain files of several 4 MiB blocks with
 * lines across every block boundary, CRLF lines, blank and junk lines, an over-long line, a last
 * line without newline; and over gzip, whose chunks are split anywhere.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import { readLineBytes, MAX_LINE_BYTES } from "../../scripts/read/lines.ts";
import { cowrieBytes } from "../../scripts/parse/fast/cowrie.ts";
import { Rng } from "../../scripts/sample/prng.ts";
import { WasmFieldScanner } from "../../scripts/parse/fast/wasmScan.ts";

let selected = 0;
const select = WasmFieldScanner.prototype.select;
WasmFieldScanner.prototype.select = function (this: WasmFieldScanner, k: number) {
  selected++;
  return select.call(this, k);
};

const ctx = { sensorTimeZone: "UTC", file: "cowrie.json" };

function lines(n: number): Buffer {
  const r = new Rng(11);
  const parts: Buffer[] = [];
  for (let i = 0; i < n; i++) {
    const rec = {
      eventid: r.pick(["cowrie.login.failed", "cowrie.session.connect", "cowrie.command.input", "cowrie.client.version"]),
      username: r.pick(["root", "admin", "caf\u00e9", 'q"uote']),
      password: "x".repeat(r.int(0, 300)),
      src_ip: `10.0.${r.int(0, 255)}.${r.int(0, 255)}`,
      dst_port: 22,
      input: r.chance(0.01) ? "A".repeat(r.int(1000, 200_000)) : "ls",
      timestamp: new Date(Date.UTC(2019, 5, 25) + i * 1000).toISOString(),
    };
    let text = JSON.stringify(rec);
    if (r.chance(0.01)) text = "junk " + text;
    if (r.chance(0.01)) text = "";
    parts.push(Buffer.from(text + (r.chance(0.1) ? "\r\n" : "\n")));
    if (i === Math.floor(n / 2)) parts.push(Buffer.from('{"input":"' + "B".repeat(MAX_LINE_BYTES + 10) + '"}\n'));
  }
  parts.push(Buffer.from('{"eventid":"cowrie.session.closed","timestamp":"2019-06-25T10:00:01Z","src_ip":"1.2.3.4"}'));
  return Buffer.concat(parts);
}

/** Every line's result (or "decline") and line number, with or without blocks. */
async function results(path: string, withBlocks: boolean): Promise<string[]> {
  const fast = cowrieBytes({ lean: true });
  const out: string[] = [];
  await readLineBytes(path, {
    block: withBlocks && fast.block ? (b, s, e) => fast.block!(b, s, e) : undefined,
    line(b, s, e, lineNo) {
      const r = fast(b, s, e, ctx);
      // Lean events are reused: serialised now, keys left out (they are the table's, not the line's).
      out.push(`${lineNo} ${r === null ? "decline" : JSON.stringify(r, (k, v) => (k === "keys" ? undefined : v))}`);
    },
    lineFault(f, lineNo) {
      out.push(`${lineNo} ${f}`);
    },
    fileFault(f) {
      out.push(f);
    },
  });
  return out;
}

const dir = mkdtempSync(join(tmpdir(), "hw-blocks-"));
const data = lines(60_000);

test("plain: several 4 MiB blocks, lines across their boundaries", async () => {
  const path = join(dir, "cowrie.json");
  writeFileSync(path, data);
  selected = 0;
  assert.ok(data.length > 3 * (4 << 20), `sample is ${data.length} bytes`);
  const a = await results(path, false);
  const b = await results(path, true);
  assert.is(b.length, a.length);
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) assert.unreachable(`line ${i}: ${a[i]!.slice(0, 200)} ≠ ${b[i]!.slice(0, 200)}`);
  assert.ok(a.some((x) => x.endsWith("too-long")));
  assert.ok(a.filter((x) => x.includes('"kind"')).length > 30_000);
  // …and the lines were indeed answered from blocks.
  assert.ok(selected > 50_000, `${selected} lines taken from blocks`);
});

test("gzip: chunks split anywhere", async () => {
  const path = join(dir, "cowrie.json.1.gz");
  writeFileSync(path, gzipSync(data));
  const a = await results(path, false);
  const b = await results(path, true);
  assert.equal(b, a);
});

test.run();
