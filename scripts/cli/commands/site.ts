/** `honeyweek build` and `honeyweek serve`: Eleventy over the workspace. */
import { buildSite, serveSite } from "../../render/build.ts";
import type { Workspace } from "../workspace.ts";
import { info } from "../terminal.ts";
import { EXIT_OK } from "../exit.ts";

export async function runBuild(ws: Workspace, o: { pathPrefix?: string; quiet?: boolean }): Promise<number> {
  const t0 = performance.now();
  const r = await buildSite({ dir: ws.dir, pathPrefix: o.pathPrefix, quiet: true });
  if (!o.quiet) info(`built ${r.pages} pages into ${r.outDir} in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  return EXIT_OK;
}

export async function runServe(ws: Workspace, o: { pathPrefix?: string; port?: number }): Promise<number> {
  await serveSite({ dir: ws.dir, pathPrefix: o.pathPrefix, port: o.port });
  return EXIT_OK;
}
