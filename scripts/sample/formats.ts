/**
 * The formats the generator writes, in generation order. A new T-Pot format (heralding,
 * conpot, adbhoney …) is one module with a `FormatModule` export and one entry here.
 * Suricata comes last: it reads what the honeypots reported during the same hour.
 */
import { cowrieFormat } from "./cowrie.ts";
import { dionaeaFormat } from "./dionaea.ts";
import type { FormatModule } from "./format.ts";
import { honeytrapFormat } from "./honeytrap.ts";
import { suricataFormat } from "./suricata.ts";

export const FORMATS: readonly FormatModule[] = [cowrieFormat, dionaeaFormat, honeytrapFormat, suricataFormat];
