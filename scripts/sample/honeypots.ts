/**
 * qeeqbox honeypots (T-Pot's mini edition) `honeypots/log/<server>.log`: one file per emulated
 * server, Python json.dumps with sorted keys, ports as strings, `timestamp` ISO with
 * microseconds, `action` connection / login (with `status`), and a `process` line per server at
 * start-up (source 0.0.0.0: not an event). Its RDP server is left out: 3389 is Honeytrap's here.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, isoMicros } from "./clock.ts";
import type { Emit, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { PotGenerator } from "./pot.ts";
import { pyString } from "./pyjson.ts";

const SERVERS: ReadonlyArray<readonly [name: string, port: number, logins: boolean, weight: number]> = [
  ["ftp", 21, true, 25], ["mysql", 3306, true, 20], ["postgres", 5432, true, 15], ["mssql", 1433, true, 15], ["vnc", 5900, false, 10], ["ldap", 389, false, 8], ["memcache", 11211, false, 7],
];

export const honeypotsFormat: FormatModule = {
  name: "honeypots",
  dir: "honeypots/log",
  streams: SERVERS.map(([name]) => stream(`${name}.log`)),
  countsAsAttack: true,
  fields: { username: "username", password: "password" },
  create: (ctx) => new HoneypotsGenerator(ctx),
};

class HoneypotsGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "honeypots", { visitsPerWeek: 24 });
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    for (const [name, port] of SERVERS) {
      emit({ writeUs: atUs, file: `${name}.log`, fact: null, line: `{"action": "process", "dest_ip": "0.0.0.0", "dest_port": "${port}", "server": "${name}_server", "src_ip": "0.0.0.0", "src_port": "${port}", "status": "success", "timestamp": "${isoMicros(atUs)}"}` });
    }
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    let r = rng.next() * 100;
    let server = SERVERS[0]!;
    for (const s of SERVERS) if ((r -= s[3]) < 0) {
      server = s;
      break;
    }
    if (this.sweeping) server = SERVERS[0]!;
    const [name, port, logins] = server;
    const file = `${name}.log`;
    const srcPort = this.ports.take(source.ip);
    const head = `"dest_ip": "0.0.0.0", "dest_port": "${port}"`;
    this.out(t0, `{"action": "connection", ${head}, "server": "${name}_server", "src_ip": "${source.ip}", "src_port": "${srcPort}", "timestamp": "${isoMicros(t0)}"}`, this.fact(t0, source, "connection", { port }), undefined, file);
    let t = t0;
    for (let i = 0, n = !logins ? 0 : this.sweeping ? 1 : rng.int(0, 3); i < n; i++) {
      t += rng.int(200_000, 3 * US_PER_SECOND);
      const c = this.ctx.plainValues.serviceCredential(rng, name === "ftp" ? "ftpd" : name === "mssql" ? "mssqld" : "mysqld");
      const username = this.pick("username", c.username, t);
      const password = this.pick("password", c.password, t);
      this.out(t, `{"action": "login", ${head}, "password": ${pyString(password)}, "server": "${name}_server", "src_ip": "${source.ip}", "src_port": "${srcPort}", "status": "failed", "timestamp": "${isoMicros(t)}", "username": ${pyString(username)}}`, this.fact(t, source, "login"), [["username", username], ["password", password]], file);
    }
    this.observe({ tsUs: t0, endUs: t + rng.int(100_000, 2 * US_PER_SECOND), src: source, srcPort, destPort: port, transport: "TCP", app: name === "mssql" ? "mssql" : name === "mysql" ? "mysql" : name === "ftp" ? "ftp" : "other" });
  }
}
