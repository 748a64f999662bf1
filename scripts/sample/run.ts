/**
 * Command line for the generator, for development and benchmarks:
 *   node --import tsx scripts/sample/run.ts <outDir> [--scale 1] [--seed 20190630] [--weeks 2019-W25,2019-W26] [--hostile] [--rdp rdpy]
 * (The project's CLI, `honeyweek sample`, calls generateSample the same way.)
 */
import { parseArgs } from "node:util";
import { generateSample } from "./generate.ts";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { scale: { type: "string" }, seed: { type: "string" }, weeks: { type: "string" }, hostile: { type: "boolean" }, rdp: { type: "string" }, quiet: { type: "boolean" } },
});
const outDir = positionals[0];
if (!outDir) {
  process.stderr.write("Usage: node --import tsx scripts/sample/run.ts <outDir> [--scale N] [--seed N] [--weeks 2019-W23,2019-W24] [--hostile] [--rdp honeytrap|rdpy|rdphoneypot]\n");
  process.exit(2);
}
const started = performance.now();
const manifest = await generateSample({
  outDir,
  ...(values.scale === undefined ? {} : { scale: Number(values.scale) }),
  ...(values.seed === undefined ? {} : { seed: Number(values.seed) }),
  ...(values.weeks === undefined ? {} : { weeks: values.weeks.split(",") }),
  ...(values.hostile ? { hostile: true } : {}),
  ...(values.rdp === undefined ? {} : { rdp: values.rdp as "honeytrap" | "rdpy" | "rdphoneypot" }),
  ...(values.quiet ? {} : { onProgress: (m: string) => process.stderr.write(`${m}\n`) }),
});
const seconds = ((performance.now() - started) / 1000).toFixed(1);
for (const w of manifest.weeks) {
  process.stdout.write(`${w.id}: ${w.totals.events} events (${Object.entries(w.honeypots).map(([k, v]) => `${k} ${v.events}`).join(", ")}), busiest ${w.busiestHour.start} ${w.busiestHour.events}, 3389=${w.watchedPorts["3389"]?.connections} ${w.watchedPorts["3389"]?.topCountry}, 7001=${w.watchedPorts["7001"]?.connections}, alerts ${w.suricata.alerts}\n`);
}
process.stdout.write(`${manifest.files.length} files, ${manifest.duplicates.records} duplicate records, ${manifest.junk.total} junk lines, ${seconds} s\n`);
