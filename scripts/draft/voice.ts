/**
 * A voice: the words of one language for each part of the post (BLOG-STYLE.md's anatomy). It gets
 * the plan and writes Markdown whose numbers are shortcode calls (shortcodes.ts).
 */
import type { CveFocus } from "../compare/types.ts";
import type { Lang } from "./numbers.ts";
import type { PortPlan, PostPlan } from "./plan.ts";

/** Footnote labels; a definition is added only when the body refers to it. */
export type FootnoteLabel = "count" | "geoip" | "alerts" | "new";

export interface Voice {
  lang: Lang;
  /** `<series>【N】【M/D-M/D】` or `<series> #N (Jun 24–30)`. */
  title(plan: PostPlan): string;
  /** Front-matter summary: plain text, no counts. */
  summary(plan: PostPlan): string;
  lead(plan: PostPlan): string;
  overview(plan: PostPlan): string;
  port(plan: PostPlan, port: PortPlan): string;
  cve(plan: PostPlan, cve: CveFocus): string;
  changes(plan: PostPlan): string;
  tables(plan: PostPlan): string;
  closing(plan: PostPlan): string;
  footnote(label: FootnoteLabel): string;
}
