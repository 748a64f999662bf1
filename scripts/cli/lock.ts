/**
 * One run per week at a time: two aggregations or drafts of the same week would race on its files.
 * The lock is a file created exclusively; a lock left by a killed process (its pid is gone) is taken over.
 */
import { open, readFile, rm, mkdir } from "node:fs/promises";
import { dirname } from "node:path";

export class LockedError extends Error {}

export async function withLock<T>(path: string, what: string, fn: () => Promise<T>): Promise<T> {
  await mkdir(dirname(path), { recursive: true });
  for (let attempt = 0; ; attempt++) {
    try {
      const fh = await open(path, "wx");
      await fh.writeFile(String(process.pid));
      await fh.close();
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw lockError(err, path, what);
      const pid = Number((await readFile(path, "utf8").catch(() => "")).trim());
      if (pid && pid !== process.pid && alive(pid)) {
        throw new LockedError(`${what} is already running (process ${pid}; lock ${path}). Wait for it, or remove the lock if that process is gone.`);
      }
      await rm(path, { force: true }); // stale: its process is gone
    }
  }
  try {
    return await fn();
  } finally {
    await rm(path, { force: true });
  }
}

function lockError(err: unknown, path: string, what: string): Error {
  if (err instanceof LockedError) return err;
  const e = err as NodeJS.ErrnoException;
  if (e.code === "EEXIST") return new LockedError(`${what} is already running (lock ${path})`);
  return new Error(`cannot create lock ${path}: ${e.message}`);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
