/**
 * A plain unified line diff (like `diff -u`), for the CLI to show what a re-draft would change in a
 * post that exists (posts are never overwritten). Hand-written Myers O(ND) diff: no dependency for
 * ~40 lines (the `diff` package in node_modules is only uvu's dependency, not ours).
 */

export interface DiffOptions {
  /** Header names (default "existing" and "draft"). */
  fromLabel?: string;
  toLabel?: string;
  /** Unchanged lines shown around each change (default 3). */
  context?: number;
}

type Op = { kind: " " | "-" | "+"; line: string };

/** "" when the texts are the same; otherwise ---/+++ headers and @@ hunks. */
export function renderDiff(existing: string, draft: string, options: DiffOptions = {}): string {
  const { fromLabel = "existing", toLabel = "draft", context = 3 } = options;
  if (existing === draft) return "";
  const ops = diffLines(splitLines(existing), splitLines(draft));
  const out = [`--- ${fromLabel}`, `+++ ${toLabel}`];
  for (const hunk of hunks(ops, context)) out.push(...hunk);
  return out.join("\n") + "\n";
}

/**
 * A last line without its newline is a different line from the same text with one (as in diff -u);
 * it carries this mark until printed, then shows as "\ No newline at end of file".
 */
const NO_NEWLINE = "\u0000no-newline";

function splitLines(text: string): string[] {
  if (text === "") return [];
  const lines = text.replace(/\r\n/g, "\n").split("\n");
  if (lines[lines.length - 1] === "") lines.pop();
  else lines[lines.length - 1] += NO_NEWLINE;
  return lines;
}

function printed(op: Op): string {
  return op.line.endsWith(NO_NEWLINE) ? `${op.kind}${op.line.slice(0, -NO_NEWLINE.length)}\n\\ No newline at end of file` : op.kind + op.line;
}

/** Myers' greedy shortest edit script, keeping each step's V array for the walk back. */
export function diffLines(a: string[], b: string[]): Op[] {
  const n = a.length;
  const m = b.length;
  const offset = n + m + 1;
  const v = new Int32Array(2 * offset + 1);
  // trace[d] is V as it was before step d.
  const trace: Int32Array[] = [];
  const down = (w: Int32Array, k: number, d: number) => k === -d || (k !== d && w[offset + k - 1]! < w[offset + k + 1]!);
  let done = false;
  for (let d = 0; d <= n + m && !done; d++) {
    trace.push(v.slice());
    for (let k = -d; k <= d; k += 2) {
      let x = down(v, k, d) ? v[offset + k + 1]! : v[offset + k - 1]! + 1;
      let y = x - k;
      while (x < n && y < m && a[x] === b[y]) {
        x++;
        y++;
      }
      v[offset + k] = x;
      if (x >= n && y >= m) {
        done = true;
        break;
      }
    }
  }
  const ops: Op[] = [];
  let x = n;
  let y = m;
  for (let d = trace.length - 1; d >= 0; d--) {
    const w = trace[d]!;
    const k = x - y;
    const prevK = down(w, k, d) ? k + 1 : k - 1;
    const prevX = w[offset + prevK]!;
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      x--;
      y--;
      ops.push({ kind: " ", line: a[x]! });
    }
    if (d === 0) break;
    if (x === prevX) {
      y--;
      ops.push({ kind: "+", line: b[y]! });
    } else {
      x--;
      ops.push({ kind: "-", line: a[x]! });
    }
  }
  return ops.reverse();
}

/** Groups changes closer than 2 × context lines into one hunk, as diff -u does. */
function hunks(ops: Op[], context: number): string[][] {
  // Line numbers (1-based) in each file before each op.
  const at: Array<{ a: number; b: number }> = [];
  let aLine = 1;
  let bLine = 1;
  for (const op of ops) {
    at.push({ a: aLine, b: bLine });
    if (op.kind !== "+") aLine++;
    if (op.kind !== "-") bLine++;
  }
  const changed = ops.flatMap((op, i) => (op.kind === " " ? [] : [i]));
  const groups: Array<[number, number]> = [];
  for (const i of changed) {
    const last = groups[groups.length - 1];
    if (last && i - last[1] - 1 <= 2 * context) last[1] = i;
    else groups.push([i, i]);
  }
  return groups.map(([first, last]) => {
    const start = Math.max(0, first - context);
    const end = Math.min(ops.length, last + 1 + context);
    const slice = ops.slice(start, end);
    const aCount = slice.filter((op) => op.kind !== "+").length;
    const bCount = slice.filter((op) => op.kind !== "-").length;
    // diff -u: a range of 0 lines names the line before it.
    const range = (line: number, count: number) => `${count === 0 ? line - 1 : line}${count === 1 ? "" : `,${count}`}`;
    return [`@@ -${range(at[start]!.a, aCount)} +${range(at[start]!.b, bCount)} @@`, ...slice.map(printed)];
  });
}
