/**
 * Text that goes into the Markdown source. Only our own words, the author's settings (series name,
 * port names, CVE keywords) and shortcode calls are ever written; attacker-chosen strings never are.
 * Settings text is still escaped, so a `*` or a `{%` in a port name stays text.
 */

export type Punctuation = "ascii" | "japanese";

/**
 * Japanese punctuation. The voice is written with 、。？！（） and converted for "ascii" (the seed
 * author's `,` `.` `?` `!` `()`). Only our literal text is converted; inserted values keep theirs.
 */
export function punctuate(text: string, style: Punctuation): string {
  if (style === "japanese") return text;
  return text.replace(/[、。？！（）]/g, (c) => ASCII_PUNCTUATION[c]!);
}

const ASCII_PUNCTUATION: Record<string, string> = { "、": ",", "。": ".", "？": "?", "！": "!", "（": "(", "）": ")" };

/**
 * A tagged template for Japanese sentences: the literal parts are punctuated in `style`, the
 * interpolated values (names, shortcode calls) are left as they are.
 */
export function jaText(style: Punctuation) {
  return (strings: TemplateStringsArray, ...values: unknown[]): string =>
    strings.reduce((out, literal, i) => out + punctuate(literal, style) + (i < values.length ? String(values[i]) : ""), "");
}

/**
 * Settings text as Markdown inline text: HTML-escaped, and the characters Markdown or Nunjucks
 * would read as syntax written as numeric character references (rendered as themselves).
 */
export function mdText(value: string): string {
  return value
    .replace(/[\u0000-\u001f\u007f]/g, " ")
    .replace(/[&<>"'\\`*_[\]{}|~#!%]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** A YAML scalar that is read back as exactly this string (JSON strings are YAML 1.2 flow scalars). */
export function yamlString(value: string): string {
  return JSON.stringify(value).replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
