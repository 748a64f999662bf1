/**
 * Glutton (catch-all TCP on the host network; T-Pot's customiser) `glutton/log/glutton.log`:
 * zap JSON, time as epoch seconds in `ts`, ports as strings. A new connection names the peer and
 * the real host port; protocol handlers add lines with the peer but no port; start-up lines name
 * no peer. Glutton would catch 3389 and 7001 too, but this tree gives those to Honeytrap (the
 * planted counts), so Glutton's scans never touch them.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, epochSeconds } from "./clock.ts";
import type { Emit, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { RDP_PORT, WEBLOGIC_PORT } from "./planted.ts";
import { PotGenerator } from "./pot.ts";

const HANDLERS: ReadonlyArray<readonly [port: number, handler: string]> = [
  [5555, "adb"], [2323, "telnet"], [8443, "http"], [9090, "http"], [1883, "mqtt"], [4840, "tcp"], [6443, "tcp"], [8888, "http"], [11211, "tcp"], [5984, "tcp"], [25565, "tcp"],
];
const ms = (us: number): number => Math.floor(us / 1000) * 1000;

export const gluttonFormat: FormatModule = {
  name: "glutton",
  dir: "glutton/log",
  streams: [stream("glutton.log")],
  countsAsAttack: true,
  fields: {},
  create: (ctx) => new GluttonGenerator(ctx),
};

class GluttonGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "glutton", { visitsPerWeek: 20 });
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    emit({ writeUs: atUs, line: `{"level":"info","ts":${epochSeconds(atUs)},"caller":"glutton.go:70","msg":"Loading configurations"}`, fact: null });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    let [port, handler] = rng.pick(HANDLERS);
    if (rng.chance(0.3)) {
      port = rng.int(1024, 65535);
      handler = "tcp";
    }
    if (port === RDP_PORT || port === WEBLOGIC_PORT) port += 1;
    const srcPort = this.ports.take(source.ip);
    // zap writes ts with microseconds; the parser reads it as epoch seconds (ms kept).
    this.out(t0, `{"level":"info","ts":${epochSeconds(t0)},"caller":"glutton/tcp.go:50","msg":"new connection","src_ip":"${source.ip}","src_port":"${srcPort}","dest_port":"${port}","handler":"${handler}"}`, this.fact(ms(t0), source, "connection", { port }));
    let t = t0;
    if (handler !== "tcp" && rng.chance(0.5)) {
      t += rng.int(50_000, 3 * US_PER_SECOND);
      this.out(t, `{"level":"info","ts":${epochSeconds(t)},"caller":"protocols/${handler}.go:80","msg":"${handler} request","src_ip":"${source.ip}","src_port":"${srcPort}","handler":"${handler}","payload_hex":"${Buffer.from(`${handler} probe ${rng.hex(4)}`).toString("hex")}"}`, this.fact(ms(t), source, "handler"));
    }
    this.observe({ tsUs: t0, endUs: t + rng.int(50_000, US_PER_SECOND), src: source, srcPort, destPort: port, transport: "TCP", app: handler === "http" ? "http" : "other" });
  }
}
