/**
 * Replacing the built site as a whole. The new site is built in `._site.tmp-<pid>` beside `_site`;
 * on success `_site` is renamed away and the new folder renamed in. A kill between the two renames
 * leaves `._site.old-<pid>` and no `_site`: the next build (or recoverSite) puts it back. Folders
 * left by killed builds are removed once their process is gone.
 */
import { readdir, rename, rm, stat } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

export function tempSiteDir(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.tmp-${process.pid}`);
}

function oldSiteDir(outDir: string): string {
  return join(dirname(outDir), `.${basename(outDir)}.old-${process.pid}`);
}

export async function swapInSite(tmp: string, outDir: string): Promise<void> {
  const old = oldSiteDir(outDir);
  const hadSite = await stat(outDir).then(() => true, () => false);
  if (hadSite) await rename(outDir, old);
  await rename(tmp, outDir);
  if (hadSite) await rm(old, { recursive: true, force: true });
}

/** Put back a site left aside by a killed swap, and clear folders of builds that died. */
export async function recoverSite(outDir: string): Promise<void> {
  const parent = dirname(outDir);
  const name = basename(outDir);
  let entries: string[] = [];
  try {
    entries = await readdir(parent);
  } catch {
    return;
  }
  const hasSite = entries.includes(name);
  for (const e of entries.sort()) {
    const m = new RegExp(`^\\.${escapeRe(name)}\\.(tmp|old)-(\\d+)$`).exec(e);
    if (!m || alive(Number(m[2]))) continue;
    const path = join(parent, e);
    if (m[1] === "old" && !hasSite) await rename(path, outDir);
    else await rm(path, { recursive: true, force: true });
  }
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

function alive(pid: number): boolean {
  if (pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "EPERM";
  }
}
