/**
 * Numbers as the blog writes them. Prose rounds (the seed post's "およそ11万件", "420くらい");
 * tables and "exact" values keep every digit.
 *
 *   approx:  under 100 → the whole number; otherwise 2 significant figures, and in Japanese from
 *            10,000 up in 万 (and 億) units: 109,876 → "11万" / "110,000"; 12,345 → "1.2万";
 *            423.5 → "420".
 *   atLeast: the same, rounded *down*, for "over …" (104,512 → "10万件以上" / "over 100,000").
 *   exact:   every digit, grouped: 109876 → "109,876".
 */

export type Lang = "ja" | "en";

const SIGNIFICANT = 2;

/** n rounded (or floored) to `digits` significant figures. */
export function roundSignificant(n: number, digits = SIGNIFICANT, mode: "round" | "floor" = "round"): number {
  if (!Number.isFinite(n) || n === 0) return 0;
  const magnitude = Math.floor(Math.log10(Math.abs(n)));
  const step = 10 ** Math.max(0, magnitude - digits + 1);
  const scaled = n / step;
  // A tiny epsilon keeps 420 / 10 = 41.99999… from flooring to 41.
  return (mode === "round" ? Math.round(scaled) : Math.floor(scaled + 1e-9)) * step;
}

export function exact(n: number, lang: Lang): string {
  return Math.round(n).toLocaleString(lang === "ja" ? "ja-JP" : "en-US");
}

export function approx(n: number, lang: Lang): string {
  return rounded(n, lang, "round");
}

export function atLeast(n: number, lang: Lang): string {
  return rounded(n, lang, "floor");
}

function rounded(n: number, lang: Lang, mode: "round" | "floor"): string {
  if (Math.abs(n) < 100) return exact(mode === "round" ? Math.round(n) : Math.floor(n), lang);
  const r = roundSignificant(n, SIGNIFICANT, mode);
  if (lang === "ja") {
    if (Math.abs(r) >= 1e8) return `${unit(r / 1e8)}億`;
    if (Math.abs(r) >= 1e4) return `${unit(r / 1e4)}万`;
  }
  return exact(r, lang);
}

/** 11 → "11", 1.2 → "1.2", 120 → "120" (at most one decimal; r has 2 significant figures). */
function unit(value: number): string {
  return String(Math.round(value * 10) / 10);
}

/** part / whole as a whole percentage, "94%"; "0%" when whole is 0. */
export function percent(part: number, whole: number): string {
  return `${whole > 0 ? Math.round((part / whole) * 100) : 0}%`;
}
