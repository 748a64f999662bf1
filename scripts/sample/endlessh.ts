/**
 * Endlessh (SSH tarpit, host 22 → 2222; T-Pot's Tarpit edition) `endlessh/log/endlessh.log`:
 * text lines `<ISO ms Z> ACCEPT host=::ffff:a.b.c.d port=… fd=… n=k/4096` and, when the bot
 * gives up (seconds to hours later), `CLOSE host=… time=… bytes=…`; option lines at start-up.
 * A client still held when the container stops gets no CLOSE line. No attacker text is logged.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, isoMillisZ } from "./clock.ts";
import type { Emit, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { PotGenerator } from "./pot.ts";

const ms = (us: number): number => Math.floor(us / 1000) * 1000;

export const endlesshFormat: FormatModule = {
  name: "endlessh",
  dir: "endlessh/log",
  streams: [stream("endlessh.log")],
  countsAsAttack: true,
  fields: {},
  create: (ctx) => new EndlesshGenerator(ctx),
};

class EndlesshGenerator extends PotGenerator {
  private fd = 4;

  constructor(ctx: GeneratorContext) {
    super(ctx, "endlessh", { visitsPerWeek: 20 });
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    this.fd = 4;
    ["Port 2222", "Delay 10000", "MaxLineLength 32", "MaxClients 4096", "BindFamily IPv4 Mapped IPv6"].forEach((text, i) => emit({ writeUs: atUs + i * 1000, line: `${isoMillisZ(atUs + i * 1000)} ${text}`, fact: null }));
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const port = this.ports.take(source.ip);
    const fd = this.fd++;
    const host = `::ffff:${source.ip}`;
    this.out(t0, `${isoMillisZ(t0)} ACCEPT host=${host} port=${port} fd=${fd} n=${rng.int(1, 6)}/4096`, this.fact(ms(t0), source, "ACCEPT", { port: 22 }));
    const held = rng.chance(0.7) ? rng.int(10, 120) * US_PER_SECOND + rng.int(0, 999_999) : rng.int(120, 4 * 3600) * US_PER_SECOND + rng.int(0, 999_999);
    const end = t0 + held;
    // The process stops at the next restart: a client held past it is never closed in the log.
    const next = this.ctx.world.restarts.find((r) => r.atUs > t0);
    if (next && end >= next.atUs - 1000) return;
    const secs = (held / US_PER_SECOND).toFixed(3);
    this.out(end, `${isoMillisZ(end)} CLOSE host=${host} port=${port} fd=${fd} time=${secs} bytes=${Math.floor(held / 10 / US_PER_SECOND) * rng.int(20, 32)}`, this.fact(ms(end), source, "CLOSE"));
    this.observe({ tsUs: t0, endUs: end, src: source, srcPort: port, destPort: 22, transport: "TCP", app: "ssh" });
  }
}
