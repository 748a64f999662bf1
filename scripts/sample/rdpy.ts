/**
 * Rdpy (T-Pot 19.03's RDP honeypot on 3389) `rdpy/log/rdpy.log`: the plain-text stdout of
 * `rdpy-rdphoneypot.py`: `[*]` banners at start-up, `ISO,Connection from IP:PORT` per connection,
 * `ISO,domain:D,username:U,password:P,hostname:H` when the client sent credentials (no address
 * on that line). Time: container local (= UTC), `isoformat()`, no zone.
 *
 * Only in a tree whose 3389 belongs to Rdpy (`generateSample({ rdp: "rdpy" })`): the planted
 * 3389 connections are then its connections. In the default 24.x tree Honeytrap owns 3389 and
 * Rdpy (a 19.03 honeypot) is not written.
 * The credential list is comma-separated and unquoted: values with commas or line breaks cannot
 * be written faithfully, so those payloads stay out of it.
 */
import type { Source } from "./addresses.ts";
import { pyIsoformat } from "./clock.ts";
import type { Emit, FormatModule, GeneratorContext, HourWindow } from "./format.ts";
import { stream } from "./format.ts";
import type { HostilePayload } from "../hostile/corpus.ts";
import type { PlantedConnection } from "./planted.ts";
import { PotGenerator } from "./pot.ts";

const plainField = (p: HostilePayload): boolean => !/[,\r\n]/.test(p.text);
const HOSTS = ["DESKTOP-1", "WIN-7K2M1", "HOME-PC", "USER-PC"];
const USERS = ["administrator", "admin", "user", "test", "Administrator"];

export const rdpyFormat: FormatModule = {
  name: "rdpy",
  dir: "rdpy/log",
  streams: [stream("rdpy.log")],
  countsAsAttack: true,
  fields: { username: "username", password: "password", hostname: "client-hostname" },
  active: (owner) => owner === "rdpy",
  create: (ctx) => new RdpyGenerator(ctx),
};

class RdpyGenerator extends PotGenerator {
  private readonly planted: PlantedConnection[];
  private index = 0;

  constructor(ctx: GeneratorContext) {
    // No background: every 3389 connection is a planted one (the post's counts).
    super(ctx, "rdpy", { visitsPerWeek: 0 });
    this.planted = ctx.planted.connections.filter((c) => c.honeypot === "rdpy");
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    emit({ writeUs: atUs, line: "[*] Generate new RSA key", fact: null });
    emit({ writeUs: atUs + 1000, line: "[*] Listen on 0.0.0.0:3389", fact: null });
  }

  protected afterHour(hour: HourWindow): void {
    while (this.index < this.planted.length && this.planted[this.index]!.startUs < hour.endUs) {
      const c = this.planted[this.index++]!;
      if (c.startUs < hour.startUs) continue;
      const srcPort = this.ports.take(c.source.ip);
      this.out(c.startUs, `${pyIsoformat(c.startUs)},Connection from ${c.source.ip}:${srcPort}`, this.fact(c.startUs, c.source, "connection", { port: 3389 }));
      if (this.rng.chance(0.4)) this.credentials(c.startUs + Math.floor(c.durationUs / 2));
      this.observe({ tsUs: c.startUs, endUs: c.startUs + c.durationUs, src: c.source, srcPort, destPort: 3389, transport: "TCP", app: "rdp", rdpCookie: "hello" });
    }
  }

  /** Hostile mode: a credentials line (no connection line: 3389's count is planted). */
  protected visit(t: number, _source: Source): void {
    this.credentials(t);
  }

  private credentials(t: number): void {
    const rng = this.rng;
    const username = this.pick("username", rng.pick(USERS), t, plainField, plainField);
    const password = this.pick("password", rng.chance(0.5) ? "" : this.ctx.plainValues.sshCredential(rng).password, t, plainField, plainField);
    const hostname = this.pick("client-hostname", rng.pick(HOSTS), t, plainField, plainField);
    this.out(t, `${pyIsoformat(t)},domain:WORKGROUP,username:${username},password:${password},hostname:${hostname}`, this.fact(t, null, "credentials"), [["username", username], ["password", password], ["hostname", hostname]]);
  }
}
