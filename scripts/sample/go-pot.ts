/**
 * Go-pot (HTTP tarpit, host 8080; T-Pot's Tarpit edition) `go-pot/log/go-pot.json`: zap JSON
 * access log, epoch-seconds `ts` beside an RFC 3339 `timestamp`, a `start` and an `end` line per
 * request (the end after the tarpit let go: seconds to minutes), `dest_port` and `host` from the
 * attacker's Host header. Lines without `dest_port` (start-up) are not access lines.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, epochSeconds, honeytrapTimestamp } from "./clock.ts";
import type { Emit, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { SENSOR_PUBLIC_IP } from "./honeytrap.ts";
import { PotGenerator } from "./pot.ts";

const PATHS = ["/", "/.env", "/wp-login.php", "/admin/config.php", "/.aws/credentials", "/server-status"];
const seconds = (us: number): number => Math.floor(us / US_PER_SECOND) * US_PER_SECOND;

export const goPotFormat: FormatModule = {
  name: "go-pot",
  dir: "go-pot/log",
  streams: [stream("go-pot.json")],
  countsAsAttack: true,
  fields: { path: "http-path", user_agent: "user-agent", host: "http-header" },
  create: (ctx) => new GoPotGenerator(ctx),
};

class GoPotGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "go-pot", { visitsPerWeek: 11 });
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    emit({ writeUs: atUs, line: `{"level":"info","ts":${epochSeconds(atUs)},"caller":"cmd/start.go:80","msg":"Starting server"}`, fact: null });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const id = rng.hex(16);
    const path = this.pick("http-path", rng.pick(PATHS), t0);
    const ua = this.pick("user-agent", this.ctx.plainValues.userAgent(rng), t0);
    const host = this.pick("http-header", rng.chance(0.7) ? `${SENSOR_PUBLIC_IP}:8080` : SENSOR_PUBLIC_IP, t0);
    const destPort = host.endsWith(":8080") ? "8080" : "80";
    const line = (t: number, phase: string, duration: string): string =>
      `{"level":"info","ts":${epochSeconds(t)},"caller":"logging/http_access_logger.go:249","msg":"","timestamp":"${honeytrapTimestamp(t)}","id":"${id}","status":"200","src_ip":"${source.ip}","method":"GET","path":${JSON.stringify(path)},"qs":"","dest_port":"${destPort}","host":${JSON.stringify(host)},"user_agent":${JSON.stringify(ua)},"phase":"${phase}","duration":"${duration}"}`;
    this.out(t0, line(t0, "start", ""), this.fact(seconds(t0), source, "start", { port: 8080 }), [["path", path], ["user_agent", ua], ["host", host]]);
    const held = rng.int(5, 300) * US_PER_SECOND;
    const t = t0 + held;
    this.out(t, line(t, "end", `${held / US_PER_SECOND}s`), this.fact(seconds(t), source, "end"), [["path", path], ["user_agent", ua], ["host", host]]);
    this.observe({ tsUs: t0, endUs: t, src: source, srcPort: 0, destPort: 8080, transport: "TCP", app: "http", detail: path, userAgent: ua });
  }
}
