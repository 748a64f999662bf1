/**
 * Bad input at the command line: one clear line naming the problem, a non-zero exit, nothing
 * half-written, and never a post overwritten. Runs the real `honeyweek` binary.
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawnSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, readdirSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const BIN = new URL("../../bin/honeyweek.js", import.meta.url).pathname;

function run(args: string[], cwd: string) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd, encoding: "utf8", env: { ...process.env, CI: "true" } });
  return { code: r.status, out: r.stdout, err: r.stderr.trim() };
}

function blog(): string {
  const dir = mkdtempSync(join(tmpdir(), "hw-cli-"));
  mkdirSync(join(dir, "data"));
  writeFileSync(join(dir, "data", "site.json"), JSON.stringify({ timeZone: "UTC", language: "en" }));
  return dir;
}

function cowrieTree(): string {
  const root = mkdtempSync(join(tmpdir(), "hw-logs-"));
  mkdirSync(join(root, "cowrie", "log"), { recursive: true });
  const line = (ts: string, extra: object) => JSON.stringify({ eventid: "cowrie.session.connect", src_ip: "1.80.1.2", src_port: 4, dst_port: 22, session: "a1", timestamp: ts, ...extra });
  writeFileSync(join(root, "cowrie", "log", "cowrie.json"), [line("2019-06-25T10:00:00Z", {}), "\u0000\u0001junk", line("2019-06-26T10:00:00Z", {})].join("\n") + "\n");
  return root;
}

test("a missing log folder: one line, exit 1, no summary", () => {
  const dir = blog();
  const r = run(["aggregate", "--logs", "/nonexistent/tpot", "--week", "2019-W26"], dir);
  assert.is(r.code, 1);
  assert.is(r.err, "honeyweek: log folder /nonexistent/tpot: does not exist");
  assert.not.ok(existsSync(join(dir, "data", "weeks", "2019-W26.json")));
});

test("an unknown or malformed week id: one line, exit 1", () => {
  const dir = blog();
  const logs = cowrieTree();
  let r = run(["aggregate", "--logs", logs, "--week", "2019-W60"], dir);
  assert.is(r.code, 1);
  assert.match(r.err, /^honeyweek: no such week: 2019-W60 \(2019 has 52 ISO weeks\)$/);
  r = run(["aggregate", "--logs", logs, "--week", "June"], dir);
  assert.is(r.code, 1);
  assert.match(r.err, /^honeyweek: not a week id: "June" \(expected YYYY-Www, e.g. 2019-W26\)$/);
  r = run(["draft", "--week", "2019-W26"], dir);
  assert.is(r.code, 1);
  assert.match(r.err, /^honeyweek: no summary for week 2019-W26 in .*2019-W26\.json; run: honeyweek aggregate --week 2019-W26$/);
});

test("junk and unreadable files are warnings (exit 3) with the file and line; the week is written", () => {
  const dir = blog();
  const logs = cowrieTree();
  writeFileSync(join(logs, "cowrie", "log", "cowrie.json.1.gz"), "not gzip at all");
  const r = run(["aggregate", "--logs", logs, "--week", "2019-W26"], dir);
  assert.is(r.code, 3, r.err);
  assert.match(r.err, /1 lines skipped: not-json \(first at .*cowrie\/log\/cowrie\.json:2\)/);
  assert.match(r.err, /not-gzip/);
  const s = JSON.parse(readFileSync(join(dir, "data", "weeks", "2019-W26.json"), "utf8"));
  assert.is(s.honeypots.cowrie.events, 2);
  // control characters from the logs never reach the terminal raw
  assert.not.ok(/[\u0000-\u0008\u001b]/.test(r.err));
});

test("an existing post is never overwritten; --out writes elsewhere, --diff compares; re-runs are byte-identical", () => {
  const dir = blog();
  const logs = cowrieTree();
  assert.is(run(["aggregate", "--logs", logs, "--week", "2019-W26", "-q"], dir).code, 3);
  const week = join(dir, "data", "weeks", "2019-W26.json");
  const first = readFileSync(week);
  assert.is(run(["aggregate", "--logs", logs, "--week", "2019-W26", "-q"], dir).code, 3);
  assert.ok(first.equals(readFileSync(week)), "same input, byte-identical summary");
  assert.is(run(["draft", "--week", "2019-W26"], dir).code, 0);
  const post = join(dir, "reports", "2019-W26.md");
  writeFileSync(post, readFileSync(post, "utf8") + "\nMy own words.\n");
  const edited = readFileSync(post, "utf8");
  const r = run(["draft", "--week", "2019-W26"], dir);
  assert.is(r.code, 1);
  assert.match(r.err, /2019-W26\.md exists and is never overwritten/);
  assert.is(readFileSync(post, "utf8"), edited);
  const d = run(["draft", "--week", "2019-W26", "--diff"], dir);
  assert.is(d.code, 0);
  assert.match(d.out, /^-My own words\.$/m);
  assert.is(run(["draft", "--week", "2019-W26", "--out", join(dir, "new.md")], dir).code, 0);
  assert.ok(existsSync(join(dir, "new.md")));
  assert.is(readFileSync(post, "utf8"), edited);
  assert.equal(readdirSync(join(dir, "reports")), ["2019-W26.md"]);
});

test("every subcommand has --help", () => {
  const dir = blog();
  for (const cmd of ["sample", "aggregate", "draft", "week", "build", "serve", "demo"]) {
    const r = run([cmd, "--help"], dir);
    assert.is(r.code, 0, cmd);
    assert.match(r.out, new RegExp(`Usage: honeyweek ${cmd}`));
  }
});

test.run();
