// Eleventy configuration for honeyweek's site (https://www.11ty.dev/docs/config/).
//
// The work is done in TypeScript (scripts/render/plugin.ts). Plain `npx @11ty/eleventy` cannot
// import .ts files, so tsx's loader is registered first, unless the process already has one
// (tests run under `node --import tsx`). See shared/reference/ELEVENTY-VEGA.md §2.6.
//
// Environment: HONEYWEEK_DIR (workspace, default: this folder), HONEYWEEK_PATH_PREFIX (or
// --pathprefix), HONEYWEEK_SITE_URL. Details in scripts/render/workspace.ts.

const plugin = new URL("./scripts/render/plugin.ts", import.meta.url);
const workspace = new URL("./scripts/render/workspace.ts", import.meta.url);

async function importTs(url) {
  try {
    return await import(url.href);
  } catch (err) {
    if (err?.code !== "ERR_UNKNOWN_FILE_EXTENSION") throw err;
    const { register } = await import("tsx/esm/api");
    register();
    // Node remembers the failed import of this URL: ask again under a different one.
    return import(`${url.href}?tsx`);
  }
}

export default async function (eleventyConfig) {
  const { configureSite } = await importTs(plugin);
  const { siteDirs, normalizePathPrefix } = await importTs(workspace);
  configureSite(eleventyConfig, siteDirs(process.env));
  const prefix = process.env.HONEYWEEK_PATH_PREFIX;
  return prefix ? { pathPrefix: normalizePathPrefix(prefix) } : {};
}

export const config = {
  templateFormats: ["md", "njk"],
  markdownTemplateEngine: "njk",
  htmlTemplateEngine: "njk",
};
