/** `honeyweek sample`: write deterministic sample T-Pot logs with a ground-truth manifest. */
import { resolve } from "node:path";
import { generateSample } from "../../sample/generate.ts";
import { info } from "../terminal.ts";
import { EXIT_OK } from "../exit.ts";

export interface SampleOptions {
  out: string;
  seed?: number;
  scale?: number;
  hostile?: boolean;
  quiet?: boolean;
}

export async function runSample(o: SampleOptions) {
  const outDir = resolve(o.out);
  const t0 = performance.now();
  const manifest = await generateSample({ outDir, seed: o.seed, scale: o.scale, hostile: o.hostile });
  if (!o.quiet) info(`sample logs for ${manifest.weeks.map((w) => w.id).join(", ")} written to ${outDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s (ground truth: ground-truth.json)`);
  return { code: EXIT_OK, manifest };
}
