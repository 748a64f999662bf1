/**
 * Dionaea (SMB, MSSQL, MySQL, FTP, HTTP, EPMAP …) as its log_json ihandler writes it with
 * T-Pot's `flat_data: true`: one line per connection, written when the connection is freed
 * (so lines are in end-time order, not in timestamp order), stamped with the connection's
 * start in UTC without a zone (`isoformat()`, which drops `.ffffff` when it is 0). Python's
 * json.dumps separators and key order, as in realdata/tpot-2022. A small share of source
 * addresses are IPv4-mapped (`::ffff:a.b.c.d`), as dual-stack sockets report them.
 */
import type { Source, SourcePicker } from "./addresses.ts";
import { US_PER_HOUR, US_PER_SECOND, dionaeaTimestamp } from "./clock.ts";
import { EphemeralPorts, stream } from "./format.ts";
import type { AttackerField, Emit, FormatGenerator, FormatModule, GeneratorContext, HourWindow, JunkKind, LogRecord, Observation } from "./format.ts";
import { cutOff, glued, withInvalidUtf8 } from "./junk.ts";
import { WeightedTable, rngFor } from "./prng.ts";
import type { Rng } from "./prng.ts";
import type { PlantedConnection } from "./planted.ts";
import { pyStringList } from "./pyjson.ts";
import { Rhythm } from "./rhythm.ts";

/** Visits (one address, one service, one or more connections) per hour at scale 1. */
const VISITS_PER_HOUR = 8.5;
const DST_IP = "172.28.0.2";

interface Service {
  protocol: string;
  port: number;
  transport: "tcp" | "udp";
  weight: number;
  /** Mean connections per visit (SMB worms reconnect many times). */
  perVisit: number;
  app: Observation["app"];
  credentials?: "mssqld" | "mysqld" | "ftpd";
}

// T-Pot 24.x Dionaea ports; HTTP is on 81 (80 belongs to Tanner/Snare).
const SERVICES: readonly Service[] = [
  { protocol: "smbd", port: 445, transport: "tcp", weight: 62, perVisit: 5, app: "smb" },
  { protocol: "mssqld", port: 1433, transport: "tcp", weight: 10, perVisit: 2, app: "mssql", credentials: "mssqld" },
  { protocol: "httpd", port: 81, transport: "tcp", weight: 6, perVisit: 1.5, app: "http" },
  { protocol: "mysqld", port: 3306, transport: "tcp", weight: 5, perVisit: 1.5, app: "mysql", credentials: "mysqld" },
  { protocol: "ftpd", port: 21, transport: "tcp", weight: 4, perVisit: 1.2, app: "ftp", credentials: "ftpd" },
  { protocol: "epmapper", port: 135, transport: "tcp", weight: 4, perVisit: 1.5, app: "other" },
  { protocol: "httpd", port: 443, transport: "tcp", weight: 2, perVisit: 1.2, app: "http" },
  { protocol: "pptpd", port: 1723, transport: "tcp", weight: 2, perVisit: 1, app: "other" },
  { protocol: "mongod", port: 27017, transport: "tcp", weight: 2, perVisit: 1.2, app: "other" },
  { protocol: "mqttd", port: 1883, transport: "tcp", weight: 1.5, perVisit: 1, app: "other" },
  { protocol: "mirrord", port: 42, transport: "tcp", weight: 0.5, perVisit: 1, app: "other" },
];

export const dionaeaFormat: FormatModule = {
  name: "dionaea",
  dir: "dionaea/log",
  streams: [stream("dionaea.json")],
  countsAsAttack: true,
  fields: { "credentials.username": "username", "credentials.password": "password" },
  create: (ctx) => new DionaeaGenerator(ctx),
};

class DionaeaGenerator implements FormatGenerator {
  private rng: Rng;
  private readonly sweepRng: Rng;
  private readonly ports: EphemeralPorts;
  private readonly rhythm: Rhythm;
  private readonly services = new WeightedTable(SERVICES, SERVICES.map((s) => s.weight));
  private plantedIndex = 0;
  private readonly planted: PlantedConnection[];

  constructor(private readonly ctx: GeneratorContext) {
    this.rng = ctx.rng;
    this.sweepRng = rngFor(ctx.seed, "dionaea:hostile");
    this.ports = new EphemeralPorts(rngFor(ctx.seed, "dionaea:ports"));
    this.rhythm = new Rhythm(rngFor(ctx.seed, "dionaea:rhythm"), ctx.world.timeZone, { amplitude: 0.3, peakHour: 20, hourlySigma: 0.35, dailySigma: 0.2 });
    this.planted = ctx.planted.connections.filter((c) => c.honeypot === "dionaea");
  }

  generateHour(hour: HourWindow, emit: (record: LogRecord) => void): void {
    const { rng, ctx } = this;
    const length = hour.endUs - hour.startUs;
    const visits = rng.poisson(VISITS_PER_HOUR * ctx.scale * this.rhythm.factor(hour.startUs) * (length / US_PER_HOUR));
    for (let v = 0; v < visits; v++) {
      const service = this.services.pick(rng);
      const picker: SourcePicker = service.app === "smb" ? ctx.sources.smb : ctx.sources.scan;
      const source = picker.pick(rng);
      const count = 1 + Math.floor(rng.exponential(service.perVisit - 1 + 1e-9));
      let t = hour.startUs + Math.floor(rng.next() * length);
      for (let i = 0; i < count; i++) {
        const durationUs = service.app === "smb" && rng.chance(0.1)
          ? Math.floor(rng.exponential(40) * US_PER_SECOND)
          : rng.int(80_000, 6 * US_PER_SECOND);
        this.connection(t, durationUs, service, source, emit);
        t += rng.int(150_000, 4 * US_PER_SECOND);
      }
    }
    while (this.plantedIndex < this.planted.length && this.planted[this.plantedIndex]!.startUs < hour.endUs) {
      const c = this.planted[this.plantedIndex++]!;
      if (c.startUs < hour.startUs) continue;
      this.connection(c.startUs, c.durationUs, SERVICES.find((s) => s.port === c.port) ?? SERVICES[0]!, c.source, emit, true);
    }
  }

  junk(kind: JunkKind, atUs: number): LogRecord | null {
    const source = this.ctx.sources.scan.pick(this.rng);
    const line = (password: string, t: number): string => this.line(SERVICES[1]!, source.ip, this.ports.take(source.ip), t, ["sa"], [password]);
    if (kind === "not-json") return { writeUs: atUs, fact: null, junk: kind, line: glued(line("sa", atUs - 2_000_000), line("123", atUs - 1_000_000), this.rng) };
    if (kind === "invalid-utf8") {
      // A damaged but real connection record: counted as an event (see JunkEntry.event).
      const tsUs = atUs - 1_500_000;
      return { writeUs: atUs, fact: { tsUs, src: source.ip, country: source.country, port: 1433, type: "connection" }, junk: kind, line: withInvalidUtf8(line("@@BYTES@@", tsUs), "@@BYTES@@") };
    }
    return null;
  }

  finalLine(spanEndUs: number): LogRecord {
    const source = this.ctx.sources.smb.pick(this.rng);
    const t = spanEndUs - 2_500_000;
    return { writeUs: spanEndUs - 1000, fact: null, junk: "cut-off", line: cutOff(this.line(SERVICES[0]!, source.ip, 50000, t), this.rng) };
  }

  private connection(startUs: number, durationUs: number, service: Service, source: Source, emit: (record: LogRecord) => void, planted = false): void {
    const { rng, ctx } = this;
    if (!planted && (ctx.availability.isDown("dionaea", startUs) || ctx.availability.isInterrupted("dionaea", startUs, startUs + durationUs))) return;
    const srcPort = this.ports.take(source.ip);
    let usernames: string[] | undefined;
    let passwords: string[] | undefined;
    let ftp: { command: string[]; arguments: string[] } | undefined;
    if (service.credentials && rng.chance(0.7)) {
      const tries = service.credentials === "ftpd" ? 1 : rng.int(1, 3);
      usernames = [];
      passwords = [];
      for (let i = 0; i < tries; i++) {
        const c = ctx.values.serviceCredential(rng, service.credentials);
        usernames.push(c.username);
        passwords.push(c.password);
      }
      if (service.credentials === "ftpd") {
        ftp = { command: ["USER", "PASS", "OPTS", "PWD", "TYPE"], arguments: [usernames[0]!, passwords[0]!, "UTF8 ON", "", "A"] };
      }
    }
    // IPv4-mapped addresses on a few connections: the parser must strip `::ffff:`.
    const shownIp = rng.chance(0.05) ? `::ffff:${source.ip}` : source.ip;
    const line = this.line(service, shownIp, srcPort, startUs, usernames, passwords, ftp);
    const record: LogRecord = { writeUs: startUs + durationUs, line, fact: { tsUs: startUs, src: source.ip, country: source.country, port: service.port, type: "connection" } };
    if (ctx.hostile && usernames && passwords) {
      record.attacker = [...usernames.map((u): AttackerField => ["credentials.username", u]), ...passwords.map((p): AttackerField => ["credentials.password", p])];
    }
    emit(record);
    ctx.observations.push({ tsUs: startUs, endUs: startUs + durationUs, src: source, srcPort, destPort: service.port, transport: service.transport === "tcp" ? "TCP" : "UDP", app: service.app });
  }

  /** Hostile mode: an MSSQL login whose name and password come from the corpus. */
  hostileVisit(atUs: number, emit: Emit): void {
    const h = this.ctx.hostile!;
    const rng = this.sweepRng;
    const service = SERVICES[1]!;
    const source = this.ctx.sources.scan.pick(rng);
    const srcPort = this.ports.take(source.ip);
    const username = h.sweep("username", atUs);
    const password = h.sweep("password", atUs);
    const endUs = atUs + rng.int(200_000, 3_000_000);
    emit({
      writeUs: endUs,
      line: this.line(service, source.ip, srcPort, atUs, [username], [password]),
      fact: { tsUs: atUs, src: source.ip, country: source.country, port: service.port, type: "connection" },
      attacker: [["credentials.username", username], ["credentials.password", password]],
    });
    this.ctx.observations.push({ tsUs: atUs, endUs, src: source, srcPort, destPort: service.port, transport: "TCP", app: service.app, sweep: true });
  }

  private line(service: Service, ip: string, srcPort: number, tsUs: number, usernames?: string[], passwords?: string[], ftp?: { command: string[]; arguments: string[] }): string {
    let text = `{"connection": {"protocol": "${service.protocol}", "transport": "${service.transport}", "type": "accept"}, "dst_ip": "${DST_IP}", "dst_port": ${service.port}, "src_hostname": "", "src_ip": "${ip}", "src_port": ${srcPort}, "timestamp": "${dionaeaTimestamp(tsUs)}"`;
    if (ftp) text += `, "ftp": {"commands": {"arguments": ${pyStringList(ftp.arguments)}, "command": ${pyStringList(ftp.command)}}}`;
    if (usernames && passwords) text += `, "credentials": {"password": ${pyStringList(passwords)}, "username": ${pyStringList(usernames)}}`;
    return `${text}}`;
  }
}

