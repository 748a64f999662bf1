/**
 * fatt (JA3/JA3S/HASSH/RDP/HTTP fingerprints of all traffic) `fatt/log/fatt.log`: a sensor, never
 * attacks. Python JSON, `timestamp` = `sniff_time.isoformat()` naive local (= UTC), ports as
 * strings. Client records have the attacker as `sourceIp`; server records (hasshServer) have the
 * honeypot as `sourceIp` and the attacker as `destinationIp`.
 */
import { createHash } from "node:crypto";
import { pyIsoformat } from "./clock.ts";
import type { AttackerField, Emit, FormatGenerator, FormatModule, GeneratorContext, HourWindow, LogRecord, Observation } from "./format.ts";
import { stream } from "./format.ts";
import { attackerBytes } from "./hostile.ts";
import { HOST_IP } from "./honeytrap.ts";
import { rngFor } from "./prng.ts";
import type { Rng } from "./prng.ts";
import { pyString } from "./pyjson.ts";

const COWRIE_SERVER = "SSH-2.0-OpenSSH_6.0p1 Debian-4+deb7u2";
const JA3 = "771,4865-4866-4867-49195-49199-49196-49200-52393-52392-49171-49172-156-157-47-53,0-23-65281-10-11-35-16-5-13-18-51-45-43-27-21,29-23-24,0";
const md5 = (text: string): string => createHash("md5").update(attackerBytes(text)).digest("hex");
const ms = (us: number): number => Math.floor(us / 1000) * 1000;

export const fattFormat: FormatModule = {
  name: "fatt",
  dir: "fatt/log",
  streams: [stream("fatt.log")],
  countsAsAttack: false,
  fields: {
    "ssh.client": "ssh-version",
    "ssh.hassh": "hassh",
    "ssh.hasshAlgorithms": "hassh",
    "http.userAgent": "user-agent",
    "http.requestURI": "http-path",
    "tls.serverName": "client-hostname",
    "rdp.cookie": "fingerprint",
  },
  create: (ctx) => new FattGenerator(ctx),
};

class FattGenerator implements FormatGenerator {
  private readonly rng: Rng;
  private readonly sweepRng: Rng;
  private emit: Emit = () => {};

  constructor(private readonly ctx: GeneratorContext) {
    this.rng = ctx.rng;
    this.sweepRng = rngFor(ctx.seed, "fatt:hostile");
  }

  generateHour(_hour: HourWindow, emit: Emit): void {
    this.emit = emit;
    for (const o of this.ctx.observations) if (o.transport === "TCP") this.observe(o, this.rng);
  }

  hostileVisit(atUs: number, emit: Emit): void {
    this.emit = emit;
    const h = this.ctx.hostile!;
    const rng = this.sweepRng;
    const src = this.ctx.sources.scan.pick(rng);
    const port = rng.int(32768, 60999);
    const algorithms = h.sweep("hassh", atUs);
    this.ssh(atUs, src, port, 22, h.sweep("ssh-version", atUs), h.sweep("hassh", atUs), algorithms, false);
    this.http(atUs + 1000, src, port + 1, 80, h.sweep("http-path", atUs), h.sweep("user-agent", atUs));
    this.tls(atUs + 2000, src, port + 2, 443, h.sweep("client-hostname", atUs));
    this.rdp(atUs + 3000, src, port + 3, 3389, h.sweep("fingerprint", atUs));
  }

  private out(t: number, ip: string, country: string, line: string, attacker: AttackerField[] | undefined): void {
    const record: LogRecord = { writeUs: t, line, fact: { tsUs: ms(t), src: ip, country, type: "fingerprint" } };
    if (attacker && this.ctx.hostile) record.attacker = attacker;
    this.emit(record);
  }

  private head(t: number, from: string, to: string, sport: number, dport: number, protocol: string): string {
    return `{"timestamp": "${pyIsoformat(t)}", "sourceIp": "${from}", "destinationIp": "${to}", "sourcePort": "${sport}", "destinationPort": "${dport}", "protocol": "${protocol}"`;
  }

  private ssh(t: number, src: { ip: string; country: string }, sport: number, dport: number, client: string, hassh: string, algorithms: string, server: boolean): void {
    const [kex = "", enc = "", mac = "", comp = ""] = algorithms.split(";");
    this.out(t, src.ip, src.country, `${this.head(t, src.ip, HOST_IP, sport, dport, "ssh")}, "ssh": {"client": ${pyString(client)}, "hassh": ${pyString(hassh)}, "hasshAlgorithms": ${pyString(algorithms)}, "hasshVersion": "1.0", "ckex": ${pyString(kex)}, "ceacts": ${pyString(enc)}, "cmacts": ${pyString(mac)}, "ccmpts": ${pyString(comp)}}}`, [["ssh.client", client], ["ssh.hassh", hassh], ["ssh.hasshAlgorithms", algorithms]]);
    if (server) {
      const s = t + 5000;
      this.out(s, src.ip, src.country, `${this.head(s, HOST_IP, src.ip, dport, sport, "ssh")}, "ssh": {"server": "${COWRIE_SERVER}", "hasshServer": "b12d2871a1189eff20364cf5333619ee", "hasshServerAlgorithms": "curve25519-sha256@libssh.org,ecdh-sha2-nistp256,diffie-hellman-group14-sha1;aes128-ctr,aes192-ctr,aes256-ctr;hmac-sha2-256,hmac-sha1;none,zlib@openssh.com", "hasshVersion": "1.0"}}`, undefined);
    }
  }

  private http(t: number, src: { ip: string; country: string }, sport: number, dport: number, uri: string, ua: string): void {
    this.out(t, src.ip, src.country, `${this.head(t, src.ip, HOST_IP, sport, dport, "http")}, "http": {"requestURI": ${pyString(uri)}, "requestVersion": "HTTP/1.1", "requestMethod": "GET", "userAgent": ${pyString(ua)}, "clientHeaderOrder": "host,user-agent,accept,accept-encoding", "clientHeaderHash": "${md5("host,user-agent,accept,accept-encoding")}"}}`, [["http.requestURI", uri], ["http.userAgent", ua]]);
  }

  private tls(t: number, src: { ip: string; country: string }, sport: number, dport: number, serverName: string): void {
    this.out(t, src.ip, src.country, `${this.head(t, src.ip, HOST_IP, sport, dport, "tls")}, "tls": {"serverName": ${pyString(serverName)}, "ja3": "${md5(JA3)}", "ja3Algorithms": "${JA3}", "ja3Version": "771"}}`, [["tls.serverName", serverName]]);
  }

  private rdp(t: number, src: { ip: string; country: string }, sport: number, dport: number, cookie: string): void {
    this.out(t, src.ip, src.country, `${this.head(t, src.ip, HOST_IP, sport, dport, "rdp")}, "rdp": {"cookie": ${pyString(`mstshash=${cookie}`)}, "requestedProtocols": "0x00000003"}}`, [["rdp.cookie", cookie]]);
  }

  private observe(o: Observation, rng: Rng): void {
    const t = o.tsUs + rng.int(1000, 200_000);
    if (o.ssh && rng.chance(0.3)) this.ssh(t, o.src, o.srcPort, o.destPort, o.ssh.version, o.ssh.hassh, o.ssh.algorithms, rng.chance(0.4));
    else if (o.app === "http" && o.userAgent !== undefined && o.detail !== undefined && rng.chance(0.35)) this.http(t, o.src, o.srcPort, o.destPort, o.detail, o.userAgent);
    else if (o.rdpCookie !== undefined && rng.chance(0.6)) this.rdp(t, o.src, o.srcPort, o.destPort, o.rdpCookie);
    else if (o.app === "tls" && rng.chance(0.5)) this.tls(t, o.src, o.srcPort, o.destPort, o.serverName ?? "");
  }
}
