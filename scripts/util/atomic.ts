/**
 * Atomic file writes: write a sibling temp file, fsync, then rename over the target, so a kill
 * at any moment leaves either the old file or the new one, never half of one.
 */
import { link, open, rename, rm, mkdir } from "node:fs/promises";
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
  await viaTempFile(path, data, rename);
}

/** Like writeFileAtomic, but refuses to replace a file that exists (the author's posts). */
export async function createFileAtomic(path: string, data: string): Promise<void> {
  // link() fails with EEXIST if the target exists: no window in which we could overwrite it.
  await viaTempFile(path, data, link);
}

/** Write a synced sibling temp file, then put it in place with `place`; the temp file never stays. */
async function viaTempFile(path: string, data: string | Uint8Array, place: (from: string, to: string) => Promise<void>): Promise<void> {
  const tmp = join(dirname(path), `.${basename(path)}.tmp-${process.pid}`);
  let handle;
  try {
    await mkdir(dirname(path), { recursive: true });
    handle = await open(tmp, "w", 0o644);
    await handle.writeFile(data);
    await handle.sync();
    await handle.close();
    handle = undefined;
    await place(tmp, path);
  } catch (err) {
    throw writeError(path, err);
  } finally {
    await handle?.close().catch(() => {});
    await rm(tmp, { force: true }).catch(() => {});
  }
}
