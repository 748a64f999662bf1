/**
 * Galah (LLM web honeypot, 80/443/8443/8080) `galah/log/galah.json`: logrus JSON with literal
 * dotted keys (`request.requestURI` …), sorted, `<>&` escaped, `timestamp` RFC 3339 (seconds),
 * ports as strings. One line per request, answered (successfulResponse) or not (failedResponse).
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, honeytrapTimestamp } from "./clock.ts";
import type { AttackerField, Emit, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { PotGenerator } from "./pot.ts";
import { goString } from "./pyjson.ts";

const PORTS = [80, 80, 443, 8080, 8443];
const URIS = ["/", "/.git/config", "/.env", "/wp-admin/", "/cgi-bin/luci", "/owa/auth/logon.aspx"];
const seconds = (us: number): number => Math.floor(us / US_PER_SECOND) * US_PER_SECOND;

export const galahFormat: FormatModule = {
  name: "galah",
  dir: "galah/log",
  streams: [stream("galah.json")],
  countsAsAttack: true,
  fields: { "request.requestURI": "http-path", "request.userAgent": "user-agent", "request.body": "http-body", "request.headers.Accept-Language": "http-header" },
  create: (ctx) => new GalahGenerator(ctx),
};

class GalahGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "galah", { visitsPerWeek: 16 });
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    emit({ writeUs: atUs, line: `{"level":"info","msg":"starting HTTP server on port 8080","time":"${honeytrapTimestamp(atUs)}"}`, fact: null });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const port = rng.pick(PORTS);
    const session = rng.hex(16);
    const srcPort = this.ports.take(source.ip);
    const uri = this.pick("http-path", rng.pick(URIS), t0);
    const ua = this.pick("user-agent", this.ctx.plainValues.userAgent(rng), t0);
    const body = this.pick("http-body", "", t0);
    const lang = this.pick("http-header", "en-US,en;q=0.9", t0);
    const failed = !this.sweeping && rng.chance(0.1);
    const fields: Array<[string, string]> = [
      ["dest_port", String(port)], ["level", "info"], ["msg", failed ? "failedResponse: generation error" : "successfulResponse"], ["request.body", body],
      ["request.headers.Accept-Language", lang], ["request.headers.User-Agent", ua], ["request.method", body === "" ? "GET" : "POST"], ["request.protocol", "HTTP/1.1"],
      ["request.requestURI", uri], ["request.userAgent", ua], ["response.metadata.generationSource", "llm"], ["response.metadata.model", "gemini-1.5-pro"],
      ["response.metadata.provider", "gemini"], ["sensorName", "t-pot"], ["session", session], ["src_ip", source.ip], ["src_port", String(srcPort)],
      ["timestamp", honeytrapTimestamp(t0)],
    ];
    const attacker: AttackerField[] = [["request.requestURI", uri], ["request.userAgent", ua], ["request.headers.Accept-Language", lang]];
    if (body !== "") attacker.push(["request.body", body]);
    this.out(t0 + rng.int(500_000, 8 * US_PER_SECOND), `{${fields.map(([k, v]) => `${goString(k)}:${goString(v)}`).join(",")}}`, this.fact(seconds(t0), source, failed ? "failedResponse" : "successfulResponse", { port }), attacker);
    this.observe({ tsUs: t0, endUs: t0 + rng.int(500_000, 8 * US_PER_SECOND), src: source, srcPort, destPort: port, transport: "TCP", app: port === 443 || port === 8443 ? "tls" : "http", detail: uri, userAgent: ua });
  }
}
