/**
 * `kill -9` at random moments of aggregate, draft and build leaves the previous outputs intact:
 * every output is either absent, the previous version, or the complete new one (the same input
 * gives the same bytes, so "complete new" equals the previous one here).
 */
import { test } from "uvu";
import * as assert from "uvu/assert";
import { spawn, spawnSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { recoverSite } from "../../scripts/render/swap.ts";
import { writeFixtureWeeks } from "../fixtures/weeks/write.ts";

const ROOT = new URL("../..", import.meta.url).pathname;
const BIN = join(ROOT, "bin", "honeyweek.js");
const ROUNDS = 6;

function snapshot(dir: string): Map<string, string> {
  const out = new Map<string, string>();
  const walk = (d: string) => {
    for (const name of readdirSync(d)) {
      const p = join(d, name);
      if (statSync(p).isDirectory()) walk(p);
      else out.set(relative(dir, p), readFileSync(p, "latin1"));
    }
  };
  if (existsSync(dir)) walk(dir);
  return out;
}

async function killAtRandom(args: string[], cwd: string, maxMs: number): Promise<void> {
  const child = spawn(process.execPath, [BIN, ...args], { cwd, stdio: "ignore" });
  const exited = new Promise((r) => child.once("exit", r));
  await Promise.race([exited, new Promise((r) => setTimeout(r, 50 + Math.floor(Math.random() * maxMs)))]);
  child.kill("SIGKILL");
  await exited;
}

function run(args: string[], cwd: string): number | null {
  return spawnSync(process.execPath, [BIN, ...args], { cwd, stdio: "ignore" }).status;
}

function workspace(): { dir: string; logs: string } {
  const dir = mkdtempSync(join(tmpdir(), "hw-kill-"));
  mkdirSync(join(dir, "data"));
  writeFileSync(join(dir, "data", "site.json"), JSON.stringify({ timeZone: "UTC", language: "en", watchedPorts: [22] }));
  const logs = join(dir, "logs", "cowrie", "log");
  mkdirSync(logs, { recursive: true });
  const lines: string[] = [];
  for (let i = 0; i < 20000; i++) {
    const ts = new Date(Date.UTC(2019, 5, 24) + i * 29_000).toISOString();
    lines.push(JSON.stringify({ eventid: i % 4 ? "cowrie.login.failed" : "cowrie.session.connect", src_ip: `1.80.${i % 200}.${i % 7}`, src_port: 40000, dst_port: 22, username: "root", password: `p${i % 300}`, session: `s${i >> 2}`, timestamp: ts }));
  }
  writeFileSync(join(logs, "cowrie.json"), lines.join("\n") + "\n");
  return { dir, logs: join(dir, "logs") };
}

test("aggregate killed at random: the week file is absent or whole, and the previous one survives", async () => {
  const { dir, logs } = workspace();
  const week = join(dir, "data", "weeks", "2019-W26.json");
  const args = ["aggregate", "--logs", logs, "--week", "2019-W26", "-q"];
  for (let i = 0; i < 3; i++) {
    await killAtRandom(args, dir, 2500);
    if (existsSync(week)) JSON.parse(readFileSync(week, "utf8"));
  }
  assert.is(run(args, dir), 0);
  const good = readFileSync(week, "utf8");
  for (let i = 0; i < ROUNDS; i++) {
    await killAtRandom(args, dir, 2500);
    assert.is(readFileSync(week, "utf8"), good, `round ${i}`);
  }
  assert.equal(readdirSync(join(dir, "data", "weeks")).filter((n) => n.endsWith(".json")), ["2019-W26.json"]);
});

test("draft killed at random: the post is absent or complete", async () => {
  const { dir, logs } = workspace();
  assert.is(run(["aggregate", "--logs", logs, "--week", "2019-W26", "-q"], dir), 0);
  const post = join(dir, "reports", "2019-W26.md");
  assert.is(run(["draft", "--week", "2019-W26", "--out", join(dir, "reference.md")], dir), 0);
  const whole = readFileSync(join(dir, "reference.md"), "utf8");
  for (let i = 0; i < ROUNDS && !existsSync(post); i++) {
    await killAtRandom(["draft", "--week", "2019-W26"], dir, 1500);
    if (existsSync(post)) assert.is(readFileSync(post, "utf8"), whole);
  }
});

test("build killed at random: the previous site stays whole", async () => {
  const dir = mkdtempSync(join(tmpdir(), "hw-kill-site-"));
  cpSync(join(ROOT, "tests", "fixtures", "site"), dir, { recursive: true });
  writeFixtureWeeks(join(dir, "data", "weeks"), "2019-W26", 3);
  assert.is(run(["build"], dir), 0);
  const site = join(dir, "_site");
  const before = snapshot(site);
  assert.ok(before.size > 5);
  for (let i = 0; i < ROUNDS; i++) {
    await killAtRandom(["build"], dir, 3000);
    await recoverSite(site); // what the next build does first
    const after = snapshot(site);
    assert.equal([...after.keys()].sort(), [...before.keys()].sort(), `round ${i}: files`);
    for (const [k, v] of before) assert.ok(after.get(k) === v, `round ${i}: ${k} changed`);
  }
  assert.equal(readdirSync(dir).filter((n) => n.includes(".tmp-") || n.includes(".old-")), []);
});

test.run();
