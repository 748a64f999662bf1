/**
 * Builders for junk lines, shared by the format modules. Each imitates a way real files get
 * damaged (reference/TPOT-LOGS.md, realdata/README.md): a record cut by a crash and glued to the
 * next one, bytes that are not UTF-8, a run of NULs left by copytruncate under a writer that
 * does not append, a live file whose last line was still being written.
 */
import type { Rng } from "./prng.ts";

/** The first part of `broken`, then `next` on the same line: not JSON. */
export function glued(broken: string, next: string, rng: Rng): string {
  const cut = Math.max(10, Math.floor(broken.length * (0.3 + 0.4 * rng.next())));
  return broken.slice(0, cut) + next;
}

/** `line` with raw invalid UTF-8 bytes (a lone 0xFF, 0xFE and a broken 2-byte sequence) in place of `marker`. */
export function withInvalidUtf8(line: string, marker: string): Buffer {
  const at = line.indexOf(marker);
  if (at < 0) throw new Error(`Unexpected line without marker \`${marker}\`, expected the marker to replace`);
  return Buffer.concat([
    Buffer.from(line.slice(0, at), "utf8"),
    Buffer.from([0x72, 0x6f, 0x6f, 0x74, 0xff, 0xfe, 0xc3, 0x28, 0x21]),
    Buffer.from(line.slice(at + marker.length), "utf8"),
  ]);
}

/** A run of NULs with a little garbage, as a truncated-then-written file starts. */
export function nulRun(rng: Rng): Buffer {
  const nuls = Buffer.alloc(rng.int(200, 900));
  const tail = Buffer.from(Array.from({ length: 12 }, () => rng.int(1, 255)).filter((b) => b !== 0x0a));
  return Buffer.concat([nuls, tail]);
}

/** The first part of a record: what a reader sees while the honeypot is still writing it. */
export function cutOff(line: string, rng: Rng): string {
  return line.slice(0, Math.floor(line.length * (0.4 + 0.3 * rng.next())));
}
