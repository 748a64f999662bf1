/**
 * Hostile corpus: strings an attacker can put into any field a honeypot logs (username, password,
 * command, URL, user agent, SIP header, HTTP path…), grouped by family. The sample generator's
 * --hostile mode puts them into every attacker-controlled field; the tests then prove that none of
 * them runs, injects markup, breaks a table, executes template code or reaches a terminal raw.
 * Invalid UTF-8 cannot live in a JS string: such entries carry raw bytes for writers to emit.
 */

export type HostileFamily =
  | "xss-polyglot"
  | "event-handler"
  | "url-scheme"
  | "svg-mathml"
  | "script-close"
  | "comment-cdata"
  | "markdown"
  | "template"
  | "front-matter"
  | "bidi-zero-width"
  | "ansi"
  | "nul-control"
  | "invalid-utf8"
  | "json-csv-quote"
  | "huge";

export interface HostilePayload {
  family: HostileFamily;
  /** The string as a JS string (invalid-utf8 entries: the bytes decoded with replacement). */
  text: string;
  /** Raw bytes to write instead of `text`, for invalid UTF-8. */
  bytes?: number[];
}

const XSS_POLYGLOTS = [
  `jaVasCript:/*-/*\`/*\\\`/*'/*"/**/(/* */oNcliCk=alert() )//%0D%0A%0d%0a//</stYle/</titLe/</teXtarEa/</scRipt/--!>\\x3csVg/<sVg/oNloAd=alert()//>\\x3e`,
  `"><script>alert(1)</script>`,
  `'><script>alert(document.domain)</script>`,
  `<script>alert('XSS')</script>`,
  `<SCRIPT SRC=//xss.invalid/xss.js></SCRIPT>`,
  `<img src=x onerror=alert(1)>`,
  `"><img src=x onerror=alert(1)>`,
  `<iframe src="javascript:alert(1)"></iframe>`,
  `<body onload=alert(1)>`,
  `<input autofocus onfocus=alert(1)>`,
  `<details open ontoggle=alert(1)>`,
  `<video><source onerror="alert(1)">`,
  `<style>*{background:url("javascript:alert(1)")}</style>`,
  `<link rel=stylesheet href="data:text/css,*{color:red}">`,
  `<meta http-equiv="refresh" content="0;url=javascript:alert(1)">`,
  `<base href="https://evil.invalid/">`,
  `<form action="javascript:alert(1)"><button>x</button></form>`,
  `<a href="javascript:alert(1)">click</a>`,
  `<object data="javascript:alert(1)">`,
  `<embed src="javascript:alert(1)">`,
  `<template><script>alert(1)</script></template>`,
  `<noscript><p title="</noscript><img src=x onerror=alert(1)>">`,
  `<textarea></textarea><script>alert(1)</script>`,
  `<title></title><script>alert(1)</script>`,
  `<div style="background:url(javascript:alert(1))">`,
  `<marquee onstart=alert(1)>`,
  `<isindex action=javascript:alert(1) type=image>`,
  `<x contenteditable onblur=alert(1)>lose focus!`,
];

const HANDLERS = ["onerror", "onload", "onclick", "onmouseover", "onfocus", "onanimationstart", "onpointerenter", "ontoggle", "onbegin", "onwheel"];
const EVENT_HANDLERS = HANDLERS.flatMap((h) => [`" ${h}="alert(1)`, `' ${h}='alert(1)`, `x ${h}=alert(1) y`]);

const URL_SCHEMES = [
  "javascript:alert(1)",
  "JaVaScRiPt:alert(1)",
  "java\tscript:alert(1)",
  " javascript:alert(1)",
  "javascript&colon;alert(1)",
  "&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)",
  "data:text/html,<script>alert(1)</script>",
  "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
  "data:image/svg+xml,<svg onload=alert(1)>",
  "vbscript:msgbox(1)",
  "http://evil.invalid/x.sh",
  "https://evil.invalid/<script>",
  "http://user:pass@evil.invalid:8080/a?b=<c>#d",
  "//evil.invalid/x",
  "file:///etc/passwd",
];

const SVG_MATHML = [
  `<svg onload=alert(1)>`,
  `<svg><script>alert(1)</script></svg>`,
  `<svg><animate onbegin=alert(1) attributeName=x dur=1s>`,
  `<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>`,
  `<svg><foreignObject><iframe src=javascript:alert(1)></iframe></foreignObject></svg>`,
  `</text><script>alert(1)</script><text>`,
  `</tspan></text></g></svg><img src=x onerror=alert(1)>`,
  `<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>`,
  `<math href="javascript:alert(1)">click</math>`,
  `<math><maction actiontype="statusline#http://evil.invalid">x</maction></math>`,
  `<svg><use href="data:image/svg+xml,<svg id='x' xmlns='http://www.w3.org/2000/svg'><image href='1' onerror='alert(1)'/></svg>#x"/></svg>`,
  `<svg><style>@import url(javascript:alert(1))</style></svg>`,
];

const SCRIPT_CLOSE = [
  `</script><script>alert(1)</script>`,
  `</SCRIPT><script>alert(1)</script>`,
  `</script ><img src=x onerror=alert(1)>`,
  `<!--<script>`,
  `</script>`,
  `\\u003c/script\\u003e`,
  `"}]</script><script>alert(1)</script>`,
  `</style><script>alert(1)</script>`,
];

const COMMENT_CDATA = [
  `<!-- `,
  `-->`,
  `--><script>alert(1)</script><!--`,
  `<![CDATA[<script>alert(1)</script>]]>`,
  `]]><script>alert(1)</script>`,
  `<?xml version="1.0"?><x/>`,
  `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>`,
  `&lt;script&gt;alert(1)&lt;/script&gt;`,
];

const MARKDOWN = [
  `[click](javascript:alert(1))`,
  `![img](x" onerror="alert(1))`,
  `[a](http://evil.invalid "title")`,
  `<http://evil.invalid>`,
  `# heading`,
  `## injected heading\n\nparagraph`,
  `| a | b |\n|---|---|\n| c | d |`,
  `a | b | c`,
  `|||||`,
  "```\ncode\n```",
  "`code`",
  `**bold** _em_ ~~del~~`,
  `> quote`,
  `- list\n- list`,
  `1. list`,
  `---`,
  `[^1]: footnote`,
  `<div>raw html</div>`,
  `\\`,
  `*`,
  `[x]: javascript:alert(1)`,
  `![x][y]\n\n[y]: javascript:alert(1)`,
];

const TEMPLATE = [
  `{{ 7*7 }}`,
  `{{7*7}}`,
  `{% raw %}`,
  `{% endraw %}`,
  `{% set x = 1 %}`,
  `{{ range.constructor("return process")().mainModule.require("child_process").execSync("id") }}`,
  `{{''.constructor.constructor('alert(1)')()}}`,
  `{% include "/etc/passwd" %}`,
  `{{ eleventy }}`,
  `{{ page.inputPath }}`,
  `{% chart "hourly", week %}`,
  `{{ collections.all | dump }}`,
  `{# comment #}`,
  `{%- if true -%}x{%- endif -%}`,
  `${7*7}`,
  `#{7*7}`,
  `<%= 7*7 %>`,
  `{{#each x}}{{/each}}`,
  `{{ "}}" }}`,
  `}}`,
  `{%`,
  `{{`,
];

const FRONT_MATTER = [
  `---\ntitle: pwned\n---`,
  `---`,
  `---js\n{ permalink: "/index.html" }\n---`,
  `+++\ntitle = "x"\n+++`,
  `permalink: /index.html`,
  `layout: false`,
  `eleventyExcludeFromCollections: true`,
  `title: "x"\nlayout: ../../../../etc/passwd`,
];

const BIDI = [
  "\u202Eevil.exe\u202Ctxt",
  "admin\u202Enimda",
  "\u2066isolated\u2069",
  "\u200Broot",
  "ro\u200Dot",
  "\uFEFFroot",
  "\u200E\u200Fx",
  "\u061Carabic mark",
  "\u2028line separator",
  "\u2029paragraph separator",
  "a\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301",
  "ＡＤＭＩＮ",
  "аdmin", // Cyrillic a
  "𝐫𝐨𝐨𝐭",
  "🙂🙃",
  "管理者",
];

const ANSI = [
  "\u001b[31mred\u001b[0m",
  "\u001b[2J\u001b[H",
  "\u001b]0;owned\u0007",
  "\u001b]8;;http://evil.invalid\u001b\\link\u001b]8;;\u001b\\",
  "\u001b[1A\u001b[2Kfake line",
  "\r\u001b[Kcarriage",
  "\u009b31mC1 CSI",
  "\u001bc",
  "\u0007bell",
  "\b\b\b\bbackspace",
];

const NUL_CONTROL = [
  "root\u0000admin",
  "\u0000",
  "a\u0001b\u0002c\u001f",
  "tab\there",
  "new\nline",
  "cr\rhere",
  "\u007fdel",
  "\u000b\u000cvt ff",
];

const INVALID_UTF8: number[][] = [
  [0xff],
  [0xc0, 0xaf],
  [0xe0, 0x80, 0xaf],
  [0xed, 0xa0, 0x80],
  [0x72, 0x6f, 0x6f, 0x74, 0xfe],
  [0xf8, 0x88, 0x80, 0x80, 0x80],
  [0xc3],
  [0x80, 0x81, 0x82],
];

const JSON_CSV = [
  `"`,
  `\\`,
  `\\"`,
  `","injected":"1`,
  `"}`,
  `{"a":1}`,
  `[1,2,3]`,
  `null`,
  `=cmd|' /C calc'!A0`,
  `+SUM(1+1)`,
  `-1+1`,
  `@SUM(1)`,
  `a,b,c`,
  `"a","b"`,
  `'single'`,
  `\`backtick\``,
  `\\u0000`,
  `\\ud800`,
  `__proto__`,
  `constructor`,
  `toString`,
  `hasOwnProperty`,
];

const HUGE = ["A".repeat(1024 * 1024), "<".repeat(100_000), "{{".repeat(50_000), "é".repeat(200_000)];

function build(): HostilePayload[] {
  const out: HostilePayload[] = [];
  const add = (family: HostileFamily, list: string[]) => {
    for (const text of list) out.push({ family, text });
  };
  add("xss-polyglot", XSS_POLYGLOTS);
  add("event-handler", EVENT_HANDLERS);
  add("url-scheme", URL_SCHEMES);
  add("svg-mathml", SVG_MATHML);
  add("script-close", SCRIPT_CLOSE);
  add("comment-cdata", COMMENT_CDATA);
  add("markdown", MARKDOWN);
  add("template", TEMPLATE);
  add("front-matter", FRONT_MATTER);
  add("bidi-zero-width", BIDI);
  add("ansi", ANSI);
  add("nul-control", NUL_CONTROL);
  for (const bytes of INVALID_UTF8) out.push({ family: "invalid-utf8", text: Buffer.from(bytes).toString("utf8"), bytes });
  add("json-csv-quote", JSON_CSV);
  add("huge", HUGE);
  return out;
}

export const HOSTILE_CORPUS: readonly HostilePayload[] = build();

/** The payload for the n-th attacker-controlled value (cycles through the corpus). */
export function hostileValue(n: number): HostilePayload {
  return HOSTILE_CORPUS[((n % HOSTILE_CORPUS.length) + HOSTILE_CORPUS.length) % HOSTILE_CORPUS.length]!;
}
