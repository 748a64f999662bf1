/**
 * The `honeyweek` command line. Each subcommand is one module in commands/; this file only parses
 * arguments (commander), turns errors into one clear line, and sets the exit status:
 * 0 success, 1 failure, 3 completed with warnings (some input could not be read; see the report).
 */
import { Command, InvalidArgumentError, Option } from "commander";
import { openWorkspace } from "./workspace.ts";
import { runAggregate } from "./commands/aggregate.ts";
import { runDraft } from "./commands/draft.ts";
import { runSample } from "./commands/sample.ts";
import { runBuild, runServe } from "./commands/site.ts";
import { runWeek } from "./commands/week.ts";
import { runDemo } from "./commands/demo.ts";
import { fail } from "./terminal.ts";
import { EXIT_FAILED } from "./exit.ts";

const WEEK_HELP = "ISO week in the site's time zone (e.g. 2019-W26), or 'last' for the last complete week";

function number(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n <= 0) throw new InvalidArgumentError("expected a positive number");
  return n;
}

function integer(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0) throw new InvalidArgumentError("expected a whole number");
  return n;
}

const langOption = () => new Option("--lang <lang>", "language of the draft").choices(["ja", "en"]);

export function buildProgram(setExit: (code: number) => void): Command {
  const program = new Command("honeyweek")
    .description("Weekly honeypot reports from raw T-Pot and Cowrie logs")
    .option("-C, --dir <folder>", "the blog's folder (data/, reports/, _site/)", process.cwd())
    .showHelpAfterError();
  const ws = () => openWorkspace(program.opts().dir as string);

  program
    .command("demo")
    .description("run the whole pipeline on sample logs in .demo/ and show the site")
    .option("--no-serve", "build only, and print where the site is")
    .option("--scale <x>", "sample size (1 = about 100,000 events a week)", number)
    .option("--port <n>", "preview port", integer)
    .action(async (o) => setExit(await runDemo(program.opts().dir, { serve: o.serve && !process.env.CI, scale: o.scale, port: o.port })));

  program
    .command("sample")
    .description("write deterministic sample T-Pot logs (four weeks of 2019) and a ground-truth manifest")
    .option("--out <folder>", "where to write the T-Pot data tree", "sample-logs")
    .option("--seed <n>", "random seed", integer)
    .option("--scale <x>", "size (1 = about 100,000 honeypot events a week; 10 = a million)", number)
    .option("--hostile", "fill attacker-controlled fields with hostile payloads")
    .action(async (o) => setExit((await runSample(o)).code));

  program
    .command("aggregate")
    .description("aggregate one week of logs into data/weeks/<week>.json")
    .option("--logs <folder>", "T-Pot data folder (/data, ~/tpotce/data), ~/tpotce, or a Cowrie log folder (default: logRoot in data/site.json)")
    .option("--files <files...>", "explicit log files instead of a folder (tagged by their <honeypot>/log/ path or name)")
    .requiredOption("--week <week>", WEEK_HELP)
    .option("-q, --quiet", "no progress and no summary")
    .action(async (o) => setExit(await runAggregate(ws(), o)));

  program
    .command("draft")
    .description("draft reports/<week>.md from the stored week (never overwrites a post)")
    .requiredOption("--week <week>", WEEK_HELP)
    .addOption(langOption())
    .option("--out <file>", "write the draft to this file instead")
    .option("--diff", "if the post exists, print a diff of the new draft against it")
    .action(async (o) => setExit(await runDraft(ws(), o)));

  program
    .command("week")
    .description("the weekly routine: aggregate the last complete week and draft its post")
    .option("--logs <folder>", "log folder (default: logRoot in data/site.json)")
    .option("--week <week>", WEEK_HELP, "last")
    .addOption(langOption())
    .action(async (o) => setExit(await runWeek(ws(), o)));

  program
    .command("build")
    .description("build the site into _site/ with Eleventy")
    .option("--path-prefix <prefix>", "URL prefix for a GitHub Pages project site, e.g. /my-repo/")
    .action(async (o) => setExit(await runBuild(ws(), o)));

  program
    .command("serve")
    .description("preview the site locally with live reload")
    .option("--path-prefix <prefix>", "URL prefix, as on GitHub Pages")
    .option("--port <n>", "port", integer)
    .action(async (o) => setExit(await runServe(ws(), o)));

  return program;
}

/**
 * The message that says what went wrong: Eleventy wraps a shortcode's error in several layers
 * ("Having trouble rendering njk template …"); the innermost names the post and the cause.
 */
function rootMessage(err: unknown): string {
  let e = err as { message?: string; originalError?: unknown; cause?: unknown } | undefined;
  const seen = new Set<unknown>();
  while (e && !seen.has(e)) {
    seen.add(e);
    const inner = (e.originalError ?? e.cause) as typeof e;
    if (!inner || typeof inner.message !== "string") break;
    e = inner;
  }
  return e?.message ?? String(err);
}

export async function main(argv: string[]): Promise<number> {
  let code = 0;
  const program = buildProgram((c) => (code = c));
  program.exitOverride();
  try {
    await program.parseAsync(argv);
  } catch (err) {
    const e = err as { code?: string; exitCode?: number; message?: string };
    if (typeof e.code === "string" && e.code.startsWith("commander.")) {
      // commander already printed the usage error or the help text.
      return e.code === "commander.helpDisplayed" || e.code === "commander.version" || e.code === "commander.help" ? 0 : EXIT_FAILED;
    }
    fail(rootMessage(err));
    if (process.env.HONEYWEEK_DEBUG) console.error(err);
    return EXIT_FAILED;
  }
  return code;
}
