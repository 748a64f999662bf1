/**
 * `honeyweek build` and `honeyweek serve`: Eleventy over the workspace. Eleventy is imported when
 * one of them runs, so that `aggregate` and `draft` do not load it (~30 MiB and ~0.3 s).
 */
import type { Workspace } from "../workspace.ts";
import { info } from "../terminal.ts";
import { EXIT_OK } from "../exit.ts";

export async function runBuild(ws: Workspace, o: { pathPrefix?: string; quiet?: boolean }): Promise<number> {
  const t0 = performance.now();
  const { buildSite } = await import("../../render/build.ts");
  const r = await buildSite({ dir: ws.dir, pathPrefix: o.pathPrefix, quiet: true });
  if (!o.quiet) info(`built ${r.pages} pages into ${r.outDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return EXIT_OK;
}

export async function runServe(ws: Workspace, o: { pathPrefix?: string; port?: number }): Promise<number> {
  const { serveSite } = await import("../../render/build.ts");
  await serveSite({ dir: ws.dir, pathPrefix: o.pathPrefix, port: o.port });
  return EXIT_OK;
}
