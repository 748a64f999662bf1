/**
 * Front matter: written as YAML whose every value is a JSON scalar or array (JSON is YAML 1.2), so
 * titles with quotes or colons stay strings; read back by a small reader that also accepts the
 * plain YAML an author may type (`watchedPorts: [3389, 7001]`, block lists, unquoted strings).
 */
import type { FocusOverride } from "../compare/focus.ts";
import { yamlString } from "./text.ts";

export interface PostFrontMatter {
  title: string;
  /** The week id the post's shortcodes read ("2019-W26"). */
  week: string;
  /** The week's last local day, YYYY-MM-DD. */
  date: string;
  lang: "ja" | "en";
  tags: string[];
  /** Plain text for feeds and previews; holds no count (counts would go stale). */
  summary: string;
  watchedPorts: number[];
  watchedCves: string[];
}

export function frontMatterBlock(fm: PostFrontMatter): string {
  const list = (values: Array<string | number>) =>
    `[${values.map((v) => (typeof v === "number" ? String(v) : yamlString(v))).join(", ")}]`;
  return [
    "---",
    `title: ${yamlString(fm.title)}`,
    `week: ${yamlString(fm.week)}`,
    `date: ${yamlString(fm.date)}`,
    `lang: ${yamlString(fm.lang)}`,
    `tags: ${list(fm.tags)}`,
    `summary: ${yamlString(fm.summary)}`,
    `watchedPorts: ${list(fm.watchedPorts)}`,
    `watchedCves: ${list(fm.watchedCves)}`,
    "---",
  ].join("\n");
}

type Scalar = string | number | boolean | null;

/** The top-level keys of a post's front matter; {} when there is none. */
export function readFrontMatter(markdown: string): Record<string, Scalar | Scalar[]> {
  const m = /^---\r?\n([\s\S]*?)\r?\n---\s*(?:\r?\n|$)/.exec(markdown);
  if (!m) return {};
  const out: Record<string, Scalar | Scalar[]> = {};
  const lines = m[1]!.split(/\r?\n/);
  for (let i = 0; i < lines.length; i++) {
    const kv = /^([A-Za-z_][\w-]*):\s*(.*)$/.exec(lines[i]!);
    if (!kv) continue;
    const [, key, raw] = kv as unknown as [string, string, string];
    const value = stripComment(raw).trim();
    if (value === "") {
      // A block sequence: "  - 3389" lines under the key.
      const items: Scalar[] = [];
      while (i + 1 < lines.length && /^\s*-\s+/.test(lines[i + 1]!)) items.push(scalar(lines[++i]!.replace(/^\s*-\s+/, "")));
      out[key] = items.length ? items : null;
    } else if (value.startsWith("[")) {
      out[key] = flowSequence(value);
    } else {
      out[key] = scalar(value);
    }
  }
  return out;
}

/**
 * The post's own focus, when its front matter names one: for re-drafting a post whose author
 * changed `watchedPorts` / `watchedCves`.
 */
export function focusFromFrontMatter(markdown: string): FocusOverride {
  const fm = readFrontMatter(markdown);
  const focus: FocusOverride = {};
  const ports = fm.watchedPorts;
  if (Array.isArray(ports)) focus.ports = ports.map(Number).filter((n) => Number.isInteger(n));
  const cves = fm.watchedCves;
  if (Array.isArray(cves)) focus.cves = cves.filter((c): c is string => typeof c === "string");
  return focus;
}

function stripComment(value: string): string {
  // A " #" outside quotes starts a comment; our own values never hold one unquoted.
  if (value.startsWith('"') || value.startsWith("'")) return value;
  const at = value.search(/\s#/);
  return at >= 0 ? value.slice(0, at) : value;
}

function flowSequence(value: string): Scalar[] {
  try {
    const parsed = JSON.parse(value);
    if (Array.isArray(parsed)) return parsed;
  } catch {
    // Not JSON: plain YAML items, split on commas.
  }
  const inner = value.replace(/^\[/, "").replace(/\]\s*$/, "").trim();
  return inner === "" ? [] : inner.split(",").map((s) => scalar(s.trim()));
}

function scalar(value: string): Scalar {
  const v = value.trim();
  if (v.startsWith('"')) {
    try {
      return JSON.parse(v);
    } catch {
      return v.slice(1, -1);
    }
  }
  if (v.startsWith("'") && v.endsWith("'")) return v.slice(1, -1).replace(/''/g, "'");
  if (/^-?\d+(\.\d+)?$/.test(v)) return Number(v);
  if (v === "true" || v === "false") return v === "true";
  if (v === "null" || v === "~") return null;
  return v;
}
