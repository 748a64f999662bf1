/**
 * Which log files exist under a root, tagged with their honeypot by PATH (never by a key inside an
 * event). Understands T-Pot 19.03 (`/data/<hp>/log/`), T-Pot 24.x (`~/tpotce/data/<hp>/log/`, or
 * `~/tpotce` itself), a standalone Cowrie (`var/log/cowrie/` or the Cowrie install folder), and a
 * flat folder of log files.
 */
import { readdir, stat, realpath } from "node:fs/promises";
import { basename, join } from "node:path";
import type { HoneypotParser } from "../model/event.ts";

export interface LogFile {
  path: string;
  honeypot: string;
  /** The live base name this file rotates from, e.g. "cowrie.json" for "cowrie.json.3.gz". */
  base: string;
  /**
   * "live" (the file being written), "numbered" (logrotate .N / .N.gz), "dated" (.YYYY-MM-DD), or
   * "copy" (any other suffix: a saved copy such as `cowrie.json.AT-2022-06-02T12-00Z` or `.bak`).
   */
  scheme: "live" | "numbered" | "dated" | "copy";
  /** For numbered files N, for dated files the date. */
  generation: number | null;
  date: string | null;
  size: number;
}

export interface DiscoveryProblem {
  path: string;
  reason: "unreadable" | "symlink-loop" | "not-found";
  detail: string;
}

export interface Discovery {
  files: LogFile[];
  problems: DiscoveryProblem[];
  layout: string;
}

const ROTATION = /^(.*?)(?:\.(\d{1,3})(?:\.gz)?|\.(\d{4}-\d{2}-\d{2})|\.gz)?$/;

/** Split a file name into its live base name and rotation scheme. */
export function rotationOf(name: string): { base: string; scheme: LogFile["scheme"]; generation: number | null; date: string | null } {
  const m = ROTATION.exec(name)!;
  if (m[2] !== undefined) return { base: m[1]!, scheme: "numbered", generation: Number(m[2]), date: null };
  if (m[3] !== undefined) return { base: m[1]!, scheme: "dated", generation: null, date: m[3] };
  return { base: m[1]!, scheme: "live", generation: null, date: null };
}

/**
 * A file name → its parser and rotation. Known rotation suffixes first; failing that, the longest
 * leading part of the name that a parser owns, the rest being a copy's suffix.
 */
export function classify(
  dirName: string,
  fileName: string,
  parsers: readonly HoneypotParser[],
): { parser: HoneypotParser; base: string; scheme: LogFile["scheme"]; generation: number | null; date: string | null } | undefined {
  const byDir = dirName ? parsers.filter((p) => p.dir === dirName) : [];
  // Without a honeypot folder to go by, only specific file names are trusted (qeeqbox's
  // "<protocol>.log" pattern would otherwise claim any *.log, such as Cowrie's text log).
  const pool = byDir.length ? byDir : parsers.filter((p) => !isGeneric(p));
  const rot = rotationOf(fileName);
  const direct = pool.find((p) => p.files.test(rot.base));
  if (direct) return { parser: direct, ...rot };
  const parts = fileName.split(".");
  for (let n = parts.length - 1; n >= 1; n--) {
    const base = parts.slice(0, n).join(".");
    const p = pool.find((q) => q.files.test(base));
    if (p) return { parser: p, base, scheme: "copy", generation: null, date: null };
  }
  return undefined;
}

function isGeneric(p: HoneypotParser): boolean {
  return ["x-unknown-name.log", "x-unknown-name.json", "x-unknown-name.txt"].some((n) => p.files.test(n));
}

/**
 * Find every log file under `root`. Honeypot folders are recognised by name (`<hp>/log/…`, or
 * `<hp>/logs/…`); a folder of files with known names (standalone Cowrie) is read as it is.
 */
export async function discoverFiles(root: string, parsers: readonly HoneypotParser[]): Promise<Discovery> {
  const problems: DiscoveryProblem[] = [];
  const rootStat = await stat(root).catch((err: NodeJS.ErrnoException) => err);
  if (rootStat instanceof Error) {
    const reason = rootStat.code === "ELOOP" ? "symlink-loop" : rootStat.code === "ENOENT" ? "not-found" : "unreadable";
    return { files: [], problems: [{ path: root, reason, detail: rootStat.message }], layout: "none" };
  }
  if (!rootStat.isDirectory()) {
    return { files: [], problems: [{ path: root, reason: "unreadable", detail: "not a folder" }], layout: "none" };
  }
  const candidates: { dir: string; hint: string }[] = [];
  let layout = "flat folder";
  const dirs = new Set(parsers.map((p) => p.dir));
  const top = await listDir(root, problems);
  if (top.some((n) => dirs.has(n))) {
    layout = "T-Pot data folder";
    for (const name of top) if (dirs.has(name)) for (const sub of ["log", "logs"]) candidates.push({ dir: join(root, name, sub), hint: name });
  } else if (top.includes("data") && (await listDir(join(root, "data"), problems)).some((n) => dirs.has(n))) {
    layout = "T-Pot 24.x install folder";
    for (const name of await listDir(join(root, "data"), problems)) {
      if (dirs.has(name)) for (const sub of ["log", "logs"]) candidates.push({ dir: join(root, "data", name, sub), hint: name });
    }
  } else if (top.includes("var")) {
    layout = "standalone Cowrie install";
    candidates.push({ dir: join(root, "var", "log", "cowrie"), hint: "cowrie" });
  } else {
    // A flat folder named after a honeypot (var/log/cowrie) is that honeypot's folder.
    const name = basename(root.replace(/[\\/]+$/, ""));
    candidates.push({ dir: root, hint: dirs.has(name) ? name : "" });
  }

  const files: LogFile[] = [];
  const seen = new Set<string>();
  for (const { dir, hint } of candidates) {
    for (const name of await listDir(dir, problems, true)) {
      if (name.startsWith(".")) continue; // our own temp files, editor swap files
      const c = classify(hint, name, parsers);
      if (!c) continue;
      const path = join(dir, name);
      const st = await stat(path).catch((err: NodeJS.ErrnoException) => err);
      if (st instanceof Error) {
        problems.push({ path, reason: st.code === "ELOOP" ? "symlink-loop" : "unreadable", detail: st.message });
        continue;
      }
      if (!st.isFile()) continue;
      // The same file reached twice (symlinked folders) is read once.
      const real = await realpath(path).catch(() => path);
      if (seen.has(real)) continue;
      seen.add(real);
      files.push({ path, honeypot: c.parser.name, base: c.base, scheme: c.scheme, generation: c.generation, date: c.date, size: st.size });
    }
  }
  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { files, problems, layout };
}

/** Explicit files: each tagged by its folder names or its file name. */
export async function explicitFiles(paths: string[], parsers: readonly HoneypotParser[]): Promise<Discovery> {
  const files: LogFile[] = [];
  const problems: DiscoveryProblem[] = [];
  const dirs = new Set(parsers.map((p) => p.dir));
  for (const path of paths) {
    const st = await stat(path).catch((err: NodeJS.ErrnoException) => err);
    if (st instanceof Error) {
      const reason = st.code === "ELOOP" ? "symlink-loop" : st.code === "ENOENT" ? "not-found" : "unreadable";
      problems.push({ path, reason, detail: st.message });
      continue;
    }
    const name = basename(path);
    const segments = path.split(/[\\/]/);
    const hint = [...segments].reverse().find((s) => dirs.has(s)) ?? "";
    const c = classify(hint, name, parsers);
    if (!c) {
      problems.push({ path, reason: "unreadable", detail: "no parser knows this file name; put it under <honeypot>/log/" });
      continue;
    }
    files.push({ path, honeypot: c.parser.name, base: c.base, scheme: c.scheme, generation: c.generation, date: c.date, size: st.size });
  }
  return { files, problems, layout: "explicit files" };
}

async function listDir(dir: string, problems: DiscoveryProblem[], report = false): Promise<string[]> {
  try {
    return (await readdir(dir)).sort();
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (report && code !== "ENOENT" && code !== "ENOTDIR") {
      problems.push({ path: dir, reason: code === "ELOOP" ? "symlink-loop" : "unreadable", detail: (err as Error).message });
    }
    return [];
  }
}
