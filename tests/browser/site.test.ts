/**
 * The built site in a real browser (Chromium through playwright-core): every page loads without a
 * console error or a failed request, every internal link resolves, charts are there without
 * scripts and are enhanced with them, and screenshots at desktop and phone widths are written to
 * tests/.output/screenshots/ for a human to look at.
 *
 * Served under a path prefix, as a GitHub project page is. Without a browser the suite fails
 * when CI is set and is skipped (saying so) otherwise.
 */
import { existsSync, mkdirSync, rmSync } from "node:fs";
import { join } from "node:path";
import { suite } from "uvu";
import * as assert from "uvu/assert";
import type { Browser, Page } from "playwright-core";
import { buildSite } from "../../scripts/render/build.ts";
import { fixtureWorkspace } from "../site/helpers.ts";
import { serveStatic, type StaticServer } from "./server.ts";

const PREFIX = "/honeypot-blog/";
const SCREENSHOTS = new URL("../.output/screenshots/", import.meta.url).pathname;
const CANDIDATES = [process.env.CHROMIUM_PATH, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"];
const ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"];

const executablePath = CANDIDATES.find((p): p is string => Boolean(p) && existsSync(p!));

interface Context {
  dir?: string;
  server?: StaticServer;
  browser?: Browser;
  /** Pages found by following links from the home page (paths under the prefix). */
  pages?: string[];
}

const InBrowser = suite<Context>("site in a browser");

if (!executablePath) {
  if (process.env.CI) {
    InBrowser("a browser is available", () => {
      assert.unreachable(`no Chromium found (tried ${CANDIDATES.filter(Boolean).join(", ")}); CI must be able to run the browser tests`);
    });
  } else {
    console.log(`browser tests skipped: no Chromium found (tried ${CANDIDATES.filter(Boolean).join(", ")}; set CHROMIUM_PATH)`);
  }
} else {
  InBrowser.before(async (context) => {
    const { chromium } = await import("playwright-core");
    context.dir = fixtureWorkspace();
    await buildSite({ dir: context.dir, pathPrefix: PREFIX, quiet: true });
    context.server = await serveStatic(join(context.dir, "_site"), PREFIX);
    context.browser = await chromium.launch({ executablePath, args: ARGS });
  });

  InBrowser.after(async (context) => {
    await context.browser?.close();
    await context.server?.close();
    if (context.dir) rmSync(context.dir, { recursive: true, force: true });
  });

  /** Opens a path and records what went wrong while it loaded. */
  async function open(context: Context, path: string, options: { width?: number; dark?: boolean; scripts?: boolean } = {}) {
    const browserContext = await context.browser!.newContext({
      viewport: { width: options.width ?? 1280, height: 900 },
      colorScheme: options.dark ? "dark" : "light",
      javaScriptEnabled: options.scripts ?? true,
      deviceScaleFactor: 1,
    });
    const page = await browserContext.newPage();
    const problems: string[] = [];
    page.on("console", (m) => {
      if (m.type() === "error") problems.push(`console: ${m.text()}`);
    });
    page.on("pageerror", (err) => problems.push(`page error: ${err.message}`));
    page.on("requestfailed", (r) => problems.push(`failed: ${r.url()} ${r.failure()?.errorText ?? ""}`));
    // Self-hosted: nothing may come from another origin (no CDN, no fonts, no analytics).
    const origin = new URL(context.server!.url).origin;
    page.on("request", (r) => {
      if (!r.url().startsWith(origin) && !r.url().startsWith("data:")) problems.push(`external request: ${r.url()}`);
    });
    page.on("response", (r) => {
      if (r.status() >= 400 && !r.url().endsWith("/404.html")) problems.push(`HTTP ${r.status()}: ${r.url()}`);
    });
    const response = await page.goto(new URL(path.replace(/^\//, ""), context.server!.url).href, { waitUntil: "load" });
    return { page, problems, status: response?.status() ?? 0, close: () => browserContext.close() };
  }

  /** Waits until every chart with a spec is enhanced or kept static. */
  async function chartsSettled(page: Page): Promise<void> {
    await page.waitForFunction(
      () => {
        const figures = [...document.querySelectorAll("figure.chart")].filter((f) => f.querySelector("script.chart-spec"));
        return figures.every((f) => f.classList.contains("chart-enhanced") || f.classList.contains("chart-static"));
      },
      undefined,
      { timeout: 15_000 },
    );
  }

  InBrowser("every page reachable from the home page loads cleanly, and every internal link resolves", async (context) => {
    const seen = new Set<string>(["/"]);
    const queue = ["/"];
    const targets: { from: string; href: string }[] = [];
    while (queue.length) {
      const path = queue.shift()!;
      const { page, problems, status, close } = await open(context, path);
      assert.is(status, 200, `${path}: HTTP ${status}`);
      await chartsSettled(page);
      assert.equal(problems, [], `${path}: ${problems.join("; ")}`);
      const hrefs = await page.$$eval("a[href]", (links) => links.map((a) => (a as HTMLAnchorElement).href));
      for (const href of hrefs) {
        const url = new URL(href);
        if (url.origin !== new URL(context.server!.url).origin) continue;
        assert.ok(url.pathname.startsWith(PREFIX), `${path} links outside the path prefix: ${href}`);
        targets.push({ from: path, href });
        const local = "/" + url.pathname.slice(PREFIX.length);
        if (!local.endsWith(".xml") && !seen.has(local)) {
          seen.add(local);
          queue.push(local);
        }
      }
      await close();
    }
    context.pages = [...seen];
    assert.ok(seen.has("/2019-W26/") && seen.has("/2019-W25/") && seen.has("/archive/") && seen.has("/about/"), [...seen].join(" "));
    assert.not.ok(seen.has("/2019-W24/"), "the draft is not linked");

    // Each distinct target: the file exists, and a #fragment names an element on that page.
    const checked = new Set<string>();
    for (const { from, href } of targets) {
      if (checked.has(href)) continue;
      checked.add(href);
      const url = new URL(href);
      const response = await fetch(url.origin + url.pathname);
      assert.is(response.status, 200, `${from} → ${href}: HTTP ${response.status}`);
      if (url.hash) {
        const html = await response.text();
        const id = decodeURIComponent(url.hash.slice(1));
        assert.ok(html.includes(`id="${id}"`), `${from} → ${href}: no element with id "${id}"`);
      }
    }
  });

  InBrowser("charts: static SVG without scripts, interactive Vega views with them, tooltips", async (context) => {
    const noScript = await open(context, "/2019-W26/", { scripts: false });
    const staticCharts = await noScript.page.$$eval("figure.chart", (figures) =>
      figures.map((f) => ({ svg: Boolean(f.querySelector(".chart-view > svg[role]")), caption: f.querySelector("figcaption")?.textContent ?? "" })),
    );
    await noScript.close();
    assert.is(staticCharts.length, 9);
    for (const c of staticCharts) assert.ok(c.svg, `static SVG for "${c.caption}"`);

    const live = await open(context, "/2019-W26/");
    await chartsSettled(live.page);
    const state = await live.page.evaluate(() => ({
      figures: document.querySelectorAll("figure.chart").length,
      enhanced: document.querySelectorAll("figure.chart-enhanced").length,
      embeds: document.querySelectorAll("figure.chart .vega-embed svg").length,
      staticLeft: document.querySelectorAll("figure.chart-enhanced .chart-view:not(.vega-embed)").length,
      overflowing: [...document.querySelectorAll("figure.chart:not(.chart-port-day):not(.chart-country-port) .chart-view")].filter(
        (v) => v.scrollWidth > v.clientWidth + 2,
      ).length,
    }));
    assert.equal(state, { figures: 9, enhanced: 9, embeds: 9, staticLeft: 0, overflowing: 0 });

    // Hovering a bar of the countries chart shows its tooltip.
    const bar = live.page.locator("figure.chart-countries .vega-embed path[aria-roledescription='bar']").first();
    await bar.hover();
    const tooltip = live.page.locator("#vg-tooltip-element");
    await tooltip.waitFor({ state: "visible", timeout: 5000 });
    assert.match((await tooltip.textContent()) ?? "", /中国/);
    assert.equal(live.problems, []);
    await live.close();
  });

  InBrowser("screenshots at desktop and phone widths, light and dark", async (context) => {
    rmSync(SCREENSHOTS, { recursive: true, force: true });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const shots: [name: string, path: string, options: { width: number; dark?: boolean }][] = [];
    for (const [name, path] of [
      ["home", "/"],
      ["post-ja", "/2019-W26/"],
      ["post-en", "/2019-W25/"],
      ["archive", "/archive/"],
      ["tag", "/tags/port-3389/"],
      ["about", "/about/"],
      ["404", "/no-such-page/"],
    ] as const) {
      shots.push([`${name}-desktop`, path, { width: 1280 }], [`${name}-phone`, path, { width: 390 }]);
    }
    shots.push(["post-ja-desktop-dark", "/2019-W26/", { width: 1280, dark: true }], ["home-phone-dark", "/", { width: 390, dark: true }]);
    for (const [name, path, options] of shots) {
      const { page, problems, close } = await open(context, path, options);
      await chartsSettled(page);
      const horizontalScroll = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      assert.ok(horizontalScroll <= 1, `${name}: the page scrolls sideways by ${horizontalScroll}px`);
      await page.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
      // The 404 page is itself served with status 404, which Chromium reports on the console.
      const expected = (p: string) => path === "/no-such-page/" && /HTTP 404|status of 404/.test(p);
      assert.equal(problems.filter((p) => !expected(p)), [], name);
      await close();
    }
    assert.ok(existsSync(join(SCREENSHOTS, "post-ja-phone.png")));
  });
}

InBrowser.run();
