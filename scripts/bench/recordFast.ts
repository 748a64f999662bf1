/**
 * Parse throughput per format: the reference (decode the line, `parser.parse`) against the byte
 * fast path (fastParserFor: line by line, and with block scanning as the reader drives it), over
 * the lines of one format taken from a T-Pot tree, repeated up to a line count. Rounds alternate
 * the three ways; the median MB/s of each (by CPU time of the process) is printed. Every fast result is also checked equal to
 * the reference's on the first round.
 *
 *   node --import tsx scripts/bench/recordFast.ts <tree> [lines=200000] [rounds=3] [format…]
 */
import { isDeepStrictEqual } from "node:util";
import { discoverFiles } from "../discover/layout.ts";
import { PARSERS, parserByName } from "../parse/registry.ts";
import { fastParserFor } from "../parse/fast/index.ts";
import { recordLaneOf } from "../parse/define.ts";
import { readLineBytes } from "../read/lines.ts";
import type { ParseContext, ParseResult } from "../model/event.ts";

const BLOCK = 4 << 20;
const NL = Buffer.from("\n");

async function linesOf(root: string, honeypot: string, want: number): Promise<{ buf: Buffer; starts: number[]; ends: number[]; file: string } | null> {
  const { files } = await discoverFiles(root, PARSERS);
  // (Only the files a record lane applies to: Heralding's log_session.json, not its auth.csv.)
  const appliesTo = recordLaneOf(parserByName(honeypot)!)?.appliesTo ?? (() => true);
  const mine = files.filter((f) => f.honeypot === honeypot && appliesTo({ sensorTimeZone: "UTC", file: f.path }));
  if (mine.length === 0) return null;
  const parts: Buffer[] = [];
  let count = 0;
  for (const f of mine) {
    await readLineBytes(f.path, {
      line(b, start, end) {
        if (end > start) {
          parts.push(Buffer.from(b.subarray(start, end)));
          count++;
        }
      },
      lineFault() {},
      fileFault() {},
    });
  }
  if (count === 0) return null;
  // Repeat up to `want` lines, in one newline-separated buffer (as a file's bytes).
  const chosen: Buffer[] = [];
  for (let i = 0; chosen.length < 2 * want; i = (i + 1) % parts.length) chosen.push(parts[i]!, NL);
  const buf = Buffer.concat(chosen);
  const starts: number[] = [];
  const ends: number[] = [];
  let pos = 0;
  while (pos < buf.length) {
    const nl = buf.indexOf(10, pos);
    starts.push(pos);
    ends.push(nl);
    pos = nl + 1;
  }
  return { buf, starts, ends, file: mine[0]!.path };
}

const median = (a: number[]): number => [...a].sort((x, y) => x - y)[a.length >> 1]!;

async function main(): Promise<void> {
  const [root, nArg, roundsArg, ...formats] = process.argv.slice(2);
  if (root === undefined) throw new Error("usage: recordFast.ts <tree> [lines] [rounds] [format…]");
  const want = Number(nArg ?? 200000);
  const rounds = Number(roundsArg ?? 3);
  const names = formats.length > 0 ? formats : PARSERS.map((p) => p.name);
  for (const name of names) {
    const parser = parserByName(name)!;
    if (fastParserFor(name) === undefined) continue;
    const data = await linesOf(root, name, want);
    if (data === null) continue;
    const { buf, starts, ends } = data;
    const n = starts.length;
    const ctx: ParseContext = { sensorTimeZone: "UTC", file: data.file };
    const mb = buf.length / 1e6;
    let sink = 0;
    const reference = (): void => {
      for (let i = 0; i < n; i++) {
        const r = parser.parse(buf.toString("utf8", starts[i]!, ends[i]!), ctx);
        if (typeof r !== "string") sink++;
      }
    };
    let fastShare = 0;
    const viaFast = (blocks: boolean, verify: boolean): void => {
      const fast = fastParserFor(name)!;
      let onFast = 0;
      let next = 0; // next block start
      for (let i = 0; i < n; i++) {
        const s = starts[i]!;
        const e = ends[i]!;
        if (blocks && fast.block !== undefined && s >= next) {
          // As the reader: a block of whole lines (newline included), about 4 MiB.
          let end = Math.min(buf.length, s + BLOCK);
          if (end < buf.length) end = buf.lastIndexOf(10, end - 1) + 1;
          if (end <= s) end = e + 1;
          fast.block(buf, s, end);
          next = end;
        }
        const f = fast(buf, s, e, ctx);
        let r: ParseResult | ParseResult[];
        if (f === null) r = parser.parse(buf.toString("utf8", s, e), ctx);
        else {
          r = f;
          onFast++;
          if (verify && !isDeepStrictEqual(r, parser.parse(buf.toString("utf8", s, e), ctx))) throw new Error(`${name}: differs on line ${i}`);
        }
        if (typeof r !== "string") sink++;
      }
      fastShare = onFast / n;
    };
    viaFast(true, true); // check, and warm up
    reference();
    const times: Record<string, number[]> = { reference: [], line: [], block: [] };
    for (let r = 0; r < rounds; r++) {
      for (const [k, fn] of [
        ["reference", reference],
        ["line", () => viaFast(false, false)],
        ["block", () => viaFast(true, false)],
      ] as const) {
        // CPU time of this process (a busy machine stretches wall time, much less this).
        const c0 = process.cpuUsage();
        fn();
        const c = process.cpuUsage(c0);
        times[k]!.push((c.user + c.system) / 1000);
      }
    }
    const rate = (k: string): string => (mb / (median(times[k]!) / 1000)).toFixed(0).padStart(5);
    console.log(
      `${name.padEnd(15)} ${n} lines ${mb.toFixed(1).padStart(6)} MB  fast ${(fastShare * 100).toFixed(1)}%  MB/s: reference ${rate("reference")}  fast/line ${rate("line")}  fast/block ${rate("block")}  ×${(median(times.reference!) / median(times.block!)).toFixed(1)}` +
        (sink < 0 ? "" : ""),
    );
  }
}

await main();
