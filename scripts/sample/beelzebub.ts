/**
 * Beelzebub (LLM honeypot, SSH 22 and HTTP 80; T-Pot's LLM edition) `beelzebub/log/beelzebub.json`
 * in T-Pot's flat format (tpotLogger, Go: `<>&` escaped): `timestamp` RFC3339Nano, ports as
 * strings, a tracer `status`. SSH password attempts are Stateless lines with the credentials and
 * the client banner; a shell session is Start, Interaction (each command and the LLM's output),
 * End; an HTTP request is one Stateless line.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, rfc3339Nano } from "./clock.ts";
import type { AttackerField, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { PotGenerator } from "./pot.ts";
import { goString } from "./pyjson.ts";

const OUTPUTS: Readonly<Record<string, string>> = { "uname -a": "Linux ubuntu 5.15.0-91-generic #101-Ubuntu SMP x86_64 GNU/Linux", whoami: "root", "cat /etc/passwd": "root:x:0:0:root:/root:/bin/bash" };

export const beelzebubFormat: FormatModule = {
  name: "beelzebub",
  dir: "beelzebub/log",
  streams: [stream("beelzebub.json")],
  countsAsAttack: true,
  fields: { username: "username", password: "password", client: "ssh-version", input: "command", request_uri: "http-path", userAgent: "user-agent", body: "http-body" },
  create: (ctx) => new BeelzebubGenerator(ctx),
};

class BeelzebubGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "beelzebub", { visitsPerWeek: 18 });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const roll = rng.next();
    let t = t0;
    const g = goString;
    const base = (t: number, message: string, msg: string, protocol: string, session: string, port: number, destPort: string, status: string): string =>
      `{"timestamp":"${rfc3339Nano(t)}","level":"info","message":${g(message)},"msg":${g(msg)},"protocol":"${protocol}","session":"${session}","src_ip":"${source.ip}","src_port":"${port}","dest_port":"${destPort}","status":"${status}"`;
    if (this.sweeping || roll < 0.6) {
      // Password attempts, each its own connection.
      for (let i = 0, n = this.sweeping ? 1 : rng.int(1, 4); i < n; i++) {
        const c = this.ctx.plainValues.sshCredential(rng);
        const username = this.pick("username", c.username, t);
        const password = this.pick("password", c.password, t);
        const client = this.pick("ssh-version", this.ctx.plainValues.sshClient(rng).version, t);
        const port = this.ports.take(source.ip);
        this.out(t, `${base(t, "New SSH attempt", "New SSH Login Attempt", "SSH", `attempt-${rng.hex(8)}`, port, "22", "Stateless")},"username":${g(username)},"password":${g(password)},"client":${g(client)}}`, this.fact(t, source, "ssh-attempt"), [["username", username], ["password", password], ["client", client]]);
        t += rng.int(500_000, 4 * US_PER_SECOND);
      }
    }
    if (this.sweeping || (roll >= 0.6 && roll < 0.8)) {
      const session = rng.hex(16);
      const port = this.ports.take(source.ip);
      this.out(t, `${base(t, "New SSH Terminal Session", "New SSH Terminal Session", "SSH", session, port, "22", "Start")},"client_version":${g(this.ctx.plainValues.sshClient(rng).version)}}`, this.fact(t, source, "ssh-session", { port: 22 }));
      for (const ordinary of this.sweeping ? ["uname -a"] : Object.keys(OUTPUTS).slice(0, rng.int(1, 3))) {
        t += rng.int(1 * US_PER_SECOND, 6 * US_PER_SECOND);
        const input = this.pick("command", ordinary, t);
        this.out(t, `${base(t, "New SSH Terminal Session", "New SSH Terminal Session", "SSH", session, port, "22", "Interaction")},"input":${g(input)},"output":${g(OUTPUTS[ordinary] ?? "")}}`, this.fact(t, source, "ssh-command"), [["input", input]]);
      }
      t += rng.int(1 * US_PER_SECOND, 5 * US_PER_SECOND);
      this.out(t, `${base(t, "End SSH Session", "End SSH Session", "SSH", session, port, "22", "End")},"session_duration":"${((t - t0) / US_PER_SECOND).toFixed(2)}s"}`, this.fact(t, source, "ssh-end"));
      this.observe({ tsUs: t0, endUs: t, src: source, srcPort: port, destPort: 22, transport: "TCP", app: "ssh" });
    }
    if (this.sweeping || roll >= 0.8) {
      t += rng.int(1 * US_PER_SECOND, 3 * US_PER_SECOND);
      const port = this.ports.take(source.ip);
      const uri = this.pick("http-path", rng.pick(["/", "/index.php", "/.git/config", "/admin"]), t);
      const ua = this.pick("user-agent", this.ctx.plainValues.userAgent(rng), t);
      const body = this.pick("http-body", "", t);
      const fields: AttackerField[] = [["request_uri", uri], ["userAgent", ua]];
      if (body !== "") fields.push(["body", body]);
      this.out(t, `${base(t, "HTTP New request", "HTTP New request", "HTTP", rng.hex(16), port, "80", "Stateless")},"request_uri":${g(uri)},"request_method":"${body === "" ? "GET" : "POST"}","userAgent":${g(ua)},"body":${g(body)}}`, this.fact(t, source, "http", { port: 80 }), fields);
      this.observe({ tsUs: t, endUs: t + rng.int(50_000, US_PER_SECOND), src: source, srcPort: port, destPort: 80, transport: "TCP", app: "http", detail: uri, userAgent: ua });
    }
  }
}
