/**
 * JSON strings as Python's `json.dumps` writes them (Cowrie, Dionaea): `ensure_ascii=True`, so
 * every non-ASCII character becomes `\uXXXX` (realdata shows `\u0582` in a Cowrie banner).
 * JSON.stringify escapes the same control characters but leaves non-ASCII as is.
 */

const PLAIN = /^[\x20-\x21\x23-\x5b\x5d-\x7e]*$/;
const NON_ASCII = /[\u007f-\uffff]/g;

export function pyString(value: string): string {
  // Fast path: most values are plain printable ASCII without quotes or backslashes.
  if (PLAIN.test(value)) return `"${value}"`;
  return JSON.stringify(value).replace(NON_ASCII, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** A JSON array of strings with Python's separators (`", "`). */
export function pyStringList(values: readonly string[], separator = ", "): string {
  return `[${values.map(pyString).join(separator)}]`;
}

/**
 * A JSON string as Go's encoding/json writes it: `<`, `>`, `&` as \u003c \u003e \u0026 (HTML-safe
 * by default), U+2028/U+2029 escaped (logrus and other Go loggers that marshal with encoding/json).
 */
export function goString(value: string): string {
  const json = JSON.stringify(value);
  return /[<>&\u2028\u2029]/.test(value)
    ? json.replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)
    : json;
}

// Python's str.isprintable(): false for these categories (space excepted).
const NOT_PRINTABLE = /[\p{Cc}\p{Cf}\p{Cs}\p{Co}\p{Cn}\p{Zl}\p{Zp}\p{Zs}]/u;
const PLAIN_REPR = /^[\x20-\x26\x28-\x5b\x5d-\x7e]*$/;

/** Python 3 `repr()` of a str: quotes chosen as Python does, non-printable characters escaped. */
export function pyRepr(value: string): string {
  const quote = value.includes("'") && !value.includes('"') ? '"' : "'";
  if (PLAIN_REPR.test(value)) return `'${value}'`;
  let out = quote;
  for (const ch of value) {
    const c = ch.codePointAt(0)!;
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (ch === "\t") out += "\\t";
    else if (ch === "\n") out += "\\n";
    else if (ch === "\r") out += "\\r";
    else if (c === 0x20 || (c > 0x20 && c < 0x7f) || (c >= 0x7f && !NOT_PRINTABLE.test(ch))) out += ch;
    else if (c <= 0xff) out += `\\x${c.toString(16).padStart(2, "0")}`;
    else if (c <= 0xffff) out += `\\u${c.toString(16).padStart(4, "0")}`;
    else out += `\\U${c.toString(16).padStart(8, "0")}`;
  }
  return out + quote;
}

/** Python 3 `repr()` of bytes: `b'…'`, printable ASCII as is, everything else `\xNN`. */
export function pyBytesRepr(bytes: Buffer): string {
  const text = bytes.toString("latin1");
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = `b${quote}`;
  for (const b of bytes) {
    const ch = String.fromCharCode(b);
    if (ch === quote || ch === "\\") out += `\\${ch}`;
    else if (b === 9) out += "\\t";
    else if (b === 10) out += "\\n";
    else if (b === 13) out += "\\r";
    else if (b >= 0x20 && b < 0x7f) out += ch;
    else out += `\\x${b.toString(16).padStart(2, "0")}`;
  }
  return out + quote;
}

/** A field as Python's csv module writes it (QUOTE_MINIMAL): quoted when it holds , " CR or LF. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** markupsafe-style HTML escaping (Elasticpot escapes the User-Agent it logs: `&#39;` in realdata). */
export function htmlEscape(value: string): string {
  return /[&<>"']/.test(value)
    ? value.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&#34;", "'": "&#39;" })[c]!)
    : value;
}
