/**
 * Fault-test helpers: small file systems that are full or read-only (tmpfs mounts; the tests run
 * as root in CI, as .ci/run does). If mounting is impossible the tests FAIL: they never pass by
 * skipping.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

export function mountTmpfs(sizeKb: number, readOnly = false): { dir: string; unmount: () => void } {
  const dir = mkdtempSync(join(tmpdir(), "hw-mnt-"));
  try {
    execFileSync("mount", ["-t", "tmpfs", "-o", `size=${sizeKb}k${readOnly ? ",ro" : ""}`, "tmpfs", dir], { stdio: "pipe" });
  } catch (err) {
    rmSync(dir, { recursive: true, force: true });
    throw new Error(`fault tests need to mount a small tmpfs (run as root, as CI does): ${(err as Error).message}`);
  }
  return {
    dir,
    unmount() {
      execFileSync("umount", ["-l", dir], { stdio: "pipe" });
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function remountReadOnly(dir: string): void {
  execFileSync("mount", ["-o", "remount,ro", dir], { stdio: "pipe" });
}
