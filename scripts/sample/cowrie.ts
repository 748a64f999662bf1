/**
 * Cowrie (SSH 22 / Telnet 23) as T-Pot 24.x writes it: Cowrie 2.x `cowrie.json`, compact
 * separators, key order and messages as in realdata/tpot-2022, `protocol` only on
 * session.connect, `sensor` = the container's hostname (a new one after every restart).
 *
 * A session: connect → client.version → client.kex → login.failed × n → maybe login.success →
 * session.params → command.input × k (command.failed for unknown ones, file_download for
 * wget/curl) → log.closed → session.closed. Kinds of sessions: scanners that only connect,
 * brute forcers, bots that log in and run a script, and proxy abusers that open direct-tcpip
 * tunnels (whose target ports are not attacked ports).
 */
import type { Source } from "./addresses.ts";
import { US_PER_HOUR, US_PER_MINUTE, US_PER_SECOND, cowrieTimestamp } from "./clock.ts";
import { EphemeralPorts, stream } from "./format.ts";
import type { AttackerField, Emit, EventFact, FormatGenerator, FormatModule, GeneratorContext, HourWindow, JunkKind, LogRecord } from "./format.ts";
import { cutOff, glued, nulRun, withInvalidUtf8 } from "./junk.ts";
import { hash32, rngFor } from "./prng.ts";
import { pyString, pyStringList } from "./pyjson.ts";
import type { Rng } from "./prng.ts";
import { sshVolumeAt } from "./planted.ts";
import { Rhythm } from "./rhythm.ts";
import type { SshClient } from "./ssh-clients.ts";
import type { CommandStep } from "./values.ts";

/** Sessions per hour at scale 1 (about 90,000 events a week before bursts and weekly levels). */
const SESSIONS_PER_HOUR = 76;
/** The container-side address Cowrie logs as dst_ip (T-Pot's Docker bridge). */
const DST_IP = "172.29.0.2";

const TUNNEL_TARGETS: ReadonlyArray<readonly [string, number]> = [
  ["www.google.com", 443], ["ya.ru", 443], ["api.ipify.org", 80], ["mx.yandex.ru", 25], ["smtp.mail.ru", 25],
  ["173.194.222.27", 25], ["www.bing.com", 443], ["ipinfo.io", 443], ["smtp.gmail.com", 587], ["94.100.180.160", 25],
];

const ARCHES = ["linux-x64-lsb", "linux-arm-lsb", "linux-mips-lsb", "linux-x86-lsb"];

type SessionKind = "scan" | "brute" | "shell" | "tunnel";

const kexFragments = new Map<SshClient, string>();
/** The constant head of a client.kex line for a client (about 1 KB, built once per client). */
function kexFragment(client: SshClient): string {
  let text = kexFragments.get(client);
  if (text === undefined) {
    text = `{"eventid":"cowrie.client.kex","hassh":"${client.hassh}","hasshAlgorithms":${pyString(client.hasshAlgorithms)},"kexAlgs":${pyStringList(client.kexAlgs, ",")},"keyAlgs":${pyStringList(client.keyAlgs, ",")},"encCS":${pyStringList(client.encCS, ",")},"macCS":${pyStringList(client.macCS, ",")},"compCS":${pyStringList(client.compCS, ",")},"langCS":[""],"message":"SSH client hassh fingerprint: ${client.hassh}",`;
    kexFragments.set(client, text);
  }
  return text;
}

export const cowrieFormat: FormatModule = {
  name: "cowrie",
  dir: "cowrie/log",
  streams: [stream("cowrie.json", "daily-utc")],
  countsAsAttack: true,
  fields: { username: "username", password: "password", version: "ssh-version", hassh: "hassh", hasshAlgorithms: "hassh", input: "command", url: "url", dst_ip: "tunnel-host" },
  create: (ctx) => new CowrieGenerator(ctx),
};

class CowrieGenerator implements FormatGenerator {
  private rng: Rng;
  private readonly sweepRng: Rng;
  private readonly ports: EphemeralPorts;
  private readonly rhythm: Rhythm;
  private readonly sensors: string[];
  private emit: (record: LogRecord) => void = () => {};

  constructor(private readonly ctx: GeneratorContext) {
    this.rng = ctx.rng;
    this.sweepRng = rngFor(ctx.seed, "cowrie:hostile");
    this.ports = new EphemeralPorts(rngFor(ctx.seed, "cowrie:ports"));
    this.rhythm = new Rhythm(rngFor(ctx.seed, "cowrie:rhythm"), ctx.world.timeZone, { amplitude: 0.2, peakHour: 4, hourlySigma: 0.22, dailySigma: 0.08 });
    // Docker gives each new container a 12-hex hostname; Cowrie logs it as `sensor`.
    this.sensors = Array.from({ length: ctx.world.restarts.length + 1 }, (_, i) => hash32(`sensor-${i}`, ctx.seed).toString(16).padStart(8, "0") + hash32(`s${i}`, ctx.seed + 1).toString(16).slice(0, 4));
  }

  generateHour(hour: HourWindow, emit: (record: LogRecord) => void): void {
    this.emit = emit;
    const rng = this.rng;
    const length = hour.endUs - hour.startUs;
    const level = sshVolumeAt(this.ctx.planted, hour.startUs);
    const n = rng.poisson(SESSIONS_PER_HOUR * this.ctx.scale * level * this.rhythm.factor(hour.startUs) * (length / US_PER_HOUR));
    for (let i = 0; i < n; i++) {
      const startUs = hour.startUs + Math.floor(rng.next() * length);
      const telnet = rng.chance(0.22);
      const source = (telnet ? this.ctx.sources.telnet : this.ctx.sources.ssh).pick(rng);
      const roll = rng.next();
      const kind: SessionKind = telnet
        ? roll < 0.3 ? "scan" : roll < 0.82 ? "brute" : "shell"
        : roll < 0.12 ? "scan" : roll < 0.8 ? "brute" : roll < 0.97 ? "shell" : "tunnel";
      this.session(startUs, source, telnet, kind, false);
    }
    for (const burst of this.ctx.planted.bursts) {
      if (burst.hourStartUs !== hour.startUs) continue;
      // Bursts fill the hour (minutes 1–58), so the hour is the unmistakable peak.
      for (let i = 0; i < burst.sessions; i++) {
        const startUs = hour.startUs + US_PER_MINUTE + Math.floor(rng.next() * 57 * US_PER_MINUTE);
        this.session(startUs, burst.sources.pick(rng), false, "brute", true);
      }
    }
  }

  junk(kind: JunkKind, atUs: number): LogRecord | null {
    const rng = this.rng;
    const source = this.ctx.sources.ssh.pick(rng);
    const session = rng.hex(12);
    const sensor = this.sensorAt(atUs);
    const login = (u: string, p: string, t: number): string =>
      `{"eventid":"cowrie.login.failed","username":${pyString(u)},"password":${pyString(p)},"message":${pyString(`login attempt [${u}/${p}] failed`)},"sensor":"${sensor}","timestamp":"${cowrieTimestamp(t)}","src_ip":"${source.ip}","session":"${session}"}`;
    switch (kind) {
      case "not-json":
        return { writeUs: atUs, fact: null, junk: kind, line: glued(login("admin", "admin", atUs), login("root", "1234", atUs + 1000), rng) };
      case "invalid-utf8":
        // Cowrie 2.x would write repr() text; a bytes-level corruption is what the reader must
        // survive. The record is still a login attempt: readers repair the bytes and count it.
        return {
          writeUs: atUs,
          fact: { tsUs: atUs, src: source.ip, country: source.country, type: "cowrie.login.failed" },
          junk: kind,
          line: withInvalidUtf8(login("root", "@@BYTES@@", atUs), "@@BYTES@@"),
        };
      case "binary":
        return { writeUs: atUs, fact: null, junk: kind, line: nulRun(rng) };
      default:
        return null;
    }
  }

  finalLine(spanEndUs: number): LogRecord {
    const t = spanEndUs - 1234;
    const source = this.ctx.sources.ssh.pick(this.rng);
    const line = `{"eventid":"cowrie.session.connect","src_ip":"${source.ip}","src_port":${this.ports.take(source.ip)},"dst_ip":"${DST_IP}","dst_port":22,"session":"${this.rng.hex(12)}","protocol":"ssh","message":"New connection: ${source.ip}:1 (${DST_IP}:22)","sensor":"${this.sensorAt(t)}","timestamp":"${cowrieTimestamp(t)}"}`;
    return { writeUs: t, fact: null, junk: "cut-off", line: cutOff(line, this.rng) };
  }

  private sensorAt(us: number): string {
    return this.sensors[this.ctx.availability.lastRestartIndexAtOrBefore(us) + 1]!;
  }

  /** One session's events, emitted with their own times. */
  private session(t0: number, source: Source, telnet: boolean, kind: SessionKind, burst: boolean): void {
    const { rng, ctx } = this;
    if (ctx.availability.isDown("cowrie", t0)) return;
    const ip = source.ip;
    const session = rng.hex(12);
    const sensor = this.sensorAt(t0);
    const dstPort = telnet ? 23 : 22;
    const srcPort = this.ports.take(ip);
    const tail = `"sensor":"${sensor}","timestamp":"`;
    const who = `","src_ip":"${ip}","session":"${session}"}`;
    const fact = (tsUs: number, type: string, extra?: Partial<EventFact>): EventFact => ({ tsUs, src: ip, country: source.country, type, ...extra });
    let t = t0;
    const hostile = ctx.hostile !== null;
    const out = (line: string, f: EventFact, attacker?: AttackerField[]): void => this.emit(hostile && attacker ? { writeUs: f.tsUs, line, fact: f, attacker } : { writeUs: f.tsUs, line, fact: f });

    out(
      `{"eventid":"cowrie.session.connect","src_ip":"${ip}","src_port":${srcPort},"dst_ip":"${DST_IP}","dst_port":${dstPort},"session":"${session}","protocol":"${telnet ? "telnet" : "ssh"}","message":"New connection: ${ip}:${srcPort} (${DST_IP}:${dstPort}) [session: ${session}]",${tail}${cowrieTimestamp(t)}"}`,
      fact(t, "cowrie.session.connect", { port: dstPort }),
    );
    let detail: string | undefined;
    let sshInfo: { version: string; hassh: string; algorithms: string } | undefined;

    if (!telnet && kind === "scan" && rng.chance(0.03)) {
      // A web scanner speaking TLS to port 22: Cowrie logs its ClientHello as the "version".
      const banner = ctx.values.nonSshBanner(rng);
      t += rng.int(40_000, 400_000);
      out(`{"eventid":"cowrie.client.version","version":${pyString(banner)},"message":${pyString(`Remote SSH version: ${banner}`)},${tail}${cowrieTimestamp(t)}${who}`, fact(t, "cowrie.client.version"), [["version", banner]]);
    } else if (!telnet && (kind !== "scan" || rng.chance(0.5))) {
      const client = ctx.values.sshClient(rng);
      detail = client.version;
      sshInfo = { version: client.version, hassh: client.hassh, algorithms: client.hasshAlgorithms };
      t += rng.int(40_000, 400_000);
      out(`{"eventid":"cowrie.client.version","version":${pyString(client.version)},"message":${pyString(`Remote SSH version: ${client.version}`)},${tail}${cowrieTimestamp(t)}${who}`, fact(t, "cowrie.client.version"), [["version", client.version]]);
      t += rng.int(20_000, 200_000);
      out(`${kexFragment(client)}${tail}${cowrieTimestamp(t)}${who}`, fact(t, "cowrie.client.kex"));
    }

    let loggedIn = false;
    if (kind !== "scan") {
      const failures = kind === "brute" ? (rng.chance(0.6) ? 1 : rng.int(2, burst ? 3 : 6)) : rng.chance(0.6) ? 0 : rng.int(1, 2);
      const attempt = (success: boolean): void => {
        const { username, password } = telnet ? ctx.values.telnetCredential(rng) : ctx.values.sshCredential(rng);
        t += rng.int(300_000, telnet ? 5_000_000 : 3_000_000);
        const verb = success ? "succeeded" : "failed";
        const eventid = success ? "cowrie.login.success" : "cowrie.login.failed";
        out(
          `{"eventid":"${eventid}","username":${pyString(username)},"password":${pyString(password)},"message":${pyString(`login attempt [${username}/${password}] ${verb}`)},${tail}${cowrieTimestamp(t)}${who}`,
          fact(t, eventid),
          [["username", username], ["password", password]],
        );
      };
      // Now and then a bot offers a public key first. Its `type` field collides with Logstash's
      // `type` (TPOT-LOGS §2.6): classify by file path, never by a `type` key.
      if (!telnet && rng.chance(0.01)) {
        const { type, key, fingerprint } = ctx.values.publicKey(rng);
        t += rng.int(200_000, 1_500_000);
        out(
          `{"eventid":"cowrie.client.fingerprint","username":"root","fingerprint":"${fingerprint}","key":"${key}","type":"${type}","message":"public key attempt for user root of type ${type} with fingerprint ${fingerprint}",${tail}${cowrieTimestamp(t)}${who}`,
          fact(t, "cowrie.client.fingerprint"),
        );
      }
      for (let i = 0; i < failures; i++) attempt(false);
      // Cowrie's default userdb accepts root with (almost) any password: brute forcers get in
      // now and then and leave; bots with a script always get in.
      if (kind === "shell" || kind === "tunnel" || (!burst && rng.chance(0.04))) {
        attempt(true);
        loggedIn = true;
      }
    }

    const sessionStart = t;
    let ttyBytes = 0;
    if (loggedIn && kind === "tunnel") {
      const requests = 1 + Math.floor(rng.exponential(6));
      for (let i = 0; i < requests; i++) {
        const [host, port] = rng.pick(TUNNEL_TARGETS);
        t += rng.int(100_000, 3_000_000);
        out(
          `{"eventid":"cowrie.direct-tcpip.request","dst_ip":"${host}","dst_port":${port},"src_ip":"${ip}","src_port":0,"message":"direct-tcp connection request to ${host}:${port} from 127.0.0.1:0",${tail}${cowrieTimestamp(t)}","session":"${session}"}`,
          fact(t, "cowrie.direct-tcpip.request", { tunnelPort: port }),
          [["dst_ip", host]],
        );
      }
    } else if (loggedIn && kind === "shell") {
      t += rng.int(20_000, 120_000);
      out(`{"eventid":"cowrie.session.params","arch":"${rng.pick(ARCHES)}","message":[],${tail}${cowrieTimestamp(t)}${who}`, fact(t, "cowrie.session.params"));
      const steps: CommandStep[] = ctx.values.script(rng, telnet ? "telnet" : "ssh");
      for (const step of steps) {
        t += rng.int(5_000, 2_500_000);
        ttyBytes += step.input.length + rng.int(20, 400);
        detail = step.input;
        out(`{"eventid":"cowrie.command.input","input":${pyString(step.input)},"message":${pyString(`CMD: ${step.input}`)},${tail}${cowrieTimestamp(t)}${who}`, fact(t, "cowrie.command.input"), [["input", step.input]]);
        if (step.unknown) {
          t += rng.int(1_000, 5_000);
          out(`{"eventid":"cowrie.command.failed","input":${pyString(step.input)},"message":${pyString(`Command not found: ${step.input}`)},${tail}${cowrieTimestamp(t)}${who}`, fact(t, "cowrie.command.failed"), [["input", step.input]]);
        }
        const dl = step.download;
        if (dl) {
          t += rng.int(300_000, 8_000_000);
          if (dl.dead) {
            out(`{"eventid":"cowrie.session.file_download.failed","url":${pyString(dl.url)},"message":${pyString(`Attempt to download file(s) from URL (${dl.url}) failed`)},${tail}${cowrieTimestamp(t)}${who}`, fact(t, "cowrie.session.file_download.failed"), [["url", dl.url]]);
          } else {
            const outfile = `var/lib/cowrie/downloads/${dl.sha256}`;
            out(
              `{"eventid":"cowrie.session.file_download","url":${pyString(dl.url)},"outfile":"${outfile}","shasum":"${dl.sha256}","destfile":"","message":${pyString(`Downloaded URL (${dl.url}) with SHA-256 ${dl.sha256} to ${outfile}`)},${tail}${cowrieTimestamp(t)}${who}`,
              fact(t, "cowrie.session.file_download"),
              [["url", dl.url]],
            );
          }
        }
      }
    }

    t += kind === "scan" ? rng.int(50_000, 2_000_000) : rng.int(50_000, 15 * US_PER_SECOND);
    const duration = (t - t0) / US_PER_SECOND + rng.next() * 1e-7;
    if (loggedIn && kind === "shell") {
      const tty = rng.hex(64);
      const ttyAt = t - rng.int(1_000, 5_000);
      out(
        `{"eventid":"cowrie.log.closed","ttylog":"var/lib/cowrie/tty/${tty}","size":${ttyBytes},"shasum":"${tty}","duplicate":false,"duration":${(ttyAt - sessionStart) / US_PER_SECOND + rng.next() * 1e-7},"message":"Closing TTY Log: var/lib/cowrie/tty/${tty} after ${Math.floor((ttyAt - sessionStart) / US_PER_SECOND)} seconds",${tail}${cowrieTimestamp(ttyAt)}${who}`,
        fact(ttyAt, "cowrie.log.closed"),
      );
    }
    out(`{"eventid":"cowrie.session.closed","duration":${duration},"message":"Connection lost after ${Math.floor(duration)} seconds",${tail}${cowrieTimestamp(t)}${who}`, fact(t, "cowrie.session.closed"));

    ctx.observations.push({ tsUs: t0, endUs: t, src: source, srcPort, destPort: dstPort, transport: "TCP", app: telnet ? "telnet" : "ssh", ...(detail === undefined ? {} : { detail }), ...(sshInfo ? { ssh: sshInfo } : {}) });
  }

  /**
   * Hostile mode: an SSH session that fills every attacker field from the corpus (version,
   * HASSH and its algorithms, credentials, a command with a download, a tunnel target).
   */
  hostileVisit(t0: number, emit: Emit): void {
    this.emit = emit;
    const h = this.ctx.hostile!;
    const rng = (this.rng = this.sweepRng);
    try {
      const source = this.ctx.sources.ssh.pick(rng);
      const ip = source.ip;
      const session = rng.hex(12);
      const srcPort = this.ports.take(ip);
      const tail = `"sensor":"${this.sensorAt(t0)}","timestamp":"`;
      const who = `","src_ip":"${ip}","session":"${session}"}`;
      const fact = (tsUs: number, type: string, extra?: Partial<EventFact>): EventFact => ({ tsUs, src: ip, country: source.country, type, ...extra });
      const out = (line: string, f: EventFact, attacker?: AttackerField[]): void => this.emit(attacker ? { writeUs: f.tsUs, line, fact: f, attacker } : { writeUs: f.tsUs, line, fact: f });
      let t = t0;
      out(`{"eventid":"cowrie.session.connect","src_ip":"${ip}","src_port":${srcPort},"dst_ip":"${DST_IP}","dst_port":22,"session":"${session}","protocol":"ssh","message":"New connection: ${ip}:${srcPort} (${DST_IP}:22) [session: ${session}]",${tail}${cowrieTimestamp(t)}"}`, fact(t, "cowrie.session.connect", { port: 22 }));
      const version = h.sweep("ssh-version", (t += 100_000));
      out(`{"eventid":"cowrie.client.version","version":${pyString(version)},"message":${pyString(`Remote SSH version: ${version}`)},${tail}${cowrieTimestamp(t)}${who}`, fact(t, "cowrie.client.version"), [["version", version]]);
      const hassh = h.sweep("hassh", (t += 100_000));
      const algorithms = h.sweep("hassh", t);
      out(`{"eventid":"cowrie.client.kex","hassh":${pyString(hassh)},"hasshAlgorithms":${pyString(algorithms)},"kexAlgs":["curve25519-sha256@libssh.org"],"keyAlgs":["ssh-rsa"],"encCS":["aes128-ctr"],"macCS":["hmac-sha1"],"compCS":["none"],"langCS":[""],"message":${pyString(`SSH client hassh fingerprint: ${hassh}`)},${tail}${cowrieTimestamp(t)}${who}`, fact(t, "cowrie.client.kex"), [["hassh", hassh], ["hasshAlgorithms", algorithms]]);
      for (const eventid of ["cowrie.login.failed", "cowrie.login.success"]) {
        t += rng.int(300_000, 2_000_000);
        const username = h.sweep("username", t);
        const password = h.sweep("password", t);
        out(`{"eventid":"${eventid}","username":${pyString(username)},"password":${pyString(password)},"message":${pyString(`login attempt [${username}/${password}] ${eventid.endsWith("success") ? "succeeded" : "failed"}`)},${tail}${cowrieTimestamp(t)}${who}`, fact(t, eventid), [["username", username], ["password", password]]);
      }
      const input = h.sweep("command", (t += 500_000));
      out(`{"eventid":"cowrie.command.input","input":${pyString(input)},"message":${pyString(`CMD: ${input}`)},${tail}${cowrieTimestamp(t)}${who}`, fact(t, "cowrie.command.input"), [["input", input]]);
      const url = h.sweep("url", (t += 800_000));
      const sha = rng.hex(64);
      out(`{"eventid":"cowrie.session.file_download","url":${pyString(url)},"outfile":"var/lib/cowrie/downloads/${sha}","shasum":"${sha}","destfile":"","message":${pyString(`Downloaded URL (${url}) with SHA-256 ${sha} to var/lib/cowrie/downloads/${sha}`)},${tail}${cowrieTimestamp(t)}${who}`, fact(t, "cowrie.session.file_download"), [["url", url]]);
      const host = h.sweep("tunnel-host", (t += 300_000));
      out(`{"eventid":"cowrie.direct-tcpip.request","dst_ip":${pyString(host)},"dst_port":443,"src_ip":"${ip}","src_port":0,"message":${pyString(`direct-tcp connection request to ${host}:443 from 127.0.0.1:0`)},${tail}${cowrieTimestamp(t)}","session":"${session}"}`, fact(t, "cowrie.direct-tcpip.request", { tunnelPort: 443 }), [["dst_ip", host]]);
      t += rng.int(100_000, 2_000_000);
      const duration = (t - t0) / US_PER_SECOND;
      out(`{"eventid":"cowrie.session.closed","duration":${duration},"message":"Connection lost after ${Math.floor(duration)} seconds",${tail}${cowrieTimestamp(t)}${who}`, fact(t, "cowrie.session.closed"));
      this.ctx.observations.push({ tsUs: t0, endUs: t, src: source, srcPort, destPort: 22, transport: "TCP", app: "ssh", detail: version, ssh: { version, hassh, algorithms }, sweep: true });
    } finally {
      this.rng = this.ctx.rng;
    }
  }
}
