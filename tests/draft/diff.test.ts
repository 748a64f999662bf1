import { test } from "uvu";
import * as assert from "uvu/assert";
import { renderDiff } from "../../scripts/draft/diff.ts";
import { focusFromFrontMatter, frontMatterBlock, readFrontMatter } from "../../scripts/draft/frontMatter.ts";

test("renderDiff: nothing for equal texts", () => {
  assert.is(renderDiff("a\nb\n", "a\nb\n"), "");
});

test("renderDiff: one changed line with context, as diff -u prints it", () => {
  assert.is(renderDiff("a\nb\nc\n", "a\nx\nc\n"), ["--- existing", "+++ draft", "@@ -1,3 +1,3 @@", " a", "-b", "+x", " c", ""].join("\n"));
});

test("renderDiff: distant changes make two hunks; close ones one", () => {
  const lines = (n: number) => Array.from({ length: n }, (_, i) => `line ${i + 1}`);
  const a = lines(20);
  const b = [...a];
  b[1] = "changed 2";
  b[17] = "changed 18";
  const two = renderDiff(a.join("\n") + "\n", b.join("\n") + "\n");
  assert.equal(two.split("\n").filter((l) => l.startsWith("@@")), ["@@ -1,5 +1,5 @@", "@@ -15,6 +15,6 @@"]);
  const c = [...a];
  c[1] = "changed 2";
  c[7] = "changed 8";
  const one = renderDiff(a.join("\n") + "\n", c.join("\n") + "\n");
  assert.equal(one.split("\n").filter((l) => l.startsWith("@@")), ["@@ -1,11 +1,11 @@"]);
});

test("renderDiff: additions to and removals from empty files, and a missing final newline", () => {
  assert.match(renderDiff("", "a\n"), "@@ -0,0 +1 @@\n+a\n");
  assert.match(renderDiff("a\n", ""), "@@ -1 +0,0 @@\n-a\n");
  assert.is(renderDiff("a\nb", "a\nb\n"), ["--- existing", "+++ draft", "@@ -1,2 +1,2 @@", " a", "-b", "\\ No newline at end of file", "+b", ""].join("\n"));
  assert.match(renderDiff("x\r\ny\r\n", "x\ny\nz\n"), "+z");
});

test("renderDiff: labels and context are options; the author's edits show as removals", () => {
  const existing = "## 終わりに\n\n今週は以上です.眠い.\n";
  const draft = "## 終わりに\n\n今週は以上です.\n";
  const out = renderDiff(existing, draft, { fromLabel: "reports/2019-W26.md", toLabel: "new draft", context: 0 });
  assert.is(out, ["--- reports/2019-W26.md", "+++ new draft", "@@ -3 +3 @@", "-今週は以上です.眠い.", "+今週は以上です.", ""].join("\n"));
});

test("front matter: written and read back; tolerant of an author's plain YAML", () => {
  const block = frontMatterBlock({
    title: 'A "quoted": title',
    week: "2019-W26",
    date: "2019-06-30",
    lang: "ja",
    tags: ["weekly"],
    summary: "s",
    watchedPorts: [3389],
    watchedCves: ["CVE-2019-2725"],
  });
  const fm = readFrontMatter(block + "\n\nbody\n");
  assert.is(fm.title, 'A "quoted": title');
  assert.equal(fm.watchedPorts, [3389]);
  const hand = "---\ntitle: My week # a comment\nwatchedPorts:\n  - 22\n  - 7001\nwatchedCves: [CVE-2019-2725, 'CVE-2017-0144']\ndraft: true\n---\ntext";
  assert.equal(readFrontMatter(hand), {
    title: "My week",
    watchedPorts: [22, 7001],
    watchedCves: ["CVE-2019-2725", "CVE-2017-0144"],
    draft: true,
  });
  assert.equal(focusFromFrontMatter(hand), { ports: [22, 7001], cves: ["CVE-2019-2725", "CVE-2017-0144"] });
  assert.equal(focusFromFrontMatter("no front matter"), {});
});

test.run();
