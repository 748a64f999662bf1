/**
 * A plain HTML table from rows of text and numbers. Every cell is escaped; numbers are formatted
 * and right-aligned. Cells may instead be pre-rendered HTML (`{ html }`), which only the table
 * kinds in tables.ts produce, from escaped parts.
 */
import { formatCount } from "../charts/time.ts";
import type { Lang } from "../charts/names.ts";
import { escapeHtml, visible } from "./escape.ts";

/** HTML the caller has already escaped. */
export interface HtmlCell {
  html: string;
}

export type Cell = string | number | HtmlCell;

export interface TableColumn {
  label: string;
  numeric?: boolean;
  /** Extra class on the column's cells ("wide" lets long values wrap anywhere). */
  className?: string;
}

export interface TableOptions {
  className?: string;
  caption?: string;
}

function cellHtml(cell: Cell, lang: Lang): string {
  if (typeof cell === "number") return formatCount(cell, lang);
  if (typeof cell === "string") return escapeHtml(visible(cell));
  return cell.html;
}

/** One line of HTML (no newline): safe to return from a shortcode inside Markdown. */
export function htmlTable(columns: readonly TableColumn[], rows: readonly Cell[][], lang: Lang, options: TableOptions = {}): string {
  const cls = (c: TableColumn) => {
    const names = [c.numeric ? "num" : "", c.className ?? ""].filter(Boolean).join(" ");
    return names ? ` class="${names}"` : "";
  };
  const head = columns.map((c) => `<th scope="col"${cls(c)}>${escapeHtml(c.label)}</th>`).join("");
  const body = rows
    .map((row) => `<tr>${row.map((cell, i) => `<td${cls(columns[i] ?? { label: "" })}>${cellHtml(cell, lang)}</td>`).join("")}</tr>`)
    .join("");
  const caption = options.caption ? `<caption>${escapeHtml(options.caption)}</caption>` : "";
  const table = options.className ? ` class="${escapeHtml(options.className)}"` : "";
  return `<table${table}>${caption}<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table>`;
}
