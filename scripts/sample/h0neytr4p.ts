/**
 * H0neytr4p (HTTP/S traps, host 443 and 2087 → 443) `h0neytr4p/log/log.json`: a flat Go map of
 * strings (keys sorted, `<>&` escaped), `timestamp` RFC 3339 at second precision, no source
 * port. `dest_port` comes from the attacker's Host header (443 for HTTPS, 80 for plain HTTP,
 * 2087 when the Host header names it). Traps name the CVE they match.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, honeytrapTimestamp } from "./clock.ts";
import type { AttackerField, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { SENSOR_PUBLIC_IP } from "./honeytrap.ts";
import { PotGenerator } from "./pot.ts";
import { goString } from "./pyjson.ts";

const TRAPS: ReadonlyArray<readonly [method: string, uri: string, trap: string, risk: string]> = [
  ["GET", "/", "", ""], ["GET", "/", "", ""], ["GET", "/.env", "", ""], ["GET", "/vpn/../vpns/cfg/smb.conf", "CVE-2019-19781", "9.8"],
  ["POST", "/vpns/portal/scripts/newbm.pl", "CVE-2019-19781", "9.8"], ["GET", "/remote/fgt_lang?lang=/../../../..//////////dev/cmdb/sslvpn_websession", "CVE-2018-13379", "9.8"],
  ["GET", "/dana-na/../dana/html5acc/guacamole/../../../../../../etc/passwd?/dana/html5acc/guacamole/", "CVE-2019-11510", "10.0"], ["GET", "/robots.txt", "", ""],
];
const LANGS = ["en-US,en;q=0.9", "zh-CN,zh;q=0.9", "en"];
const seconds = (us: number): number => Math.floor(us / US_PER_SECOND) * US_PER_SECOND;

export const h0neytr4pFormat: FormatModule = {
  name: "h0neytr4p",
  dir: "h0neytr4p/log",
  streams: [stream("log.json")],
  countsAsAttack: true,
  fields: { request_uri: "http-path", "user-agent": "user-agent", "header_accept-language": "http-header", payload: "http-body" },
  create: (ctx) => new H0neytr4pGenerator(ctx),
};

class H0neytr4pGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "h0neytr4p", { visitsPerWeek: 32 });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const agent = this.ctx.plainValues.userAgent(rng);
    const port = rng.chance(0.12) ? "2087" : rng.chance(0.15) ? "80" : "443";
    const requests = this.sweeping ? 1 : rng.chance(0.7) ? 1 : 2;
    const used = new Set<number>();
    let t = t0;
    for (let i = 0; i < requests; i++) {
      const k = this.sweeping ? 4 : rng.int(0, TRAPS.length - 1);
      if (used.has(k)) continue;
      used.add(k);
      const [method, ordinaryUri, trap, risk] = TRAPS[k]!;
      const uri = this.pick("http-path", ordinaryUri, t);
      const ua = this.pick("user-agent", agent, t);
      const fields: AttackerField[] = [["request_uri", uri], ["user-agent", ua]];
      const m = new Map<string, string>([
        ["dest_port", port], ["hostname", port === "2087" ? `${SENSOR_PUBLIC_IP}:2087` : SENSOR_PUBLIC_IP], ["protocol", port === "80" ? "http" : "https"],
        ["request_method", method], ["request_proto", "HTTP/1.1"], ["request_uri", uri], ["src_ip", source.ip], ["timestamp", honeytrapTimestamp(t)],
        ["trapped", trap === "" ? "false" : "true"], ["user-agent", ua],
      ]);
      if (trap !== "") {
        m.set("trapped_for", trap);
        m.set("trapped_risk_rating", risk);
      }
      if (this.sweeping || rng.chance(0.3)) {
        const lang = this.pick("http-header", rng.pick(LANGS), t);
        m.set("header_accept-language", lang);
        fields.push(["header_accept-language", lang]);
      }
      if (method === "POST") {
        const payload = this.pick("http-body", "url=http://example.com&title=[% template.new('BLOCK' = 'print `id`') %]&desc=x&UI_inuse=a", t);
        m.set("payload", payload);
        fields.push(["payload", payload]);
      }
      const line = `{${[...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([key, v]) => `${goString(key)}:${goString(v)}`).join(",")}}`;
      this.out(t, line, this.fact(seconds(t), source, trap === "" ? "request" : "trapped", { port: port === "2087" ? 2087 : 443 }), fields);
      this.observe({ tsUs: t, endUs: t + rng.int(50_000, US_PER_SECOND), src: source, srcPort: 0, destPort: port === "2087" ? 2087 : 443, transport: "TCP", app: "tls", serverName: SENSOR_PUBLIC_IP });
      t += rng.int(1_100_000, 6 * US_PER_SECOND);
    }
  }
}
