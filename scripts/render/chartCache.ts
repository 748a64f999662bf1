/**
 * Rendered charts, remembered by what they were rendered from. A week's summary never changes
 * once the week is over, so a weekly rebuild of a 52-post site only has to render the new
 * post's charts: about 15–25 ms each otherwise, most of a cold build's time.
 *
 * The key covers everything that shapes the output: the Vega-Lite specs (data included), the
 * render options, the vega and vega-lite versions and the source of the renderer itself, so a
 * change to any of them is a miss, never a stale chart. Files live in <workspace>/.cache/charts/
 * (git-ignored); a full production build deletes the ones it did not use.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { RenderedChart } from "./vega.ts";

const RENDERER_FILES = ["vega.ts", "svg.ts", "textWidth.ts", "chartCache.ts"];

function packageVersion(name: string): string {
  try {
    const dir = new URL(`../../node_modules/${name}/package.json`, import.meta.url);
    return (JSON.parse(readFileSync(dir, "utf8")) as { version: string }).version;
  } catch {
    return "?";
  }
}

/** What invalidates every cached chart at once. */
const RENDERER_VERSION = (() => {
  const hash = createHash("sha256");
  hash.update(`vega ${packageVersion("vega")}; vega-lite ${packageVersion("vega-lite")}\n`);
  for (const file of RENDERER_FILES) hash.update(readFileSync(new URL(file, import.meta.url)));
  return hash.digest("hex").slice(0, 16);
})();

export function chartKey(input: unknown): string {
  return createHash("sha256").update(RENDERER_VERSION).update(JSON.stringify(input)).digest("hex").slice(0, 32);
}

export class ChartCache {
  private memory = new Map<string, RenderedChart>();
  private used = new Set<string>();

  /** `dir`: where to keep files between processes; undefined keeps charts in memory only. */
  constructor(private readonly dir?: string) {}

  get(key: string): RenderedChart | undefined {
    this.used.add(key);
    const hit = this.memory.get(key);
    if (hit || !this.dir) return hit;
    try {
      const value = JSON.parse(readFileSync(join(this.dir, `${key}.json`), "utf8")) as RenderedChart;
      this.memory.set(key, value);
      return value;
    } catch {
      return undefined;
    }
  }

  set(key: string, value: RenderedChart): void {
    this.used.add(key);
    this.memory.set(key, value);
    if (!this.dir) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      // Unique temp name + rename: two builds sharing a workspace never read half a file.
      const temp = join(this.dir, `${key}.${process.pid}.tmp`);
      writeFileSync(temp, JSON.stringify(value));
      renameSync(temp, join(this.dir, `${key}.json`));
    } catch {
      // A cache that cannot be written only costs time.
    }
  }

  /** Forget which keys were used (call before a build). */
  startBuild(): void {
    this.used.clear();
  }

  /** Delete cached files this build did not use: charts of edited or deleted posts. */
  prune(): void {
    if (!this.dir) return;
    let names: string[] = [];
    try {
      names = readdirSync(this.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name.endsWith(".json") && !this.used.has(name.slice(0, -5))) rmSync(join(this.dir, name), { force: true });
    }
    for (const key of [...this.memory.keys()]) if (!this.used.has(key)) this.memory.delete(key);
  }
}
