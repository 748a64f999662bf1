/**
 * Country names in the post's language, from ISO codes (Intl.DisplayNames: "CN" → "中国" / "China").
 * "ZZ" and anything that is not a two-letter code is "unknown".
 */
import type { Lang } from "./numbers.ts";

const displayNames: Record<Lang, Intl.DisplayNames> = {
  ja: new Intl.DisplayNames(["ja"], { type: "region" }),
  en: new Intl.DisplayNames(["en"], { type: "region" }),
};

export function countryName(code: string, lang: Lang): string {
  if (!/^[A-Z]{2}$/.test(code) || code === "ZZ") return lang === "ja" ? "不明" : "unknown";
  try {
    return displayNames[lang].of(code) ?? code;
  } catch {
    return code;
  }
}

/** English names that take "the" in running text ("from the Netherlands"). */
const WITH_ARTICLE = new Set(["AE", "BS", "CF", "DO", "FK", "FO", "GM", "KY", "MH", "MV", "NL", "PH", "SB", "TC", "US", "GB", "VA", "VG", "VI"]);

/** A country as running text: in English with "the" where it takes one ("the Netherlands"). */
export function countryInProse(code: string, lang: Lang): string {
  const name = countryName(code, lang);
  if (lang === "en" && WITH_ARTICLE.has(code)) return `the ${name}`;
  return name;
}

/**
 * "オランダとロシア", "A,B,C" (or "A、B、C"); "the Netherlands and Russia" style without articles:
 * "Netherlands and Russia", "A, B and C".
 */
export function joinNames(names: string[], lang: Lang, punctuation: "ascii" | "japanese" = "ascii"): string {
  if (names.length <= 1) return names[0] ?? "";
  if (lang === "ja") return names.length === 2 ? `${names[0]}と${names[1]}` : names.join(punctuation === "ascii" ? "," : "、");
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
