/**
 * p0f (passive OS fingerprinting of all traffic; T-Pot-patched `-j`) `p0f/log/p0f.json`: a sensor,
 * never attacks. `timestamp` `YYYY/MM/DD HH:MM:SS` container local (= UTC); the client is the
 * peer, the server the host (`subject` says which side a record describes). For some of the
 * connections the honeypots saw: a SYN signature, sometimes the SYN+ACK, MTU and uptime guesses,
 * and for HTTP the request signature (`raw_sig` ends with the User-Agent, `lang` from
 * Accept-Language).
 */
import { US_PER_SECOND, p0fTimestamp } from "./clock.ts";
import type { Emit, FormatGenerator, FormatModule, GeneratorContext, HourWindow, LogRecord, Observation } from "./format.ts";
import { stream } from "./format.ts";
import { HOST_IP } from "./honeytrap.ts";
import { rngFor } from "./prng.ts";
import type { Rng } from "./prng.ts";

const SYN: ReadonlyArray<readonly [os: string, ttl: number, sig: string, weight: number]> = [
  ["Linux 3.11 and newer", 64, "4:{ttl}+{d}:0:1460:mss*20,7:mss,sok,ts,nop,ws:df,id+:0", 30],
  ["Linux 2.2.x-3.x", 64, "4:{ttl}+{d}:0:1460:mss*4,6:mss,sok,ts,nop,ws:df,id+:0", 15],
  ["Windows 7 or 8", 128, "4:{ttl}+{d}:0:1460:8192,8:mss,nop,ws,nop,nop,sok:df,id+:0", 15],
  ["Windows NT kernel", 128, "4:{ttl}+{d}:0:1460:8192,8:mss,nop,ws,nop,nop,sok:df,id+:0", 10],
  ["???", 255, "4:{ttl}+{d}:0:1460:1024,0:mss::0", 25],
  ["FreeBSD 9.x or newer", 64, "4:{ttl}+{d}:0:1460:65535,6:mss,nop,ws,sok,ts:df,id+:0", 5],
];
const seconds = (us: number): number => Math.floor(us / US_PER_SECOND) * US_PER_SECOND;

export const p0fFormat: FormatModule = {
  name: "p0f",
  dir: "p0f/log",
  streams: [stream("p0f.json")],
  countsAsAttack: false,
  fields: { "raw_sig.software": "fingerprint", lang: "http-header" },
  create: (ctx) => new P0fGenerator(ctx),
};

class P0fGenerator implements FormatGenerator {
  private readonly rng: Rng;
  private readonly sweepRng: Rng;
  private emit: Emit = () => {};
  private readonly total: number;

  constructor(private readonly ctx: GeneratorContext) {
    this.rng = ctx.rng;
    this.sweepRng = rngFor(ctx.seed, "p0f:hostile");
    this.total = SYN.reduce((a, s) => a + s[3], 0);
  }

  generateHour(_hour: HourWindow, emit: Emit): void {
    this.emit = emit;
    for (const o of this.ctx.observations) if (o.transport === "TCP" && this.rng.chance(0.3)) this.observe(o, this.rng);
  }

  hostileVisit(atUs: number, emit: Emit): void {
    this.emit = emit;
    const h = this.ctx.hostile!;
    const src = this.ctx.sources.scan.pick(this.sweepRng);
    const ua = h.sweep("fingerprint", atUs);
    const lang = h.sweep("http-header", atUs);
    this.http(atUs, src.ip, src.country, this.sweepRng.int(32768, 60999), 80, ua, lang);
  }

  private line(t: number, mod: string, o: { ip: string; port: number; dport: number }, subject: string, rest: string): string {
    return `{"timestamp":"${p0fTimestamp(t)}","mod":"${mod}","client_ip":"${o.ip}","server_ip":"${HOST_IP}","client_port":${o.port},"server_port":${o.dport},"subject":"${subject}"${rest}}`;
  }

  private out(t: number, line: string, ip: string, country: string, os?: string, attacker?: LogRecord["attacker"]): void {
    const record: LogRecord = { writeUs: t, line, fact: { tsUs: seconds(t), src: ip, country, type: "fingerprint", ...(os === undefined ? {} : { os }) } };
    if (attacker && this.ctx.hostile) record.attacker = attacker;
    this.emit(record);
  }

  private observe(o: Observation, rng: Rng): void {
    const peer = { ip: o.src.ip, port: o.srcPort || rng.int(32768, 60999), dport: o.destPort };
    let r = rng.next() * this.total;
    let syn = SYN[0]!;
    for (const s of SYN) if ((r -= s[3]) < 0) {
      syn = s;
      break;
    }
    const [os, ttl, sig] = syn;
    const d = rng.int(8, 24);
    const t = o.tsUs;
    this.out(t, this.line(t, "syn", peer, "cli", `,"os":"${os}","dist":"${d}","params":"${os === "???" ? "none" : "generic"}","raw_sig":"${sig.replace("{ttl}", String(ttl - d)).replace("{d}", String(d))}"`), o.src.ip, o.src.country, os === "???" ? undefined : os);
    if (rng.chance(0.25)) this.out(t + 200, this.line(t + 200, "syn+ack", peer, "srv", `,"os":"Linux 2.2.x-3.x","dist":"0","params":"none","raw_sig":"4:64+0:0:1460:mss*20,7:mss,sok,ts,nop,ws:df:0"`), o.src.ip, o.src.country);
    if (rng.chance(0.15)) this.out(t + 400, this.line(t + 400, "mtu", peer, "cli", `,"link":"Ethernet or modem","raw_mtu":"1500"`), o.src.ip, o.src.country);
    if (rng.chance(0.08)) this.out(t + 500, this.line(t + 500, "uptime", peer, "cli", `,"uptime":"${rng.int(0, 400)} days ${rng.int(0, 23)} hrs ${rng.int(0, 59)} min (modulo ${rng.int(40, 50)} days)","raw_freq":"${rng.int(99, 1001)}.${rng.int(10, 99)} Hz"`), o.src.ip, o.src.country);
    if (o.app === "http" && o.userAgent !== undefined && rng.chance(0.5)) this.http(o.tsUs + 30_000, o.src.ip, o.src.country, peer.port, o.destPort, o.userAgent, rng.chance(0.7) ? "English" : "none");
  }

  private http(t: number, ip: string, country: string, port: number, dport: number, ua: string, lang: string): void {
    const raw = `1:Host,User-Agent,Accept=[*/*],?Accept-Encoding:Connection,Accept-Language:${ua}`;
    this.out(t, this.line(t, "http request", { ip, port, dport }, "cli", `,"app":"???","lang":${JSON.stringify(lang)},"params":"none","raw_sig":${JSON.stringify(raw)}`), ip, country, undefined, [["raw_sig.software", ua], ["lang", lang]]);
  }
}
