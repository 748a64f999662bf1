/**
 * The one table of log formats. Discovery tags each file with the parser whose `dir` and `files`
 * match its path; everything downstream knows a honeypot only by the `name` here.
 */
import type { HoneypotParser } from "../model/event.ts";
import { cowrie } from "./cowrie.ts";
import { dionaea } from "./dionaea.ts";
import { honeytrap } from "./honeytrap.ts";
import { suricata } from "./suricata.ts";

export const PARSERS: readonly HoneypotParser[] = [cowrie, dionaea, honeytrap, suricata];

const BY_NAME: ReadonlyMap<string, HoneypotParser> = new Map(PARSERS.map((p) => [p.name, p]));

export function parserByName(name: string): HoneypotParser | undefined {
  return BY_NAME.get(name);
}
