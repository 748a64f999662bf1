/**
 * The whole pipeline as a user runs it: `honeyweek demo` on the sample logs (small scale; the
 * planted facts are exact at any scale), then the planted facts are read back from the stored
 * weeks and from the BUILT post pages. The workspace sits in a git-ignored folder on purpose:
 * the demo's own folder is git-ignored, and Eleventy must still build its posts.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { existsSync, readFileSync, rmSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { runDemo, DEMO_DIR } from "../../scripts/cli/commands/demo.ts";

const project = join(new URL("../..", import.meta.url).pathname, "tests", ".output", "demo-run");
const demo = join(project, DEMO_DIR);
let truth: any;

function text(html: string): string {
  return html.replace(/<script[\s\S]*?<\/script>/g, "").replace(/<[^>]+>/g, "").replace(/&nbsp;/g, " ").replace(/\s+/g, " ");
}

test.before(async () => {
  rmSync(project, { recursive: true, force: true });
  mkdirSync(project, { recursive: true });
  const code = await runDemo(project, { serve: false, scale: 0.4 });
  assert.is(code, 0);
  truth = JSON.parse(readFileSync(join(demo, "logs", "ground-truth.json"), "utf8"));
});

test("every sample week's summary matches the planted ground truth", () => {
  for (const w of truth.weeks) {
    const s = JSON.parse(readFileSync(join(demo, "data", "weeks", `${w.id}.json`), "utf8"));
    for (const [hp, v] of Object.entries<any>(w.honeypots)) {
      assert.is(s.honeypots[hp]?.events ?? 0, v.events, `${w.id} ${hp} events`);
      assert.is(s.honeypots[hp]?.connections ?? 0, v.connections, `${w.id} ${hp} connections`);
    }
    assert.is(s.totals.uniqueSources, w.totals.uniqueSources, `${w.id} unique sources`);
    assert.is(s.peak.start, w.busiestHour.start, `${w.id} busiest hour`);
    const port = (n: number) => s.ports.find((p: any) => p.port === n);
    assert.is(port(3389).connections, w.watchedPorts["3389"].connections, `${w.id} 3389`);
    assert.is(port(3389).countries.items[0].key, w.watchedPorts["3389"].countries[0].key, `${w.id} 3389 top country`);
    assert.is(port(7001)?.connections ?? 0, w.watchedPorts["7001"].connections, `${w.id} 7001`);
  }
  const w26 = JSON.parse(readFileSync(join(demo, "data", "weeks", "2019-W26.json"), "utf8"));
  assert.equal(
    w26.health.outages.map((o: any) => [o.honeypot, o.start, o.end]),
    [["honeytrap", "2019-06-24T00:00:00+09:00", "2019-06-25T06:00:00+09:00"]],
  );
  assert.equal(w26.peak.countries.items.slice(0, 2).map((c: any) => c.key), ["NL", "RU"]);
  assert.ok(w26.quality.skipped["cut-off"] >= 1 && w26.quality.skipped["impossible-record"] >= 1, JSON.stringify(w26.quality.skipped));
});

test("the built 2019-W26 post says what the seed post said", () => {
  const page = text(readFileSync(join(demo, "_site", "2019-W26", "index.html"), "utf8"));
  for (const phrase of [
    "ハニーポットメモリー【4】【6/24-6/30】",
    "日本時間で6/29の9時くらい",
    "オランダとロシア",
    "334件",
    "420件くらい",
    "平均以下",
    "インドネシア",
    "今週の最多アクセスは中国",
    "たったの8件",
    "Honeytrap)が止まっていた",
  ]) {
    assert.ok(page.includes(phrase), `missing: ${phrase}`);
  }
  assert.match(page, /およそ[\d.]+万件/);
  assert.ok(!/\{%|%\}|\{\{/.test(page), "no template syntax left in the page");
  assert.is((readFileSync(join(demo, "_site", "2019-W26", "index.html"), "utf8").match(/<figure class="chart/g) ?? []).length >= 5, true);
});

test("the demo keeps to .demo/: no sample weeks or posts in the user's blog", () => {
  assert.not.ok(existsSync(join(project, "data")));
  assert.not.ok(existsSync(join(project, "reports")));
  assert.ok(existsSync(join(demo, "_site", "index.html")));
});

test.run();
