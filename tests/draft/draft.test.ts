/**
 * The acceptance test: the seed post's week (2019-W26, ハニーポットメモリー【3】) drafted from
 * summaries built to mirror it, rendered through the shortcodes, says what the real post said.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { draftPost } from "../../scripts/draft/index.ts";
import { readFrontMatter, focusFromFrontMatter } from "../../scripts/draft/frontMatter.ts";
import { PROSE_SHORTCODE_NAMES } from "../../scripts/draft/shortcodes.ts";
import { proseShortcodes } from "../../scripts/render/prose.ts";
import { exploitMatch, exploitReport, history, makeSummary, seedMirror, seedSite } from "../fixtures/history/factory.ts";
import { contextOf, renderPost, renderShortcodes, textOf } from "./render.ts";

const { w24, w25, w26 } = seedMirror();
const site = seedSite();
const allWeeks = history(w24, w25, w26);
const ctx = contextOf(site, allWeeks);

function draft(lang: "ja" | "en", overrides: Partial<Parameters<typeof draftPost>[0]> = {}) {
  return draftPost({ summary: w26, history: history(w24, w25), site, lang, seriesNumber: 3, ...overrides });
}

/** Asserts the pieces appear in this order in the text. */
function inOrder(text: string, pieces: string[], what: string) {
  let at = 0;
  for (const piece of pieces) {
    const found = text.indexOf(piece, at);
    assert.ok(found >= 0, `${what}: expected ${JSON.stringify(piece)} after position ${at} in:\n${text}`);
    at = found + piece.length;
  }
}

test("ja: the drafted seed week says what the seed post said", () => {
  const text = textOf(renderPost(draft("ja"), ctx));
  // Overview: およそ11万件, 10万件以上 Cowrie, 6/29 9時 with NL and RU.
  inOrder(text, ["およそ11万件", "10万件以上", "Cowrie宛"], "overview");
  inOrder(text, ["日本時間で6/29の9時くらい", "オランダとロシア"], "peak");
  // RDP: about 420, 334, below average; Indonesia → China.
  inOrder(text, ["RDP(3389番ポート)の観測結果", "420件くらい", "334件", "平均以下ですね"], "rdp");
  inOrder(text, ["最多アクセスはインドネシアだった", "今週の最多アクセスは中国"], "rdp countries");
  // 7001: 8 events, honeypot down early in the week.
  inOrder(text, ["7001番ポート)の観測結果", "今週初めは", "止まっていた", "6/24の0時から30時間", "7001番ポートへの接続はたったの8件"], "weblogic");
  // CVE placeholder, closing, footnote naming the GeoIP database and build.
  assert.match(text, "PoCが出ているか");
  assert.match(text, "終わりに");
  assert.match(text, "DB-IP Lite(2019-06-01版)");
});

test("en: the same week in English", () => {
  const text = textOf(renderPost(draft("en"), ctx));
  inOrder(text, ["about 110,000 events", "over 100,000", "Cowrie"], "overview");
  inOrder(text, ["around 9:00 on Jun 29 (Japan time)", "the Netherlands and Russia"], "peak");
  inOrder(text, ["RDP (port 3389)", "about 420 connections a week", "port 3389 had 334", "below average"], "rdp");
  inOrder(text, ["was Indonesia", "this week it is China"], "rdp countries");
  inOrder(text, ["Oracle WebLogic (port 7001)", "down early in the week", "30 hours from 0:00 on Jun 24", "port 7001 had only 8 connections"], "weblogic");
  assert.match(text, "In closing");
  assert.match(text, "DB-IP Lite (built 2019-06-01)");
});

test("front matter: title, week, last local day, lang, tags, summary, focus; every string quoted", () => {
  const ja = readFrontMatter(draft("ja"));
  assert.equal(ja, {
    title: "ハニーポットメモリー【3】【6/24-6/30】",
    week: "2019-W26",
    date: "2019-06-30",
    lang: "ja",
    tags: ["weekly", "port-3389", "port-7001", "cve-2019-2725"],
    summary: "6/24-6/30のハニーポットの観測結果と,RDP(3389番ポート),Oracle WebLogic(7001番ポート),CVE-2019-2725の様子.",
    watchedPorts: [3389, 7001],
    watchedCves: ["CVE-2019-2725"],
  });
  const en = readFrontMatter(draft("en"));
  assert.is(en.title, "ハニーポットメモリー #3 (Jun 24–30)");
  assert.is(en.lang, "en");
  for (const line of draft("ja").split("\n---\n")[0]!.split("\n").slice(1)) {
    assert.match(line, /^\w+: ("|\[)/, `value not quoted: ${line}`);
  }
  assert.not.match(String(ja.summary), /\d+件/, "no counts in the feed summary (they would go stale)");
});

test("the lead asks one question per watched port, the WebLogic one with its CVE (as the seed did)", () => {
  const post = draft("ja");
  assert.match(post, "以下の2点について");
  assert.match(post, "- RDP(3389番ポート)への通信は増えているのか?どれくらい増えているのか?");
  assert.match(post, "- Oracle WebLogic(7001番ポート)への攻撃は増えているのか?CVE-2019-2725のPoCは出ているのか?");
});

test("numbers are shortcodes: the Markdown source states none of this week's counts", () => {
  for (const lang of ["ja", "en"] as const) {
    const body = draft(lang).replace(/\{%.*?%\}/g, "");
    for (const n of ["334", "420", "11万", "110,000", "10万", "100,000", "109,876", "104,512"]) {
      assert.not.match(body, n, `${lang}: ${n} written into the source`);
    }
    assert.not.match(body, /\b8件|only 8\b/);
  }
});

test("attacker-chosen strings never enter the Markdown source", () => {
  for (const lang of ["ja", "en"] as const) {
    const post = draft(lang);
    for (const s of ["system", "Passw0rd!", "curl", "<script>", "{% raw", "SSH-2.0-Go", "bbbbbbbb", "203.0.113.9"]) {
      assert.not.match(post, s, `${lang}: ${s}`);
    }
  }
  // … and reach the page only escaped, inside an HTML block.
  const html = renderPost(draft("ja"), ctx);
  assert.not.match(html, "<script>");
  assert.match(html, "&lt;script&gt;");
  assert.not.match(html, /<a [^>]*203\.0\.113\.9/, "never a live link");
});

test("every shortcode call is on one line, names a registered shortcode, and reads the front-matter week", () => {
  const post = draft("ja") + draft("en");
  const calls = post.match(/\{%[^\n]*?%\}/g) ?? [];
  assert.ok(calls.length > 30);
  assert.is((post.match(/\{%/g) ?? []).length, calls.length, "a call spans lines");
  for (const call of calls) {
    const [, name, args] = /^\{% (\w+) (.*) %\}$/.exec(call) ?? [];
    assert.ok(name, call);
    if (name === "chart" || name === "table") assert.match(args!, /^"[a-z-]+", week(, \d+)?$/, call);
    else {
      assert.ok(Object.hasOwn(proseShortcodes, name!), `unregistered: ${call}`);
      assert.match(args!, /^week\b/, call);
    }
  }
  for (const name of PROSE_SHORTCODE_NAMES) assert.ok(Object.hasOwn(proseShortcodes, name), name);
});

test("no blank line inside an HTML block: shortcode output is one line", () => {
  const rendered = renderShortcodes(draft("ja"), ctx);
  for (const line of rendered.split("\n").filter((l) => l.startsWith("<ul") || l.startsWith("<figure"))) {
    assert.match(line, /<\/(ul|figure)>$/);
  }
});

test("japanese punctuation setting: 、 and 。 instead of the author's , and .", () => {
  const post = draftPost({ summary: w26, history: history(w24, w25), site: seedSite({ punctuation: "japanese" }), lang: "ja", seriesNumber: 3 });
  assert.match(post, "今週のハニーポットメモリーは、今週の観測結果に加えて、");
  assert.match(post, "平均以下ですね。");
  assert.match(post, "？");
  const body = post.replace(/\{%.*?%\}/g, "").replace(/^---[\s\S]*?---/, "");
  assert.not.match(body, /[ぁ-んァ-ン一-龥][,.?(]/, "ASCII punctuation after Japanese text");
});

test("ascii punctuation setting (the default, the seed author's): no 、。（）？ in our text", () => {
  const body = draft("ja").replace(/\{%.*?%\}/g, "");
  assert.not.match(body, /[、。（）？]/);
});

test("a first week: said plainly, no comparison, no 'new' lists", () => {
  const post = draftPost({ summary: w24, history: new Map(), site, lang: "ja", seriesNumber: 1 });
  const text = textOf(renderPost(post, contextOf(site, history(w24))));
  assert.match(text, "今回が最初の記録なので");
  assert.match(text, "3389番ポートへの接続は431件でした");
  assert.not.match(text, "平均以下");
  assert.not.match(text, "今週初めて見た");
  const en = textOf(renderPost(draftPost({ summary: w24, history: new Map(), site, lang: "en", seriesNumber: 1 }), contextOf(site, history(w24))));
  assert.match(en, "This is the first week on record");
});

test("a gap: the missing week is named and the average uses the week that exists", () => {
  const post = draftPost({ summary: w26, history: history(w24), site, lang: "ja", seriesNumber: 3 });
  const text = textOf(renderPost(post, contextOf(site, history(w24, w26))));
  assert.match(text, "前の2週間のうち6/17-6/23の記録がないので");
  assert.match(text, "前の1週間(6/10-6/16)は,平均して1週間あたり430件くらい"); // 431 → 2 significant figures
  const en = textOf(renderPost(draftPost({ summary: w26, history: history(w24), site, lang: "en", seriesNumber: 3 }), contextOf(site, history(w24, w26))));
  assert.match(en, "Of the previous two weeks, Jun 17–23 has no record");
  assert.match(en, "The previous week (Jun 10–16) averaged about 430");
});

test("what changed: a honeypot's change is listed only at newsworthy counts", () => {
  const week = (id: string, galah: number, heralding: number) => makeSummary(id, { honeypots: { cowrie: 100000, galah, heralding } });
  const post = draftPost({ summary: week("2019-W26", 21, 230), history: history(week("2019-W24", 17, 330), week("2019-W25", 17, 330)), site, lang: "ja", seriesNumber: 3 });
  assert.ok(post.includes('"honeypot:heralding"'), "heralding 330 → 230 is a drop worth a line");
  assert.not.ok(post.includes('"honeypot:galah"'), "galah 17 → 21 is noise");
});

test("focus from a post's front matter: a port added after aggregation gets its section", () => {
  const edited = draft("ja").replace("watchedPorts: [3389, 7001]", "watchedPorts: [3389, 445]");
  const focus = focusFromFrontMatter(edited);
  assert.equal(focus, { ports: [3389, 445], cves: ["CVE-2019-2725"] });
  const post = draftPost({ summary: w26, history: history(w24, w25), site, lang: "ja", seriesNumber: 3, focus });
  assert.match(post, "## SMB(445番ポート)の観測結果");
  assert.not.match(post, "7001番ポート)の観測結果");
  assert.match(post, "## CVE-2019-2725(WebLogic)の状況", "an unpaired CVE keeps its own section");
  const text = textOf(renderPost(post, ctx));
  assert.match(text, "平均して1週間あたり1,800件くらい");
  assert.match(text, "は1,750件なので,平均とほぼ同じですね");
});

test("exploit data: the seed post's search (none by CVE id nor by product name) replaces the placeholder", () => {
  const report = exploitReport("2019-06-30", [{ id: "CVE-2019-2725", keywords: ["WebLogic"] }]);
  const enriched = { ...w26, exploits: report };
  const weeks = history(w24, w25, enriched);
  const text = textOf(renderPost(draftPost({ summary: enriched, history: weeks, site, lang: "ja", seriesNumber: 3 }), contextOf(site, weeks)));
  assert.match(text, "週末(6/30)の時点までの登録を検索してみました.CVE番号では0件,製品名(WebLogic)では0件です.");
  assert.match(text, "どちらで検索しても,今回の脆弱性に該当するPoCは見つかりませんでした.");
  assert.match(text, "週末の時点ではまだ載っていません");
  assert.not.match(text, "この下書きにはまだ入っていません");
  const en = textOf(renderPost(draftPost({ summary: enriched, history: weeks, site, lang: "en", seriesNumber: 3 }), contextOf(site, weeks)));
  assert.match(en, "0 entries by CVE id, 0 by product name (WebLogic). No public PoC for this vulnerability yet, it seems.");
});

test("exploit data: a match, a KEV listing, a stale file; and an unconfigured source keeps the placeholder", () => {
  const report = exploitReport(
    "2019-06-30",
    [{ id: "CVE-2019-2725", keywords: ["WebLogic"], exploitDb: [exploitMatch(46780, "Oracle WebLogic - RCE", "2019-05-01")], exploitDbEarliest: "2019-05-01", kev: { dateAdded: "2021-11-03", vendorProject: "Oracle", product: "WebLogic", name: "x", ransomware: "unknown" } }],
    { exploitDb: { status: "ok", path: "f.csv", generation: "current", hasCodesColumn: true, entries: 1, newestDateAdded: "2019-06-01", modified: "2019-06-01T00:00:00Z", coversAsOf: false } },
  );
  const enriched = { ...w26, exploits: report };
  const weeks = history(w24, w25, enriched);
  const text = textOf(renderPost(draftPost({ summary: enriched, history: weeks, site, lang: "ja", seriesNumber: 3 }), contextOf(site, weeks)));
  assert.match(text, "CVE番号では1件");
  assert.match(text, "一番早いものは2019/5/1に登録されています");
  assert.match(text, "見逃しがあるかもしれません");
  assert.match(text, "2021/11/3から載っています");
  assert.not.match(draftPost({ summary: enriched, history: weeks, site, lang: "ja", seriesNumber: 3 }), "Oracle WebLogic - RCE", "Exploit-DB titles stay out of the source");
  const unconfigured = { ...w26, exploits: exploitReport("2019-06-30", [{ id: "CVE-2019-2725" }], { exploitDb: { status: "not-configured", path: null, message: "", searched: [] } }) };
  const post = draftPost({ summary: unconfigured, history: weeks, site, lang: "ja", seriesNumber: 3 });
  assert.match(post, "Exploit-DBのデータ(files_exploits.csv)が見つからなかったので,PoCが出ているか");
});

test("a quiet week without events or focus still drafts every part", () => {
  const empty = makeSummary("2019-W26", { honeypots: {} });
  const post = draftPost({ summary: empty, history: new Map(), site: seedSite({ watchedPorts: [], watchedCves: [] }), lang: "ja", seriesNumber: 1 });
  const text = textOf(renderPost(post, contextOf(site, history(empty))));
  assert.match(text, "6/24-6/30の観測結果をまとめます");
  assert.match(text, "イベントが記録されていませんでした");
  assert.match(text, "終わりに");
});

test("the draft is deterministic", () => {
  assert.is(draft("ja"), draft("ja"));
});

test.run();
