/**
 * Ddospot (`ddospot/log/{chargenpot,dnspot,ntpot,ssdpot,genericpot}.log`), TPOT-LOGS.md §1.4
 * Ddospot: JSON lines mixed with plain text (`New attack started for quartet (…)`, #1690), which
 * is "not-an-event". One JSON line per UDP packet → connect, as T-Pot counts them.
 * No port in the record: the port comes from the file name (chargen 19, DNS 53, NTP 123,
 * SSDP 1900, §2.3); genericpot listens on no fixed port, so it gets none.
 * `time` is `str(datetime.now())`: container local (= UTC), no zone, no fraction when µs = 0.
 */
import { basename } from "node:path";
import type { HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { ipAddress, port, put } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

interface Pot {
  prefix: string;
  port?: number;
  protocol: string;
}

const POTS: readonly Pot[] = [
  { prefix: "chargenpot", port: 19, protocol: "chargen" },
  { prefix: "dnspot", port: 53, protocol: "dns" },
  { prefix: "ntpot", port: 123, protocol: "ntp" },
  { prefix: "ssdpot", port: 1900, protocol: "ssdp" },
  { prefix: "genericpot", protocol: "udp" },
];

/** The pot a (possibly rotated) file belongs to. */
export function potOfFile(file: string): Pot | undefined {
  const name = basename(file);
  return POTS.find((pot) => name.startsWith(pot.prefix));
}

export const ddospot = defineMixedJsonParser(
  {
    name: "ddospot",
    label: "Ddospot",
    countsAsAttack: true,
    dir: "ddospot",
    files: /^(?:chargenpot|dnspot|ntpot|ssdpot|genericpot)\.log$/,
  },
  (rec, ctx) => {
    const srcIp = ipAddress(rec.src_ip);
    if (srcIp === undefined) return "not-an-event";
    const ts = parseTimestamp(rec.time ?? rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const event: HoneypotEvent = newEvent("ddospot", ts, "connect");
    event.srcIp = srcIp;
    put(event, "srcPort", port(rec.src_port));
    const pot = potOfFile(ctx.file);
    put(event, "dstPort", pot?.port);
    event.protocol = pot?.protocol ?? "udp";
    return event;
  },
  { fields: ["src_ip", "time", "timestamp", "src_port"] },
);
