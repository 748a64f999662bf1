/**
 * What the site's shortcodes and filters see: the settings and every stored week.
 * `.eleventy.js` builds one RenderContext and binds each shortcode to it.
 */
import type { SiteSettings } from "../model/settings.ts";
import type { WeekSummary } from "../model/summary.ts";

export interface RenderContext {
  site: SiteSettings;
  /** Every stored week summary by id, oldest first; re-read when files change (serve mode). */
  weeks(): Map<string, WeekSummary>;
}

/** A shortcode bound to a RenderContext. Returns HTML (escaped by the shortcode itself). */
export type Shortcode = (ctx: RenderContext, ...args: any[]) => string | Promise<string>;
