/**
 * Tanner/Snare (web, 80) `tanner/log/tanner_report.json` as realdata/tpot-2022 shows it: Python
 * json.dumps of Snare's request and Tanner's analysis, `timestamp` `%Y-%m-%dT%H:%M:%S.%f` (UTC,
 * no zone), `uuid` = the Snare instance (a new one after every restart), lower-cased header
 * names, `post_data` on POSTs, the detection (index, unknown, lfi, rfi, sqli, xss, cmd_exec).
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, isoMicros } from "./clock.ts";
import type { AttackerField, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { SENSOR_PUBLIC_IP } from "./honeytrap.ts";
import { PotGenerator, uuid } from "./pot.ts";
import { hash32 } from "./prng.ts";
import { pyString } from "./pyjson.ts";

const REQUESTS: ReadonlyArray<readonly [method: string, path: string, detection: string, order: number, type: number]> = [
  ["GET", "/", "index", 1, 1], ["GET", "/", "index", 1, 1], ["GET", "/.env", "index", 1, 1], ["GET", "/.git/config", "index", 1, 1],
  ["GET", "/wp-login.php", "index", 1, 1], ["POST", "/", "unknown", 0, 1], ["GET", "/phpmyadmin/index.php?lang=en", "index", 1, 1],
  ["GET", "/index.php?page=../../../../etc/passwd", "lfi", 2, 2], ["GET", "/cgi-bin/.%2e/.%2e/.%2e/.%2e/bin/sh", "cmd_exec", 3, 3],
  ["GET", "/?id=1%27%20OR%20%271%27=%271", "sqli", 2, 2], ["GET", "/actuator/health", "index", 1, 1], ["POST", "/Autodiscover/Autodiscover.xml", "unknown", 0, 1],
];
const REFERERS = ["", "", "", "http://198.51.100.2/", "https://www.google.com/"];

/** Snare's uuid for a container instance (stable per instance, like the real one per start). */
function snareUuid(instance: number, seed: number): string {
  const h = [0, 1, 2, 3].map((k) => hash32(`snare-${instance}-${k}`, seed).toString(16).padStart(8, "0")).join("");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-a${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export const tannerFormat: FormatModule = {
  name: "tanner",
  dir: "tanner/log",
  streams: [stream("tanner_report.json")],
  countsAsAttack: true,
  fields: { path: "http-path", "headers.user-agent": "user-agent", "headers.referer": "http-header", "post_data.0x[]": "http-body" },
  create: (ctx) => new TannerGenerator(ctx),
};

class TannerGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "tanner", { visitsPerWeek: 60 });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    // Snare's uuid: one per container instance.
    const instance = this.ctx.availability.lastRestartIndexAtOrBefore(t0) + 1;
    const snare = snareUuid(instance, this.ctx.seed);
    const requests = this.sweeping ? 1 : rng.chance(0.7) ? 1 : rng.int(2, 4);
    const session = uuid(rng);
    const agent = this.ctx.plainValues.userAgent(rng);
    let t = t0;
    for (let i = 0; i < requests; i++) {
      const [method, ordinaryPath, detection, order, type] = this.sweeping ? (["POST", "/", "unknown", 0, 1] as const) : rng.pick(REQUESTS);
      const srcPort = this.ports.take(source.ip);
      const path = this.pick("http-path", ordinaryPath, t);
      const ua = this.pick("user-agent", agent, t);
      const referer = this.pick("http-header", rng.pick(REFERERS), t);
      const fields: AttackerField[] = [["path", path], ["headers.user-agent", ua]];
      let headers = `{"host": "${SENSOR_PUBLIC_IP}${rng.chance(0.3) ? ":80" : ""}", "user-agent": ${pyString(ua)}, "accept": "*/*", "accept-encoding": "gzip"`;
      if (referer !== "") {
        headers += `, "referer": ${pyString(referer)}`;
        fields.push(["headers.referer", referer]);
      }
      headers += "}";
      let post = "";
      if (method === "POST") {
        const body = this.pick("http-body", "androxgh0st", t);
        fields.push(["post_data.0x[]", body]);
        post = `, "post_data": {"0x[]": ${pyString(body)}}`;
      }
      const line =
        `{"method": "${method}", "path": ${pyString(path)}, "headers": ${headers}, "uuid": "${snare}", "peer": {"ip": "${source.ip}", "port": ${srcPort}}, "status": 200${post}, ` +
        `"cookies": {"sess_uuid": null}, "response_msg": {"version": "0.6.0", "response": {"message": {"detection": {"name": "${detection}", "order": ${order}, "type": ${type}, "version": "0.6.0"}, "sess_uuid": "${session}"}}}, "timestamp": "${isoMicros(t)}"}`;
      this.out(t, line, this.fact(t, source, "request", { port: 80 }), fields);
      this.observe({ tsUs: t, endUs: t + rng.int(20_000, 600_000), src: source, srcPort, destPort: 80, transport: "TCP", app: "http", detail: path, userAgent: ua });
      t += rng.int(200_000, 5 * US_PER_SECOND);
    }
  }
}
