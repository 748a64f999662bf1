/**
 * The post's structure (BLOG-STYLE.md "Anatomy"): front matter, lead with the week's focus
 * questions, overview, one section per watched port, one per watched CVE, what changed, tables,
 * closing, footnotes. The voice (ja.ts / en.ts) supplies the words.
 */
import { compareWeek } from "../compare/index.ts";
import { resolveFocus, type FocusOverride } from "../compare/focus.ts";
import type { SiteSettings } from "../model/settings.ts";
import type { WeekSummary } from "../model/summary.ts";
import { englishVoice } from "./en.ts";
import { frontMatterBlock } from "./frontMatter.ts";
import { japaneseVoice } from "./ja.ts";
import type { Lang } from "./numbers.ts";
import { planPost } from "./plan.ts";
import type { FootnoteLabel, Voice } from "./voice.ts";

export interface DraftInput {
  summary: WeekSummary;
  /** Stored summaries by week id (later weeks are ignored). */
  history: Map<string, WeekSummary>;
  site: SiteSettings;
  /** Default: the site's language. */
  lang?: Lang;
  /** The issue number in the title: earlier posts + 1. */
  seriesNumber: number;
  /** The post's own watched ports/CVEs (from an existing post's front matter, frontMatter.ts). */
  focus?: FocusOverride;
}

const FOOTNOTE_ORDER: FootnoteLabel[] = ["count", "geoip", "alerts", "new"];

export function voiceFor(lang: Lang, site: SiteSettings): Voice {
  return lang === "ja" ? japaneseVoice(site.punctuation) : englishVoice();
}

/** The Markdown of reports/<YYYY-Www>.md. */
export function draftPost(input: DraftInput): string {
  const { summary, history, site, seriesNumber } = input;
  const lang = input.lang ?? site.language;
  const focus = resolveFocus(site, input.focus);
  const findings = compareWeek({ summary, history, site, ...(input.focus ? { focus: input.focus } : {}) });
  const plan = planPost(summary, findings, focus, site.series, seriesNumber, site.baselineWeeks);
  const voice = voiceFor(lang, site);

  const body = [
    voice.lead(plan),
    voice.overview(plan),
    ...plan.ports.flatMap((port) => [voice.port(plan, port), ...port.cves.map((cve) => voice.cve(plan, cve))]),
    ...plan.cves.map((cve) => voice.cve(plan, cve)),
    voice.changes(plan),
    voice.tables(plan),
    voice.closing(plan),
  ].join("\n\n");

  // Only footnotes the body refers to; markdown-it-footnote numbers them in order of reference.
  const notes = FOOTNOTE_ORDER.filter((label) => body.includes(`[^${label}]`)).map((label) => `[^${label}]: ${voice.footnote(label)}`);

  const frontMatter = frontMatterBlock({
    title: voice.title(plan),
    week: summary.week.id,
    date: summary.week.days[6]!,
    lang,
    tags: ["weekly", ...focus.ports.map((p) => `port-${p.port}`), ...focus.cves.map((c) => c.id.toLowerCase())],
    summary: voice.summary(plan),
    watchedPorts: focus.ports.map((p) => p.port),
    watchedCves: focus.cves.map((c) => c.id),
  });

  return [frontMatter, body, ...(notes.length ? [notes.join("\n")] : [])].join("\n\n") + "\n";
}
