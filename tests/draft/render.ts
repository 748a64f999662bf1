/**
 * Renders a drafted post the way the site does, for tests: Nunjucks runs the shortcodes (ours from
 * render/prose.ts; chart and table stubbed with markers), then markdown-it with footnotes.
 */
import { createRequire } from "node:module";
import MarkdownIt from "markdown-it";
import { proseShortcodes } from "../../scripts/render/prose.ts";
import type { RenderContext } from "../../scripts/render/context.ts";
import { readFrontMatter } from "../../scripts/draft/frontMatter.ts";

const require = createRequire(import.meta.url);
// No type packages for these two; the tests use a handful of calls.
const nunjucks = require("nunjucks") as any;
const markdownItFootnote = require("markdown-it-footnote") as any;

type Fn = (...args: unknown[]) => string;

/** A Nunjucks tag `{% name a, b %}` calling fn(a, b), as Eleventy registers a shortcode. */
function shortcodeExtension(name: string, fn: Fn) {
  return new (class {
    tags = [name];
    parse(parser: any, nodes: any) {
      const token = parser.nextToken();
      const args = parser.parseSignature(true, true);
      parser.advanceAfterBlockEnd(token.value);
      return new nodes.CallExtension(this, "run", args);
    }
    run(_context: unknown, ...args: unknown[]) {
      return new nunjucks.runtime.SafeString(fn(...args));
    }
  })();
}

export function shortcodeEnvironment(ctx: RenderContext) {
  const env = new nunjucks.Environment(null, { autoescape: true, throwOnUndefined: true });
  for (const [name, code] of Object.entries(proseShortcodes)) {
    env.addExtension(`sc_${name}`, shortcodeExtension(name, (...args) => code(ctx, ...args) as string));
  }
  env.addExtension("sc_chart", shortcodeExtension("chart", (kind, week, port) => `<figure class="chart">[chart ${kind} ${week}${port === undefined ? "" : ` ${port}`}]</figure>`));
  env.addExtension("sc_table", shortcodeExtension("table", (kind, week) => `<div class="table">[table ${kind} ${week}]</div>`));
  return env;
}

/** The Markdown after shortcodes ran (front matter removed, its values given to the template). */
export function renderShortcodes(post: string, ctx: RenderContext): string {
  const data = readFrontMatter(post);
  const body = post.replace(/^---\n[\s\S]*?\n---\n/, "");
  return shortcodeEnvironment(ctx).renderString(body, data);
}

/** The post as HTML, as markdown-it renders it on the site. */
export function renderPost(post: string, ctx: RenderContext): string {
  const md = new MarkdownIt({ html: true, linkify: true }).use(markdownItFootnote);
  return md.render(renderShortcodes(post, ctx));
}

/** Visible text of HTML: tags dropped, entities decoded, whitespace runs folded. */
export function textOf(html: string): string {
  return html
    .replace(/<[^>]*>/g, " ")
    .replace(/&#(\d+);/g, (_, n) => String.fromCodePoint(Number(n)))
    .replace(/&#x([0-9a-f]+);/gi, (_, n) => String.fromCodePoint(parseInt(n, 16)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ");
}

export function contextOf(site: RenderContext["site"], weeks: Map<string, any>): RenderContext {
  return { site, weeks: () => weeks };
}
