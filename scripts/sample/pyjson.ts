/**
 * JSON strings as Python's `json.dumps` writes them (Cowrie, Dionaea): `ensure_ascii=True`, so
 * every non-ASCII character becomes `\uXXXX` (realdata shows `\u0582` in a Cowrie banner).
 * JSON.stringify escapes the same control characters but leaves non-ASCII as is.
 */

const PLAIN = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/;
const NON_ASCII = /[\u0080-\uffff]/g;

export function pyString(value: string): string {
  // Fast path: most values are plain printable ASCII without quotes or backslashes.
  if (PLAIN.test(value)) return `"${value}"`;
  return JSON.stringify(value).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A JSON array of strings with Python's separators (`", "`). */
export function pyStringList(values: readonly string[], separator = ", "): string {
  return `[${values.map(pyString).join(separator)}]`;
}
