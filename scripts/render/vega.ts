/**
 * Vega-Lite spec → compiled Vega spec + static SVG, at build time, without a browser or canvas
 * (ELEVENTY-VEGA.md §3). The compiled spec is what the page ships for interactivity, so the
 * client needs only vega + vega-embed, not vega-lite.
 */
import { readFile } from "node:fs/promises";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import * as vega from "vega";
import { compile, type TopLevelSpec } from "vega-lite";
import { vegaTextWidth } from "./textWidth.ts";
import { accessibleRoot, compactGeoPaths, prefixIds, roundPathData } from "./svg.ts";

// Installed once per process: every chart is measured the same way, so output is reproducible.
// (vega exports textMetrics at run time; its type declarations omit it.)
(vega as unknown as { textMetrics: { width: typeof vegaTextWidth } }).textMetrics.width = vegaTextWidth;

const require = createRequire(import.meta.url);

/** The bundled world-atlas folder: the only files a chart may load (no network, ever). */
export const WORLD_ATLAS_DIR = dirname(require.resolve("world-atlas/package.json"));

/** TopoJSON files charts may name in `data.url`; also copied to the site for the browser. */
export const WORLD_ATLAS_FILES = ["countries-110m.json", "land-110m.json"] as const;

const fileCache = new Map<string, Promise<string>>();

/**
 * A Vega loader that serves the bundled atlas files from memory and refuses everything else, so a
 * spec can never make the build read an arbitrary file or reach the network.
 */
function atlasLoader() {
  const loader = vega.loader();
  loader.load = async (uri: string) => {
    const name = uri.replace(/^.*\//, "");
    if (!(WORLD_ATLAS_FILES as readonly string[]).includes(name)) {
      throw new Error(`chart data may only come from the bundled world atlas, not ${JSON.stringify(uri)}`);
    }
    let text = fileCache.get(name);
    if (!text) {
      text = readFile(join(WORLD_ATLAS_DIR, name), "utf8");
      fileCache.set(name, text);
    }
    return text;
  };
  return loader;
}

const loader = atlasLoader();

export interface RenderedChart {
  /** Static SVG, ready to inline: ids prefixed, accessible root. */
  svg: string;
  /** The compiled Vega spec, for vega-embed in the browser. */
  vegaSpec: vega.Spec;
  /** Vega-Lite and Vega warnings (an unused encoding, a dropped field): worth fixing, not fatal. */
  warnings: string[];
}

export class ChartRenderError extends Error {}

/**
 * Collects Vega's and Vega-Lite's messages instead of printing them: an error inside the dataflow
 * is only logged by Vega, and rendering would go on with a half-built scene.
 */
function collectingLogger() {
  const errors: string[] = [];
  const warnings: string[] = [];
  const text = (args: unknown[]) => args.map((a) => (a instanceof Error ? a.message : String(a))).join(" ");
  let current = vega.Warn;
  const logger = {
    level(level?: number) {
      if (level === undefined) return current;
      current = level;
      return logger;
    },
    error(...args: unknown[]) {
      errors.push(text(args));
      return logger;
    },
    warn(...args: unknown[]) {
      warnings.push(text(args));
      return logger;
    },
    info() {
      return logger;
    },
    debug() {
      return logger;
    },
  };
  return { logger, errors, warnings };
}

export interface RenderOptions {
  /** Prefix for every element id inside the SVG; unique per chart on a page. */
  idPrefix: string;
  /** The chart's accessible name. */
  description: string;
  /** Round map paths to whole pixels (for geoshape charts). */
  compactPaths?: boolean;
}

/** Compiles and renders one chart. About 15–20 ms for a typical chart, 40 ms for the world map. */
export async function renderVega(spec: TopLevelSpec, options: RenderOptions & { interactive?: TopLevelSpec }): Promise<RenderedChart> {
  const log = collectingLogger();
  const staticSpec = compile(spec, { logger: log.logger as never }).spec;
  const vegaSpec = options.interactive ? compile(options.interactive, { logger: log.logger as never }).spec : staticSpec;
  const view = new vega.View(vega.parse(staticSpec), { renderer: "none", loader, logger: log.logger as never });
  try {
    let svg = await view.toSVG();
    if (log.errors.length) throw new ChartRenderError(log.errors.join("; "));
    svg = options.compactPaths ? compactGeoPaths(svg) : roundPathData(svg);
    svg = prefixIds(svg, options.idPrefix);
    svg = accessibleRoot(svg, options.description);
    return { svg, vegaSpec, warnings: log.warnings };
  } finally {
    view.finalize();
  }
}
