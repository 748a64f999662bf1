/**
 * Honeyaml (API server, host 3000 → 8080) `honeyaml/log/honeyaml.log`: tracing-subscriber JSON
 * (Rust serde: control characters escaped, everything else as is), access-log lines with target
 * `honeyaml::access-log`, `timestamp` RFC 3339 with microseconds, no source port, `dest_port`
 * taken from the Host header (the attacker's word; every request reached host port 3000).
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, isoMicros } from "./clock.ts";
import type { AttackerField, Emit, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { SENSOR_PUBLIC_IP } from "./honeytrap.ts";
import { PotGenerator } from "./pot.ts";

const ROUTES: ReadonlyArray<readonly [method: string, path: string, status: number]> = [
  ["GET", "/", 200], ["GET", "/api/v1/users", 401], ["POST", "/api/v1/login", 401], ["GET", "/.env", 404], ["GET", "/api/v1/config", 401], ["GET", "/swagger.json", 404],
];

export const honeyamlFormat: FormatModule = {
  name: "honeyaml",
  dir: "honeyaml/log",
  streams: [stream("honeyaml.log")],
  countsAsAttack: true,
  fields: { path: "http-path", user_agent: "user-agent", body: "http-body", authorization: "http-header" },
  create: (ctx) => new HoneyamlGenerator(ctx),
};

class HoneyamlGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "honeyaml", { visitsPerWeek: 16 });
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    emit({ writeUs: atUs, line: `{"timestamp":"${isoMicros(atUs)}Z","level":"INFO","target":"honeyaml","fields":{"message":"listening on 0.0.0.0:8080"}}`, fact: null });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    let t = t0;
    for (let i = 0, n = this.sweeping ? 1 : rng.int(1, 3); i < n; i++) {
      const [method, ordinaryPath, status] = this.sweeping ? ROUTES[2]! : rng.pick(ROUTES);
      const path = this.pick("http-path", ordinaryPath, t);
      const ua = this.pick("user-agent", this.ctx.plainValues.userAgent(rng), t);
      const fields: AttackerField[] = [["path", path], ["user_agent", ua]];
      let line = `{"timestamp":"${isoMicros(t)}Z","level":"WARN","target":"honeyaml::access-log","src_ip":"${source.ip}","path":${JSON.stringify(path)},"method":"${method}","query_string":""`;
      if (method === "POST") {
        const body = this.pick("http-body", "username:admin,password:admin", t);
        const auth = this.pick("http-header", "Basic YWRtaW46YWRtaW4=", t);
        fields.push(["body", body], ["authorization", auth]);
        line += `,"body":${JSON.stringify(body)},"authorization":${JSON.stringify(auth)}`;
      }
      line += `,"status_code":${status},"host":"${SENSOR_PUBLIC_IP}","dest_port":"80","user_agent":${JSON.stringify(ua)}}`;
      this.out(t, line, this.fact(t, source, "request", { port: 3000 }), fields);
      this.observe({ tsUs: t, endUs: t + rng.int(10_000, 300_000), src: source, srcPort: 0, destPort: 3000, transport: "TCP", app: "http", detail: path, userAgent: ua });
      t += rng.int(200_000, 3 * US_PER_SECOND);
    }
  }
}
