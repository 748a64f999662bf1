/**
 * What a reading worker runs: worker.ts and what it imports, bundled by esbuild into one plain
 * module in the system's temp folder (named by its content). A worker then starts in ~40 ms
 * without a loader thread of its own; through tsx (worker.mjs, the fallback) it takes ~250 ms and
 * ~40 MiB more.
 *
 * Bundling takes ~100 ms, on every run; so a manifest beside the bundle lists the files it was
 * made from with their sizes and modification times, and while none has changed the bundle is
 * used as it is (a few stat calls). Anything amiss (no manifest, a file changed or gone, an
 * unreadable bundle) means: bundle again.
 */
import { readFile, rename, stat, writeFile } from "node:fs/promises";
import { existsSync } from "node:fs";
import { createHash } from "node:crypto";
import { tmpdir } from "node:os";
import { isAbsolute, join, resolve } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

interface Manifest {
  bundle: string;
  inputs: { path: string; size: number; mtimeMs: number }[];
}

const ENTRY = fileURLToPath(new URL("./worker.ts", import.meta.url));
const FALLBACK = new URL("./worker.mjs", import.meta.url);
/** One manifest per checkout of the project (the entry's path names it). */
export const MANIFEST = join(tmpdir(), `honeyweek-worker-${createHash("sha256").update(ENTRY).digest("hex").slice(0, 16)}.json`);

let entry: Promise<URL> | undefined;

/** The module a reading worker runs (made or found once per process). */
export function workerEntry(): Promise<URL> {
  entry ??= (async () => {
    if (process.env.HONEYWEEK_WORKER_ENTRY === "tsx") return FALLBACK;
    try {
      return pathToFileURL((await unchangedBundle()) ?? (await bundle()));
    } catch {
      return FALLBACK;
    }
  })();
  return entry;
}

/** The last bundle, when none of its inputs has changed since it was made. */
export async function unchangedBundle(manifest = MANIFEST): Promise<string | null> {
  let m: Manifest;
  try {
    m = JSON.parse(await readFile(manifest, "utf8")) as Manifest;
  } catch {
    return null;
  }
  if (typeof m.bundle !== "string" || !Array.isArray(m.inputs) || m.inputs.length === 0 || !existsSync(m.bundle)) return null;
  const now = await Promise.all(m.inputs.map((i) => stat(i.path).catch(() => null)));
  const same = now.every((s, k) => s !== null && s.size === m.inputs[k]!.size && s.mtimeMs === m.inputs[k]!.mtimeMs);
  return same ? m.bundle : null;
}

async function bundle(): Promise<string> {
  const { build } = await import("esbuild");
  const r = await build({
    entryPoints: [ENTRY],
    bundle: true,
    platform: "node",
    format: "esm",
    target: "node20",
    write: false,
    metafile: true,
    logLevel: "silent",
    banner: { js: 'import { createRequire as __hwRequire } from "node:module"; const require = __hwRequire(import.meta.url);' },
  });
  const code = r.outputFiles[0]!.contents;
  const file = join(tmpdir(), `honeyweek-worker-${createHash("sha256").update(code).digest("hex").slice(0, 20)}.mjs`);
  if (!existsSync(file)) await writeAtomically(file, code);
  // Inputs are named relative to esbuild's working directory (the process's).
  const paths = Object.keys(r.metafile!.inputs).map((p) => (isAbsolute(p) ? p : resolve(process.cwd(), p)));
  const inputs = await Promise.all(
    paths.map(async (path) => {
      const s = await stat(path);
      return { path, size: s.size, mtimeMs: s.mtimeMs };
    }),
  );
  await writeAtomically(MANIFEST, JSON.stringify({ bundle: file, inputs } satisfies Manifest));
  return file;
}

async function writeAtomically(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, data);
  await rename(tmp, file);
}
