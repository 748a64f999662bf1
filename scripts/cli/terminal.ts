/**
 * Terminal output. Log-derived strings are attacker-chosen: control characters (ANSI escapes,
 * carriage returns, bidi overrides) are shown as escapes, never sent to the terminal.
 */

// C0 and C1 controls, DEL, bidi embeddings/overrides/isolates, zero-width and line separators.
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b-\u200f\u2028-\u202e\u2066-\u2069\ufeff]/g;

export function safeText(value: string, max = 200): string {
  let s = value.replace(UNSAFE, (c) => {
    const code = c.charCodeAt(0);
    return code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`;
  });
  s = s.replace(/\n/g, "\\n").replace(/\t/g, "\\t");
  return s.length > max ? s.slice(0, max - 1) + "…" : s;
}

export function fmt(n: number): string {
  return n.toLocaleString("en-US");
}

/** Errors go to stderr with the program name, one line each. */
export function fail(message: string): void {
  process.stderr.write(`honeyweek: ${safeText(message, 2000)}\n`);
}

export function info(message: string): void {
  process.stderr.write(message + "\n");
}

export function out(message: string): void {
  process.stdout.write(message + "\n");
}
