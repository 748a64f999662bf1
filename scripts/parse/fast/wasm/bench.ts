/**
 * Scanning throughput on one thread: FieldScanner against WasmFieldScanner, per line and per block.
 *
 *   node --import tsx scripts/parse/fast/wasm/bench.ts FILE MODE
 *
 * MODE js | wasm | block: read the file as lines.ts readPlain does (4 MiB blocks), and scan each
 * line with FieldScanner.scan, WasmFieldScanner.scan, or each block with scanBlock + select.
 * MODE mem-js | mem-wasm | mem-block: the same on the file preloaded into memory (the scan alone).
 * Prints lines, lines passed, time and MB/s. One mode per process, so one's JIT and heap state do
 * not colour another's.
 */
import { closeSync, openSync, readFileSync, readSync } from "node:fs";
import { COWRIE_FIELDS } from "../../cowrie.ts";
import { readLineBytes } from "../../../read/lines.ts";
import { FieldScanner } from "../scan.ts";
import { WasmFieldScanner } from "../wasmScan.ts";

const BLOCK = 4 << 20;
const NL = 10;
const CR = 13;

type Each = (b: Buffer, start: number, end: number) => void;

/** readPlain's shape: a block read after the carried part of a line; its complete lines handed on. */
function readBlocks(path: string, each: Each): number {
  const fd = openSync(path, "r");
  const buf = Buffer.allocUnsafe(BLOCK + (4 << 20) + 2);
  let have = 0;
  let pos = 0;
  try {
    for (;;) {
      const got = readSync(fd, buf, have, BLOCK, pos);
      if (got === 0) break;
      pos += got;
      const limit = have + got;
      const lastNl = buf.lastIndexOf(NL, limit - 1);
      if (lastNl < 0) {
        have = limit;
        continue;
      }
      each(buf, 0, lastNl + 1);
      buf.copy(buf, 0, lastNl + 1, limit);
      have = limit - lastNl - 1;
    }
    if (have > 0) {
      buf[have] = NL;
      each(buf, 0, have + 1);
    }
  } finally {
    closeSync(fd);
  }
  return pos;
}

async function main(): Promise<void> {
  const [path, mode] = process.argv.slice(2);
  if (path === undefined || mode === undefined) throw new Error("usage: bench.ts FILE js|wasm|block|mem-js|mem-wasm|mem-block");
  const js = new FieldScanner(COWRIE_FIELDS);
  const wasm = new WasmFieldScanner(COWRIE_FIELDS);
  let lines = 0;
  let ok = 0;
  const perLine =
    (sc: { scan(b: Buffer, s: number, e: number): boolean }): Each =>
    (b, s, e) => {
      for (let p = s; ; ) {
        const nl = b.indexOf(NL, p);
        if (nl < 0 || nl >= e) break;
        lines++;
        if (sc.scan(b, p, nl > p && b[nl - 1] === CR ? nl - 1 : nl)) ok++;
        p = nl + 1;
      }
    };
  const perBlock: Each = (b, s, e) => {
    const n = wasm.scanBlock(b, s, e);
    lines += n;
    for (let k = 0; k < n; k++) if (wasm.select(k)) ok++;
  };
  let bytes: number;
  let t0: number;
  if (mode.startsWith("mem-")) {
    const all = readFileSync(path);
    const each = mode === "mem-block" ? perBlock : perLine(mode === "mem-js" ? js : wasm);
    t0 = performance.now();
    for (let s = 0; s < all.length; ) {
      let e = Math.min(all.length, s + BLOCK);
      if (e < all.length) e = all.lastIndexOf(NL, e - 1) + 1;
      each(all, s, e);
      s = e;
    }
    bytes = all.length;
  } else if (mode === "js" || mode === "wasm") {
    const sc = mode === "js" ? js : wasm;
    t0 = performance.now();
    const st = await readLineBytes(path, {
      line(b, s, e) {
        lines++;
        if (sc.scan(b, s, e)) ok++;
      },
      lineFault() {},
      fileFault() {},
    });
    bytes = st.bytes;
  } else if (mode === "block") {
    t0 = performance.now();
    bytes = readBlocks(path, perBlock);
  } else throw new Error(`unknown mode ${mode}`);
  const ms = performance.now() - t0;
  console.log(`${mode.padEnd(9)} ${lines} lines, ${ok} passed, ${ms.toFixed(0)} ms, ${(bytes / 1e6 / (ms / 1000)).toFixed(0)} MB/s`);
}

await main();
