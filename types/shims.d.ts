// Eleventy 3 ships no type declarations (see shared/reference/ELEVENTY-VEGA.md §1.4).
declare module "@11ty/eleventy";
declare module "@11ty/eleventy-plugin-rss";
declare module "markdown-it-footnote";
