/**
 * Atomic file writes: write a sibling temp file, fsync, then rename over the target, so a kill
 * at any moment leaves either the old file or the new one, never half of one.
 */
import { open, rename, rm, mkdir } from "node:fs/promises";
import { dirname, basename, join } from "node:path";

export class WriteError extends Error {}

const REASONS: Record<string, string> = {
  ENOSPC: "no space left on the disk",
  EDQUOT: "disk quota exceeded",
  EROFS: "the folder is on a read-only file system",
  EACCES: "permission denied",
  EPERM: "permission denied",
  ENOTDIR: "a part of the path is not a folder",
  EEXIST: "it exists already",
};

/** One clear line for a failed write: the file, and why in words. */
export function writeError(path: string, err: unknown): WriteError {
  const code = (err as NodeJS.ErrnoException).code ?? "";
  return new WriteError(`cannot write ${path}: ${REASONS[code] ?? (err as Error).message}${code ? ` (${code})` : ""}; nothing was changed`);
}

export async function writeFileAtomic(path: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeAtomically(path, data);
  } catch (err) {
    throw writeError(path, err);
  }
}

async function writeAtomically(path: string, data: string | Uint8Array): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  let handle;
  try {
    handle = await open(tmp, "w", 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await rename(tmp, path);
  } catch (err) {
    await handle?.close().catch(() => {});
    await rm(tmp, { force: true }).catch(() => {});
    throw err;
  }
}

/** Like writeFileAtomic, but refuses to replace a file that exists (the author's posts). */
export async function createFileAtomic(path: string, data: string): Promise<void> {
  try {
    await createAtomically(path, data);
  } catch (err) {
    throw writeError(path, err);
  }
}

async function createAtomically(path: string, data: string): Promise<void> {
  const { link } = await import("node:fs/promises");
  await mkdir(dirname(path), { recursive: true });
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  let handle;
  try {
    handle = await open(tmp, "w", 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    // link() fails with EEXIST if the target exists: no window in which we could overwrite it.
    await link(tmp, path);
  } finally {
    await handle?.close().catch(() => {});
    await rm(tmp, { force: true }).catch(() => {});
  }
}
