/**
 * Ipphoney (bontchev, IPP 631) `ipphoney/log/ipphoney.json`: compact Python JSON, one line per
 * HTTP request: `ipphoney.connect` for a plain request, `ipphoney.<operation>` for an IPP call,
 * with the parsed query. Its own daily file `ipphoney.json.YYYY-MM-DD` (HoneypotDailyLogFile).
 * `timestamp`: `isoformat() + "Z"`; the v2 image T-Pot pins writes an aware isoformat plus `Z`,
 * `…+00:00Z` (#1866): here the image is updated at the restart in the middle of the span, so
 * the files hold both forms.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, pyIsoformat } from "./clock.ts";
import type { FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { PotGenerator } from "./pot.ts";
import { hash32 } from "./prng.ts";
import { pyString } from "./pyjson.ts";

const DST_IP = "172.31.0.2";
const QUERY =
  '{"version":"2.1","request_id":"00000001","operation":"Get-Printer-Attributes","groups":[{"group_type":"Operation-Attributes-Tag","attributes":[{"attribute_type":"charset","attribute_name":"attributes-charset","attribute_value":["utf-8"]},{"attribute_type":"language","attribute_name":"attributes-natural-language","attribute_value":["en-us"]},{"attribute_type":"uri","attribute_name":"printer-uri","attribute_value":["ipp://198.51.100.2:631/ipp"]},{"attribute_type":"keyword","attribute_name":"requested-attributes","attribute_value":["all"]}]}]}';

export const ipphoneyFormat: FormatModule = {
  name: "ipphoney",
  dir: "ipphoney/log",
  streams: [stream("ipphoney.json", "daily-utc")],
  countsAsAttack: true,
  fields: { url: "http-path", user_agent: "user-agent" },
  create: (ctx) => new IpphoneyGenerator(ctx),
};

class IpphoneyGenerator extends PotGenerator {
  private readonly updateRestart: number;

  constructor(ctx: GeneratorContext) {
    super(ctx, "ipphoney", { visitsPerWeek: 30 });
    this.updateRestart = Math.floor(ctx.world.restarts.length / 2);
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const instance = this.ctx.availability.lastRestartIndexAtOrBefore(t0);
    const stamp = `${pyIsoformat(t0)}${instance >= this.updateRestart ? "+00:00Z" : "Z"}`;
    const sensor = hash32(`ipphoney-${instance}`, this.ctx.seed).toString(16).padStart(8, "0") + hash32(`ipp${instance}`, this.ctx.seed).toString(16).slice(0, 4);
    const srcPort = this.ports.take(source.ip);
    const ipp = this.sweeping || rng.chance(0.7);
    const url = this.pick("http-path", ipp ? "/ipp" : rng.pick(["/", "/printers/", "/favicon.ico"]), t0);
    const ua = this.pick("user-agent", ipp ? "Mozilla/5.0 zgrab/0.x" : this.ctx.plainValues.userAgent(rng), t0);
    const line = ipp
      ? `{"eventid":"ipphoney.get-printer-attributes","operation":"Get-Printer-Attributes","timestamp":"${stamp}","url":${pyString(url)},"src_ip":"${source.ip}","src_port":${srcPort},"dst_port":631,"sensor":"${sensor}","request":"POST","query":${QUERY},"user_agent":${pyString(ua)},"dst_ip":"${DST_IP}"}`
      : `{"eventid":"ipphoney.connect","timestamp":"${stamp}","url":${pyString(url)},"src_ip":"${source.ip}","src_port":${srcPort},"dst_port":631,"sensor":"${sensor}","request":"GET","user_agent":${pyString(ua)},"dst_ip":"${DST_IP}"}`;
    this.out(t0, line, this.fact(t0, source, ipp ? "ipphoney.get-printer-attributes" : "ipphoney.connect", { port: 631 }), [["url", url], ["user_agent", ua]]);
    this.observe({ tsUs: t0, endUs: t0 + rng.int(50_000, US_PER_SECOND), src: source, srcPort, destPort: 631, transport: "TCP", app: "http", detail: url, userAgent: ua });
  }
}
