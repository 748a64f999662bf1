/**
 * Which discovered files may hold a week's events. Rotation is per restart, not per day, and some
 * honeypots write a line when a connection ENDS, so file boundaries say little; file mtimes say
 * nothing once logs are copied. What does: the time of a file's first event. Within one rotation
 * family, a file ends where the next one starts. A file is read when its span, widened by a margin
 * (late lines), touches the week. Files whose first event cannot be found are always read.
 */
import { open } from "node:fs/promises";
import { gunzipSync, constants as zlibConstants } from "node:zlib";
import type { HoneypotParser, ParseContext } from "../model/event.ts";
import type { LogFile } from "./layout.ts";

/** Late lines (Dionaea/Honeytrap log at connection end) and clock slop. */
export const WINDOW_MARGIN_MS = 24 * 3600 * 1000;
const PEEK_SIZES = [16 * 1024, 256 * 1024];
const PEEK_LINES = 200;

export interface SelectedFile extends LogFile {
  /** Time of the first event found at the start of the file, or null. */
  firstEventMs: number | null;
}

/**
 * The time of the first event at the start of a file. Most files show one in their first few
 * kilobytes; a file that starts with junk or long non-event lines gets a second, larger look.
 */
export async function firstEventTime(file: LogFile, parser: HoneypotParser, ctx: ParseContext): Promise<number | null> {
  for (const bytes of PEEK_SIZES) {
    const head = await readHead(file.path, bytes);
    if (head === null) return null;
    const ts = firstTimeIn(head.text, parser, ctx);
    if (ts !== null || head.whole) return ts;
  }
  return null;
}

async function readHead(path: string, bytes: number): Promise<{ text: string; whole: boolean } | null> {
  try {
    const fh = await open(path, "r");
    let buf: Buffer;
    try {
      const chunk = Buffer.alloc(bytes);
      const { bytesRead } = await fh.read(chunk, 0, bytes, 0);
      buf = chunk.subarray(0, bytesRead);
    } finally {
      await fh.close();
    }
    const whole = buf.length < bytes;
    if (buf.length >= 2 && buf[0] === 0x1f && buf[1] === 0x8b) {
      // A partial gzip member: decode what is there without failing on the cut.
      buf = gunzipSync(buf, { finishFlush: zlibConstants.Z_SYNC_FLUSH });
    }
    return { text: buf.toString("utf8"), whole };
  } catch {
    return null;
  }
}

function firstTimeIn(text: string, parser: HoneypotParser, ctx: ParseContext): number | null {
  const lines = text.split("\n", PEEK_LINES);
  for (const line of lines) {
    let result;
    try {
      result = parser.parse(line, ctx);
    } catch {
      continue;
    }
    let earliest: number | null = null;
    for (const r of Array.isArray(result) ? result : [result]) {
      if (typeof r === "object" && r.ts > 0 && (earliest === null || r.ts < earliest)) earliest = r.ts;
    }
    if (earliest !== null) return earliest;
  }
  return null;
}

/** Run `fn` over `items` with at most `limit` at a time (file peeks: I/O-bound, many small files). */
export async function mapLimited<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return out;
}

/** Keep the files whose span may overlap [startMs, endMs). */
export function selectForWindow(files: SelectedFile[], startMs: number, endMs: number): SelectedFile[] {
  const keep = new Set<SelectedFile>();
  const families = new Map<string, SelectedFile[]>();
  for (const f of files) {
    const dir = f.path.slice(0, f.path.length - f.path.split(/[\\/]/).pop()!.length);
    // A live file heads both rotation families of its base name.
    // A copy of the live file (saved under another suffix) is treated like the live file.
    const schemes = f.scheme === "live" || f.scheme === "copy" ? ["numbered", "dated"] : [f.scheme];
    for (const s of schemes) {
      const key = `${f.honeypot}\u0000${dir}\u0000${f.base}\u0000${s}`;
      const list = families.get(key) ?? [];
      list.push(f);
      families.set(key, list);
    }
  }
  for (const family of families.values()) {
    const known = family.filter((f) => f.firstEventMs !== null).sort((a, b) => a.firstEventMs! - b.firstEventMs!);
    for (const f of family) if (f.firstEventMs === null) keep.add(f);
    known.forEach((f, i) => {
      if (f.firstEventMs! >= endMs + WINDOW_MARGIN_MS) return;
      const next = known[i + 1];
      if (next && f.scheme !== "live" && f.scheme !== "copy" && next.firstEventMs! < startMs - WINDOW_MARGIN_MS) return;
      keep.add(f);
    });
  }
  return files.filter((f) => keep.has(f));
}
