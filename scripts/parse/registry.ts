/**
 * The one table of log formats. Discovery tags each file with the parser whose `dir` and `files`
 * match its path; everything downstream knows a honeypot only by the `name` here.
 * Honeypots first (T-Pot's "honeypot attacks"), then the sensors (countsAsAttack false).
 */
import type { HoneypotParser } from "../model/event.ts";
import { adbhoney } from "./adbhoney.ts";
import { beelzebub } from "./beelzebub.ts";
import { ciscoasa } from "./ciscoasa.ts";
import { citrixhoneypot } from "./citrixhoneypot.ts";
import { conpot } from "./conpot.ts";
import { cowrie } from "./cowrie.ts";
import { ddospot } from "./ddospot.ts";
import { dicompot } from "./dicompot.ts";
import { dionaea } from "./dionaea.ts";
import { elasticpot } from "./elasticpot.ts";
import { endlessh } from "./endlessh.ts";
import { fatt } from "./fatt.ts";
import { galah } from "./galah.ts";
import { glutton } from "./glutton.ts";
import { goPot } from "./go-pot.ts";
import { h0neytr4p } from "./h0neytr4p.ts";
import { hellpot } from "./hellpot.ts";
import { heralding } from "./heralding.ts";
import { honeyaml } from "./honeyaml.ts";
import { honeypots } from "./honeypots.ts";
import { honeytrap } from "./honeytrap.ts";
import { ipphoney } from "./ipphoney.ts";
import { log4pot } from "./log4pot.ts";
import { mailoney } from "./mailoney.ts";
import { medpot } from "./medpot.ts";
import { miniprint } from "./miniprint.ts";
import { p0f } from "./p0f.ts";
import { rdphoneypot } from "./rdphoneypot.ts";
import { rdpy } from "./rdpy.ts";
import { redishoneypot } from "./redishoneypot.ts";
import { sentrypeer } from "./sentrypeer.ts";
import { suricata } from "./suricata.ts";
import { tanner } from "./tanner.ts";
import { wordpot } from "./wordpot.ts";

export const PARSERS: readonly HoneypotParser[] = [
  cowrie,
  dionaea,
  honeytrap,
  heralding,
  ciscoasa,
  conpot,
  adbhoney,
  citrixhoneypot,
  elasticpot,
  mailoney,
  tanner,
  redishoneypot,
  sentrypeer,
  ddospot,
  dicompot,
  medpot,
  ipphoney,
  log4pot,
  h0neytr4p,
  wordpot,
  honeyaml,
  miniprint,
  beelzebub,
  galah,
  goPot,
  glutton,
  endlessh,
  hellpot,
  honeypots,
  rdpy,
  rdphoneypot,
  suricata,
  p0f,
  fatt,
];

const BY_NAME: ReadonlyMap<string, HoneypotParser> = new Map(PARSERS.map((p) => [p.name, p]));

export function parserByName(name: string): HoneypotParser | undefined {
  return BY_NAME.get(name);
}
