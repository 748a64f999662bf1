/**
 * Text width estimate for Vega without a canvas (ELEVENTY-VEGA.md §3.3). Vega's own estimate is
 * 0.8 em for every character: Japanese labels come out ~20% too narrow and Latin ones too wide,
 * so axes get the wrong room and tick labels are dropped as "overlapping". This counts
 * East-Asian-wide characters as 1 em and Latin ones by rough glyph class.
 */

/** Hiragana, Katakana, CJK ideographs and punctuation, Hangul, full-width forms. */
function isWide(code: number): boolean {
  return (
    (code >= 0x1100 && code <= 0x115f) ||
    (code >= 0x2e80 && code <= 0xa4cf) ||
    (code >= 0xac00 && code <= 0xd7a3) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xfe30 && code <= 0xfe4f) ||
    (code >= 0xff00 && code <= 0xff60) ||
    (code >= 0xffe0 && code <= 0xffe6) ||
    (code >= 0x1f300 && code <= 0x1faff) ||
    (code >= 0x20000 && code <= 0x3fffd)
  );
}

const NARROW = new Set("il.,:;|!'`ijlrtf()[]{} ");
const BROAD = new Set("mwMW@%");

/** Width of one character in em. */
function charEm(ch: string): number {
  const code = ch.codePointAt(0)!;
  if (isWide(code)) return 1;
  if (NARROW.has(ch)) return 0.32;
  if (BROAD.has(ch)) return 0.85;
  if (ch >= "0" && ch <= "9") return 0.57;
  if (ch >= "A" && ch <= "Z") return 0.66;
  if (code < 0x80) return 0.54;
  return 0.62;
}

/** Estimated width in pixels of `text` at `fontSize` pixels. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let em = 0;
  for (const ch of text) em += charEm(ch);
  return em * fontSize;
}

interface TextItem {
  fontSize?: number | string;
}

/** Drop-in replacement for vega.textMetrics.width. */
export function vegaTextWidth(item: TextItem, text: unknown): number {
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  const value = text == null ? "" : String(text).trim();
  return size <= 0 || !value ? 0 : estimateTextWidth(value, size);
}
