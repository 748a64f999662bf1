/**
 * The Markdown renderer for posts: markdown-it with footnotes. The seed post marks footnotes
 * "*1", "*2"; drafts write them as Markdown footnotes ([^1]) and they are shown the blog's way.
 */
import MarkdownIt from "markdown-it";
import footnote from "markdown-it-footnote";

export function createMarkdown() {
  const md = new MarkdownIt({
    // Shortcodes return HTML (figures, tables); posts are written by the author and the drafter.
    html: true,
    linkify: true,
    typographer: false,
  }).use(footnote);
  // Only explicit URLs become links: "example.com" in prose stays text (it may be an attacker's host).
  md.linkify.set({ fuzzyLink: false, fuzzyEmail: false, fuzzyIP: false });
  // Eleventy's convention: indented lines are not code blocks, so nested HTML stays HTML.
  md.disable("code");

  md.renderer.rules.footnote_caption = (tokens, idx) => {
    const meta = tokens[idx]!.meta as { id: number; subId?: number };
    const n = meta.id + 1;
    return meta.subId && meta.subId > 0 ? `*${n}:${meta.subId}` : `*${n}`;
  };
  return md;
}
