#!/usr/bin/env node
// Entry point: register tsx so the TypeScript sources run as they are (no build step), then run the CLI.
import { register } from "tsx/esm/api";

register();
const { main } = await import("../scripts/cli/main.ts");
const code = await main(process.argv);
// Let a server (serve) keep the process alive; otherwise exit with the command's status.
process.exitCode = code;
