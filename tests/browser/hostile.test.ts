/**
 * The hostile sample site in a real browser. Sample logs whose every attacker-controlled field
 * holds the hostile corpus (scripts/hostile/corpus.ts) go through the whole pipeline: aggregate,
 * draft, build. Then Chromium opens every page and the test proves that no dialog opens and no
 * injected script runs, that the DOM holds only elements and attributes the templates make,
 * that template syntax shows literally, that tables keep their columns, and that long values are
 * shortened on the page while the week's data keeps them whole. The terminal output of the
 * aggregation shows control characters escaped. Without a browser: fails under CI, skips otherwise.
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { spawnSync } from "node:child_process";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Browser } from "playwright-core";
import { generateSample } from "../../scripts/sample/generate.ts";
import { serveStatic, type StaticServer } from "./server.ts";

const BIN = new URL("../../bin/honeyweek.js", import.meta.url).pathname;
const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];
const executablePath = CANDIDATES.find((p): p is string => Boolean(p) && existsSync(p!));
const WEEK = "2019-W26";

/** A page that shows every table at length 300, and every chart: the most attacker text a page can hold. */
const TABLES_PAGE = `---
title: "every table"
week: "${WEEK}"
date: "2019-06-30"
lang: "ja"
permalink: "/hostile-tables/"
eleventyExcludeFromCollections: true
---
{% chart "hourly", week %}

{% chart "countries", week %}

{% chart "ports", week %}

{% chart "port-day", week %}

{% chart "country-port", week %}

{% chart "world", week %}

{% table "credentials", week, 300 %}

{% table "usernames", week, 300 %}

{% table "passwords", week, 300 %}

{% table "commands", week, 300 %}

{% table "downloads", week, 300 %}

{% table "signatures", week, 300 %}

{% table "cves", week, 300 %}

{% table "ports", week, 300 %}

{% table "countries", week, 300 %}
`;

interface Inspection {
  bad: string[];
  tables: { head: number; rows: number[] }[];
  longest: number;
  text: string;
  html: number;
}

/**
 * What the page holds, computed in the page. A string, not a function: the TypeScript loader
 * would wrap a function's inner helpers in its own calls, which do not exist in the browser.
 */
const INSPECT = `(() => {
  const bad = [];
  const allowedScript = (s) =>
    (s.type === "application/json" && s.classList.contains("chart-spec")) || /\\/assets\\/[\\w./-]+\\.js$/.test(s.getAttribute("src") || "");
  for (const el of Array.from(document.querySelectorAll("*"))) {
    const tag = el.tagName.toLowerCase();
    // Vega's own empty <form class="vega-bindings"> (for chart parameters) is made by the page's script.
    if (tag === "form" && !(el.classList.contains("vega-bindings") && el.children.length === 0)) bad.push("element <form>");
    if (["iframe", "object", "embed", "input", "textarea", "button", "base", "math", "foreignobject", "video", "audio", "marquee", "img"].includes(tag)) bad.push("element <" + tag + ">");
    if (tag === "script" && !allowedScript(el)) bad.push("script " + (el.src || (el.textContent || "").slice(0, 60)));
    if (tag === "meta" && el.getAttribute("http-equiv")) bad.push("meta http-equiv");
    if (tag === "style" && el.closest("main, article, table, svg")) bad.push("style in content");
    for (const a of Array.from(el.attributes)) {
      if (/^on/i.test(a.name)) bad.push(tag + "[" + a.name + "]");
      if (/^\\s*(javascript|vbscript|data):/i.test(a.value) && /^(href|src|xlink:href|action|formaction)$/i.test(a.name)) bad.push(tag + "[" + a.name + "=" + a.value.slice(0, 40) + "]");
    }
    if (tag === "a" && el.closest("main")) {
      const href = el.href;
      if (href && !href.startsWith(location.origin) && !/^https:\\/\\/nvd\\.nist\\.gov\\/vuln\\/detail\\/CVE-\\d{4}-\\d+$/.test(href) && !/^https:\\/\\/(db-ip\\.com|www\\.maxmind\\.com|creativecommons\\.org|www\\.routeviews\\.org|routeviews\\.org)/.test(href)) bad.push("live link " + href.slice(0, 80));
    }
  }
  const tables = Array.from(document.querySelectorAll("table")).map((t) => {
    const headRow = t.querySelector("thead tr");
    return { head: headRow ? headRow.children.length : 0, rows: Array.from(t.querySelectorAll("tbody tr")).map((r) => r.children.length) };
  });
  const longest = Math.max(0, ...Array.from(document.querySelectorAll("td, th, li, p, figcaption, code")).map((e) => (e.textContent || "").length));
  return { bad, tables, longest, text: document.body.innerText, html: document.documentElement.outerHTML.length };
})()`;

interface Ctx {
  dir?: string;
  server?: StaticServer;
  browser?: Browser;
  aggregateStderr?: string;
}

const Hostile = suite<Ctx>("hostile sample site");

if (!executablePath) {
  if (process.env.CI) Hostile("a browser is available", () => assert.unreachable("no Chromium found; CI must run the browser tests"));
  else console.log("hostile browser tests skipped: no Chromium found (set CHROMIUM_PATH)");
} else {
  Hostile.before(async (ctx) => {
    const { chromium } = await import("playwright-core");
    ctx.dir = mkdtempSync(join(tmpdir(), "hw-hostile-"));
    const logs = join(ctx.dir, "logs");
    await generateSample({ outDir: logs, scale: 0.05, weeks: [WEEK], hostile: true });
    mkdirSync(join(ctx.dir, "data"), { recursive: true });
    writeFileSync(
      join(ctx.dir, "data", "site.json"),
      JSON.stringify({ title: "hostile", watchedPorts: [{ port: 3389, name: "RDP" }, { port: 7001, name: "WebLogic" }], watchedCves: [{ id: "CVE-2019-2725", keywords: ["WebLogic"] }], sourceMasking: "full" }),
    );
    const agg = spawnSync(process.execPath, [BIN, "aggregate", "--logs", logs, "--week", WEEK], { cwd: ctx.dir, encoding: "utf8" });
    assert.ok(agg.status === 0 || agg.status === 3, agg.stderr);
    ctx.aggregateStderr = agg.stderr;
    const draft = spawnSync(process.execPath, [BIN, "draft", "--week", WEEK], { cwd: ctx.dir, encoding: "utf8" });
    assert.is(draft.status, 0, draft.stderr);
    writeFileSync(join(ctx.dir, "reports", "hostile-tables.md"), TABLES_PAGE);
    const build = spawnSync(process.execPath, [BIN, "build"], { cwd: ctx.dir, encoding: "utf8" });
    assert.is(build.status, 0, build.stderr);
    ctx.server = await serveStatic(join(ctx.dir, "_site"));
    ctx.browser = await chromium.launch({ executablePath, args: ARGS });
  });

  Hostile.after(async (ctx) => {
    await ctx.browser?.close();
    await ctx.server?.close();
    if (ctx.dir) rmSync(ctx.dir, { recursive: true, force: true });
  });

  Hostile("the drafted post's Markdown holds no attacker string", (ctx) => {
    const md = readFileSync(join(ctx.dir!, "reports", `${WEEK}.md`), "utf8");
    for (const needle of ["<script", "onerror", "javascript:", "{{ 7*7 }}", "\u001b", "\u202e"]) assert.not.ok(md.includes(needle), needle);
  });

  Hostile("the terminal output shows control characters escaped", (ctx) => {
    assert.not.ok(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/.test(ctx.aggregateStderr!), JSON.stringify(ctx.aggregateStderr!.slice(0, 500)));
  });

  for (const path of ["/", `/${WEEK}/`, "/hostile-tables/", "/archive/", "/about/", "/404.html"]) {
    Hostile(`${path}: no dialog, no injected element or attribute, no live attacker link`, async (ctx) => {
      const page = await ctx.browser!.newPage();
      const dialogs: string[] = [];
      page.on("dialog", async (d) => {
        dialogs.push(d.message());
        await d.dismiss();
      });
      const response = await page.goto(ctx.server!.url + path.slice(1), { waitUntil: "networkidle" });
      assert.is(response?.status(), 200, path);
      await page.waitForTimeout(300);
      assert.equal(dialogs, [], "a dialog opened");
      const report = (await page.evaluate(INSPECT)) as Inspection;
      assert.equal(report.bad, [], report.bad.slice(0, 10).join("\n"));
      for (const t of report.tables) for (const n of t.rows) assert.is(n, t.head, "a table row lost or gained a column");
      assert.ok(report.longest < 5000, `a text of ${report.longest} characters was not shortened`);
      assert.ok(report.html < 8_000_000, `page is ${report.html} bytes`);
      if (path === "/hostile-tables/") {
        assert.ok(report.tables.length >= 9);
        // Template syntax appears literally, never evaluated.
        assert.ok(report.text.includes("{{ 7*7 }}") || report.text.includes("{{7*7}}"), "template payload not shown literally");
        assert.ok(report.text.includes("[click](javascript:alert(1))"), "Markdown link payload not shown literally");
        assert.ok(report.text.includes("<script>alert(1)</script>") || report.text.includes("<script>alert('XSS')</script>"), "markup payload not shown as text");
        assert.ok(report.text.includes("hxxp://") || report.text.includes("hxxps://"), "URLs are defanged");
      }
      await page.close();
    });
  }

  Hostile("the inspection itself catches injected markup (a control page)", async (ctx) => {
    const page = await ctx.browser!.newPage();
    await page.goto(ctx.server!.url, { waitUntil: "load" });
    await page.evaluate(() => {
      document.querySelector("main")!.insertAdjacentHTML(
        "beforeend",
        '<img src="x" onerror="1"><a href="javascript:void 0">x</a><a href="https://evil.invalid/">y</a><table><thead><tr><th>a</th><th>b</th></tr></thead><tbody><tr><td>1</td></tr></tbody></table>',
      );
    });
    const r = (await page.evaluate(INSPECT)) as Inspection;
    assert.ok(r.bad.includes("element <img>"), r.bad.join());
    assert.ok(r.bad.includes("img[onerror]"));
    assert.ok(r.bad.some((b) => b.startsWith("a[href=javascript:")));
    assert.ok(r.bad.some((b) => b.startsWith("live link https://evil.invalid")));
    assert.ok(r.tables.some((t) => t.rows.some((n) => n !== t.head)));
    await page.close();
  });

  Hostile("long values are whole in the week's data", (ctx) => {
    const s = JSON.parse(readFileSync(join(ctx.dir!, "data", "weeks", `${WEEK}.json`), "utf8"));
    const keys = [...s.credentials.usernames.items, ...s.cowrie.commands.items].map((i: { key: string }) => i.key);
    const longest = Math.max(...keys.map((k: string) => k.length));
    assert.ok(longest >= 100_000, `longest stored value is ${longest} characters`);
  });
}

Hostile.run();
