/**
 * The formats the generator writes, in generation order: every honeypot and sensor format the
 * pipeline's parsers know (scripts/parse/registry.ts). A format is one module with a
 * `FormatModule` export and one entry here. p0f and fatt read what the honeypots saw during the
 * hour; Suricata comes last and drains it. Rdpy and RDPHoneypot are written only where they own
 * port 3389 (see GenerateOptions.rdp).
 */
import { adbhoneyFormat } from "./adbhoney.ts";
import { beelzebubFormat } from "./beelzebub.ts";
import { ciscoasaFormat } from "./ciscoasa.ts";
import { citrixhoneypotFormat } from "./citrixhoneypot.ts";
import { conpotFormat } from "./conpot.ts";
import { cowrieFormat } from "./cowrie.ts";
import { ddospotFormat } from "./ddospot.ts";
import { dicompotFormat } from "./dicompot.ts";
import { dionaeaFormat } from "./dionaea.ts";
import { elasticpotFormat } from "./elasticpot.ts";
import { endlesshFormat } from "./endlessh.ts";
import { fattFormat } from "./fatt.ts";
import type { FormatModule } from "./format.ts";
import { galahFormat } from "./galah.ts";
import { gluttonFormat } from "./glutton.ts";
import { goPotFormat } from "./go-pot.ts";
import { h0neytr4pFormat } from "./h0neytr4p.ts";
import { hellpotFormat } from "./hellpot.ts";
import { heraldingFormat } from "./heralding.ts";
import { honeyamlFormat } from "./honeyaml.ts";
import { honeypotsFormat } from "./honeypots.ts";
import { honeytrapFormat } from "./honeytrap.ts";
import { ipphoneyFormat } from "./ipphoney.ts";
import { log4potFormat } from "./log4pot.ts";
import { mailoneyFormat } from "./mailoney.ts";
import { medpotFormat } from "./medpot.ts";
import { miniprintFormat } from "./miniprint.ts";
import { p0fFormat } from "./p0f.ts";
import { rdphoneypotFormat } from "./rdphoneypot.ts";
import { rdpyFormat } from "./rdpy.ts";
import { redishoneypotFormat } from "./redishoneypot.ts";
import { sentrypeerFormat } from "./sentrypeer.ts";
import { suricataFormat } from "./suricata.ts";
import { tannerFormat } from "./tanner.ts";
import { wordpotFormat } from "./wordpot.ts";

export const FORMATS: readonly FormatModule[] = [
  cowrieFormat,
  dionaeaFormat,
  honeytrapFormat,
  heraldingFormat,
  ciscoasaFormat,
  conpotFormat,
  adbhoneyFormat,
  citrixhoneypotFormat,
  elasticpotFormat,
  mailoneyFormat,
  tannerFormat,
  redishoneypotFormat,
  sentrypeerFormat,
  ddospotFormat,
  dicompotFormat,
  medpotFormat,
  ipphoneyFormat,
  log4potFormat,
  h0neytr4pFormat,
  wordpotFormat,
  honeyamlFormat,
  miniprintFormat,
  beelzebubFormat,
  galahFormat,
  goPotFormat,
  gluttonFormat,
  endlesshFormat,
  hellpotFormat,
  honeypotsFormat,
  rdpyFormat,
  rdphoneypotFormat,
  p0fFormat,
  fattFormat,
  suricataFormat,
];
