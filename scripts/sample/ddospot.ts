/**
 * Ddospot (UDP amplification pots, T-Pot's Tarpit edition) `ddospot/log/<pot>.log`: one Python
 * JSON line per packet (as T-Pot counts them), `time` = `str(datetime.now())` (a space, no zone,
 * no fraction when the microseconds are 0), mixed with plain text such as
 * `New attack started for quartet ('1.2.3.4', 'example.com', 'ANY', 'IN')` (#1690).
 * No port in the records: the file says it (chargen 19, DNS 53, NTP 123, SSDP 1900); genericpot
 * listens on none, so its packets are connections without a port. Sources are the spoofed victims.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, pyStrDatetime } from "./clock.ts";
import type { FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { PotGenerator } from "./pot.ts";
import { pyRepr, pyString } from "./pyjson.ts";

interface Pot {
  file: string;
  port?: number;
  weight: number;
}
const POTS: readonly Pot[] = [
  { file: "dnspot.log", port: 53, weight: 45 },
  { file: "ntpot.log", port: 123, weight: 20 },
  { file: "chargenpot.log", port: 19, weight: 15 },
  { file: "ssdpot.log", port: 1900, weight: 15 },
  { file: "genericpot.log", weight: 5 },
];
const DNS_NAMES = ["isc.org", "ripe.net", "peacecorps.gov", "cpsc.gov", "sl", "aa.10781.com", "example.com"];
const DNS_TYPES = ["ANY", "ANY", "ANY", "A", "TXT", "RRSIG"];
const SSDP = 'M-SEARCH * HTTP/1.1\r\nHOST: 239.255.255.250:1900\r\nMAN: "ssdp:discover"\r\nMX: 1\r\nST: ssdp:all\r\n\r\n';

export const ddospotFormat: FormatModule = {
  name: "ddospot",
  dir: "ddospot/log",
  streams: POTS.map((p) => stream(p.file)),
  countsAsAttack: true,
  fields: { dns_name: "dns-name" },
  create: (ctx) => new DdospotGenerator(ctx),
};

class DdospotGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "ddospot", { visitsPerWeek: 12 });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    let pot = POTS[0]!;
    for (let r = rng.next() * 100, i = 0; i < POTS.length; i++) {
      if ((r -= POTS[i]!.weight) < 0) {
        pot = POTS[i]!;
        break;
      }
    }
    if (this.sweeping) pot = POTS[0]!;
    // The victim's port, spoofed: fixed for the whole attack.
    const sport = rng.chance(0.5) ? rng.pick([80, 443, 3074, 27015]) : rng.int(1024, 65535);
    const packets = this.sweeping ? 1 : rng.int(3, 14);
    const dnsType = rng.pick(DNS_TYPES);
    const name = rng.pick(DNS_NAMES);
    let t = t0;
    for (let i = 0; i < packets; i++) {
      const at = `"time": "${pyStrDatetime(t)}"`;
      const fact = this.fact(t, source, pot.file.replace(".log", ""), pot.port === undefined ? { connect: true } : { port: pot.port });
      if (pot.file === "dnspot.log") {
        const dnsName = this.pick("dns-name", name, t);
        if (i === 0) this.out(t, `New attack started for quartet (${pyRepr(source.ip)}, ${pyRepr(dnsName)}, ${pyRepr(dnsType)}, 'IN')`, null, undefined, pot.file);
        this.out(t, `{"src_ip": "${source.ip}", "src_port": ${sport}, "opcode": 0, "dns_name": ${pyString(dnsName)}, "dns_type": "${dnsType}", "dns_cls": "IN", ${at}}`, fact, [["dns_name", dnsName]], pot.file);
      } else if (pot.file === "ntpot.log") {
        this.out(t, `{"src_ip": "${source.ip}", "src_port": ${sport}, "mode": 7, "req_code": 42, "req_size": 8, "resp_size": 440, ${at}}`, fact, undefined, pot.file);
      } else if (pot.file === "chargenpot.log") {
        this.out(t, `{"src_ip": "${source.ip}", "src_port": ${sport}, "req_size": 1, "resp_size": ${rng.int(74, 1024)}, "req_pkt": "00", ${at}}`, fact, undefined, pot.file);
      } else if (pot.file === "ssdpot.log") {
        this.out(t, `{"src_ip": "${source.ip}", "src_port": ${sport}, "req": ${pyString(SSDP)}, "req_size": ${SSDP.length}, "resp_size": 310, ${at}}`, fact, undefined, pot.file);
      } else {
        this.out(t, `{"src_ip": "${source.ip}", "src_port": ${sport}, "req_size": ${rng.int(1, 64)}, ${at}}`, fact, undefined, pot.file);
      }
      t += rng.int(20_000, 2 * US_PER_SECOND);
    }
  }
}
