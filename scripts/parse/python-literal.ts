/**
 * A reader for Python literal reprs, as Ciscoasa logs them (`logging` of a dict, TPOT-LOGS.md
 * §1.4 Ciscoasa): `{'timestamp': '…', 'src_ip': '…', 'payload_printable': [b'…', …]}`.
 * Supports dicts, lists, tuples, str and bytes literals (single/double quotes, backslash escapes),
 * ints, floats, True/False/None. Bytes become strings (latin-1 per byte), enough for display.
 * Returns undefined for anything else; never throws.
 */

class Reader {
  pos = 0;
  constructor(readonly s: string) {}

  skipSpace(): void {
    const s = this.s;
    while (this.pos < s.length) {
      const c = s.charCodeAt(this.pos);
      if (c !== 32 && c !== 9 && c !== 10 && c !== 13) break;
      this.pos++;
    }
  }
}

const FAIL = Symbol("fail");
/** Characters of True/False/None and numbers. */
const ATOM_CHAR = /[\w.+-]/;
type Value = unknown;

const SIMPLE_ESCAPES: Record<string, string> = {
  n: "\n",
  r: "\r",
  t: "\t",
  "\\": "\\",
  "'": "'",
  '"': '"',
  "0": "\0",
  a: "\x07",
  b: "\b",
  f: "\f",
  v: "\v",
};

function readString(r: Reader): string | typeof FAIL {
  const s = r.s;
  const quote = s[r.pos];
  r.pos++;
  let out = "";
  let start = r.pos;
  while (r.pos < s.length) {
    const ch = s[r.pos]!;
    if (ch === quote) {
      out += s.slice(start, r.pos);
      r.pos++;
      return out;
    }
    if (ch === "\\") {
      out += s.slice(start, r.pos);
      const e = s[r.pos + 1];
      if (e === undefined) return FAIL;
      if (e === "x" || e === "u" || e === "U") {
        const len = e === "x" ? 2 : e === "u" ? 4 : 8;
        const hex = s.slice(r.pos + 2, r.pos + 2 + len);
        const code = Number.parseInt(hex, 16);
        if (hex.length !== len || Number.isNaN(code) || code > 0x10ffff) return FAIL;
        out += String.fromCodePoint(code);
        r.pos += 2 + len;
      } else {
        out += SIMPLE_ESCAPES[e] ?? "\\" + e;
        r.pos += 2;
      }
      start = r.pos;
      continue;
    }
    r.pos++;
  }
  return FAIL;
}

function readValue(r: Reader, depth: number): Value | typeof FAIL {
  if (depth > 32) return FAIL;
  r.skipSpace();
  const s = r.s;
  const c = s[r.pos];
  if (c === undefined) return FAIL;
  if (c === "'" || c === '"') return readString(r);
  if ((c === "b" || c === "B") && (s[r.pos + 1] === "'" || s[r.pos + 1] === '"')) {
    r.pos++;
    return readString(r);
  }
  if (c === "{") return readDict(r, depth);
  if (c === "[" || c === "(") return readList(r, depth, c === "[" ? "]" : ")");
  return readAtom(r);
}

function readAtom(r: Reader): Value | typeof FAIL {
  const s = r.s;
  const start = r.pos;
  while (r.pos < s.length && ATOM_CHAR.test(s[r.pos]!)) r.pos++;
  const word = s.slice(start, r.pos);
  if (word === "True") return true;
  if (word === "False") return false;
  if (word === "None") return null;
  if (word.length === 0) return FAIL;
  const n = Number(word);
  return Number.isFinite(n) ? n : FAIL;
}

function readList(r: Reader, depth: number, close: string): Value[] | typeof FAIL {
  r.pos++;
  const items: Value[] = [];
  for (;;) {
    r.skipSpace();
    if (r.s[r.pos] === close) {
      r.pos++;
      return items;
    }
    const v = readValue(r, depth + 1);
    if (v === FAIL) return FAIL;
    items.push(v);
    r.skipSpace();
    if (r.s[r.pos] === ",") r.pos++;
    else if (r.s[r.pos] !== close) return FAIL;
  }
}

function readDict(r: Reader, depth: number): Record<string, Value> | typeof FAIL {
  r.pos++;
  const out: Record<string, Value> = {};
  for (;;) {
    r.skipSpace();
    if (r.s[r.pos] === "}") {
      r.pos++;
      return out;
    }
    const key = readValue(r, depth + 1);
    if (key === FAIL || (typeof key !== "string" && typeof key !== "number")) return FAIL;
    r.skipSpace();
    if (r.s[r.pos] !== ":") return FAIL;
    r.pos++;
    const value = readValue(r, depth + 1);
    if (value === FAIL) return FAIL;
    out[String(key)] = value;
    r.skipSpace();
    if (r.s[r.pos] === ",") r.pos++;
    else if (r.s[r.pos] !== "}") return FAIL;
  }
}

/** Read a whole line as one Python dict literal; undefined if it is not exactly that. */
export function parsePythonDict(line: string): Record<string, unknown> | undefined {
  const r = new Reader(line);
  r.skipSpace();
  if (line[r.pos] !== "{") return undefined;
  const value = readDict(r, 0);
  if (value === FAIL) return undefined;
  r.skipSpace();
  return r.pos === line.length ? value : undefined;
}
