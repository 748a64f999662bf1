/**
 * HellPot (HTTP tarpit, host 80 → 8080; T-Pot's Tarpit edition) `hellpot/log/hellpot.log`:
 * zerolog JSON, `time` RFC 3339 (seconds), a `NEW` line when a client arrives (REMOTE_ADDR, URL,
 * USERAGENT) and a `FINISH` line when it leaves, with the bytes fed and the duration.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, honeytrapTimestamp } from "./clock.ts";
import type { Emit, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { PotGenerator } from "./pot.ts";

const URLS = ["/wp-login.php", "/robots.txt", "/.git/HEAD", "/wp-content/", "/admin/"];
const seconds = (us: number): number => Math.floor(us / US_PER_SECOND) * US_PER_SECOND;

export const hellpotFormat: FormatModule = {
  name: "hellpot",
  dir: "hellpot/log",
  streams: [stream("hellpot.log")],
  countsAsAttack: true,
  fields: { URL: "http-path", USERAGENT: "user-agent" },
  create: (ctx) => new HellpotGenerator(ctx),
};

class HellpotGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "hellpot", { visitsPerWeek: 11 });
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    emit({ writeUs: atUs, line: `{"level":"info","time":"${honeytrapTimestamp(atUs)}","message":"Listening and serving HTTP..."}`, fact: null });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const addr = `${source.ip}:${this.ports.take(source.ip)}`;
    const url = this.pick("http-path", rng.pick(URLS), t0);
    const ua = this.pick("user-agent", this.ctx.plainValues.userAgent(rng), t0);
    this.out(t0, `{"level":"info","REMOTE_ADDR":"${addr}","URL":${JSON.stringify(url)},"USERAGENT":${JSON.stringify(ua)},"time":"${honeytrapTimestamp(t0)}","message":"NEW"}`, this.fact(seconds(t0), source, "NEW", { port: 80 }), [["URL", url], ["USERAGENT", ua]]);
    const held = rng.int(2, 600) * US_PER_SECOND + rng.int(0, 999_999);
    const t = t0 + held;
    this.out(t, `{"level":"info","REMOTE_ADDR":"${addr}","URL":${JSON.stringify(url)},"BYTES":${rng.int(4096, 90_000_000)},"DURATION":${(held / US_PER_SECOND).toFixed(3)},"time":"${honeytrapTimestamp(t)}","message":"FINISH"}`, this.fact(seconds(t), source, "FINISH"), [["URL", url]]);
    this.observe({ tsUs: t0, endUs: t, src: source, srcPort: Number(addr.split(":")[1]), destPort: 80, transport: "TCP", app: "http", detail: url, userAgent: ua });
  }
}
