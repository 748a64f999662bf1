/**
 * RDPHoneypot (bontchev; T-Pot since June 2026, 3389) `rdphoneypot/log/rdphoneypot.json`:
 * compact Python JSON with event ids (session.connect, login.attempt with hostname/username/
 * password, session.closed), `timestamp` an aware isoformat plus `Z` (`…+00:00Z`), its own daily
 * file `rdphoneypot.json.YYYY-MM-DD`.
 *
 * Only in a tree whose 3389 belongs to it: weeks from 2026-06 (the default owner then) or
 * `generateSample({ rdp: "rdphoneypot" })`. The planted 3389 connections are its connections;
 * nothing else (hostile sweeps included) adds a connection on 3389.
 */
import type { Source } from "./addresses.ts";
import { pyIsoformat } from "./clock.ts";
import type { AttackerField, FormatModule, GeneratorContext, HourWindow } from "./format.ts";
import { stream } from "./format.ts";
import { SENSOR_PUBLIC_IP } from "./honeytrap.ts";
import type { PlantedConnection } from "./planted.ts";
import { PotGenerator } from "./pot.ts";
import { pyString } from "./pyjson.ts";

const HOSTS = ["DESKTOP-1", "WIN-7K2M1", "HOME-PC", "USER-PC"];
const USERS = ["administrator", "admin", "user", "test", "Administrator"];

export const rdphoneypotFormat: FormatModule = {
  name: "rdphoneypot",
  dir: "rdphoneypot/log",
  streams: [stream("rdphoneypot.json", "daily-utc")],
  countsAsAttack: true,
  fields: { username: "username", password: "password", hostname: "client-hostname" },
  active: (owner) => owner === "rdphoneypot",
  create: (ctx) => new RdphoneypotGenerator(ctx),
};

class RdphoneypotGenerator extends PotGenerator {
  private readonly planted: PlantedConnection[];
  private index = 0;

  constructor(ctx: GeneratorContext) {
    super(ctx, "rdphoneypot", { visitsPerWeek: 0 });
    this.planted = ctx.planted.connections.filter((c) => c.honeypot === "rdphoneypot");
  }

  protected afterHour(hour: HourWindow): void {
    while (this.index < this.planted.length && this.planted[this.index]!.startUs < hour.endUs) {
      const c = this.planted[this.index++]!;
      if (c.startUs < hour.startUs) continue;
      const srcPort = this.ports.take(c.source.ip);
      this.out(c.startUs, `{"eventid":"rdphoneypot.session.connect","src_ip":"${c.source.ip}","src_port":${srcPort},"dst_port":3389,"dst_ip":"${SENSOR_PUBLIC_IP}","sensor":"t-pot","timestamp":"${pyIsoformat(c.startUs)}+00:00Z"}`, this.fact(c.startUs, c.source, "rdphoneypot.session.connect", { port: 3389 }));
      if (this.rng.chance(0.4)) this.login(c.startUs + Math.floor(c.durationUs / 2), c.source, srcPort);
      const end = c.startUs + c.durationUs;
      this.out(end, `{"eventid":"rdphoneypot.session.closed","src_ip":"${c.source.ip}","sensor":"t-pot","timestamp":"${pyIsoformat(end)}+00:00Z"}`, this.fact(end, c.source, "rdphoneypot.session.closed"));
      this.observe({ tsUs: c.startUs, endUs: end, src: c.source, srcPort, destPort: 3389, transport: "TCP", app: "rdp", rdpCookie: "hello" });
    }
  }

  /** Hostile mode: a login attempt line only (3389's connection count is planted). */
  protected visit(t: number, source: Source): void {
    this.login(t, source, this.ports.take(source.ip));
  }

  private login(t: number, source: Source, srcPort: number): void {
    const rng = this.rng;
    const hostname = this.pick("client-hostname", rng.pick(HOSTS), t);
    const username = this.pick("username", rng.pick(USERS), t);
    const password = this.pick("password", this.ctx.plainValues.sshCredential(rng).password, t);
    const fields: AttackerField[] = [["hostname", hostname], ["username", username], ["password", password]];
    this.out(t, `{"eventid":"rdphoneypot.login.attempt","src_ip":"${source.ip}","src_port":${srcPort},"hostname":${pyString(hostname)},"username":${pyString(username)},"password":${pyString(password)},"sensor":"t-pot","timestamp":"${pyIsoformat(t)}+00:00Z"}`, this.fact(t, source, "rdphoneypot.login.attempt"), fields);
  }
}
