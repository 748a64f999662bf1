// Checks every parser against the real logs in /work/shared/realdata when that folder exists
// (a sample of lines per file). Skipped elsewhere: the project's own tests use fixtures only.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { constants, gunzipSync } from "node:zlib";
import { test } from "uvu";
import * as assert from "uvu/assert";
import type { HoneypotParser } from "../../scripts/model/event.ts";
import { PARSERS, parserByName } from "../../scripts/parse/registry.ts";

const REALDATA = process.env.HONEYWEEK_REALDATA ?? "/work/shared/realdata";
const TPOT_DATA = join(REALDATA, "tpot-2022", "data");
const COWRIE_2017 = join(REALDATA, "cowrie-2017");
const LINES_PER_FILE = 3000;
/** Rotation suffixes discovery adds: `.N`, `.N.gz`, `.gz`, `.YYYY-MM-DD`, the AT- snapshots. */
const ROTATION = /(?:\.\d+)?(?:\.gz)?$|\.\d{4}-\d{2}-\d{2}$|\.AT-[\w-]+$/;

interface Sample {
  parser: HoneypotParser;
  file: string;
}

function samples(): Sample[] {
  const out: Sample[] = [];
  for (const parser of PARSERS) {
    const dir = join(TPOT_DATA, parser.dir, "log");
    if (!existsSync(dir)) continue;
    for (const name of readdirSync(dir)) {
      if (parser.files.test(name.replace(ROTATION, ""))) out.push({ parser, file: join(dir, name) });
    }
  }
  const cowrie = parserByName("cowrie")!;
  if (existsSync(COWRIE_2017)) for (const name of readdirSync(COWRIE_2017)) out.push({ parser: cowrie, file: join(COWRIE_2017, name) });
  return out;
}

function sampleLines(file: string): string[] {
  let buf = readFileSync(file);
  // Tolerate a truncated gzip: take what decompresses.
  if (file.endsWith(".gz")) buf = gunzipSync(buf, { finishFlush: constants.Z_SYNC_FLUSH });
  const lines = buf.toString("utf8").split("\n", LINES_PER_FILE + 1);
  if (lines.length > LINES_PER_FILE) lines.length = LINES_PER_FILE;
  else if (lines[lines.length - 1] === "") lines.pop();
  return lines;
}

if (!existsSync(TPOT_DATA)) {
  test.skip("real T-Pot and Cowrie logs parse (no /work/shared/realdata here)", () => {});
} else {
  test("real T-Pot and Cowrie logs: no parser throws, nearly every line is read", () => {
    const found = samples();
    assert.ok(found.length > 20, "realdata files found");
    const perParser = new Map<string, { lines: number; events: number; unreadable: number }>();
    for (const { parser, file } of found) {
      const stats = perParser.get(parser.name) ?? { lines: 0, events: 0, unreadable: 0 };
      perParser.set(parser.name, stats);
      for (const line of sampleLines(file)) {
        const result = parser.parse(line, { sensorTimeZone: "UTC", file });
        stats.lines++;
        for (const r of Array.isArray(result) ? result : [result]) {
          if (typeof r !== "string") {
            stats.events++;
            assert.is(r.honeypot, parser.name);
            assert.ok(r.ts > Date.UTC(2017, 0, 1) && r.ts < Date.UTC(2023, 0, 1), `${file}: ${new Date(r.ts).toISOString()}`);
          } else if (r === "not-json" || r === "no-timestamp") stats.unreadable++;
        }
      }
    }
    for (const name of ["cowrie", "dionaea", "honeytrap", "heralding", "adbhoney", "conpot", "elasticpot", "ipphoney", "tanner", "sentrypeer"]) {
      const stats = perParser.get(name);
      assert.ok(stats !== undefined && stats.lines > 0, `${name} has real data`);
      // Allowed: the odd cut-off last line. Honeytrap's 1970 records and Heralding's headers are
      // skipped on purpose and are not "unreadable".
      assert.ok(stats.unreadable <= Math.max(1, stats.lines * 0.001), `${name}: ${stats.unreadable} of ${stats.lines} unreadable`);
      assert.ok(stats.events >= stats.lines * 0.75, `${name}: ${stats.events} events of ${stats.lines} lines`);
    }
  });
}

test.run();
