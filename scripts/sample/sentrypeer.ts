/**
 * SentryPeer (SIP 5060) `sentrypeer/log/sentrypeer.json` as realdata/tpot-2022 (1.2.0) shows it:
 * compact JSON, `source_ip` a bare address, `destination_ip` the container's address (no port),
 * `created_by_node_id` equal to `event_uuid` (a 1.x quirk), the whole SIP message.
 * `event_timestamp`: `%Y-%m-%d %H:%M:%S` + `.%06ld` of the nanoseconds, so 6 to 9 digits that
 * are an integer count of ns (`.5000000` is 5 ms). Scanners: sipvicious OPTIONS, sipcli INVITE
 * runs over international prefixes, REGISTER guesses, and empty probes (every field "").
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, spaceSeconds } from "./clock.ts";
import type { FormatModule, GeneratorContext, JunkKind, LogRecord } from "./format.ts";
import { stream } from "./format.ts";
import { SENSOR_PUBLIC_IP } from "./honeytrap.ts";
import { cutOff } from "./junk.ts";
import { PotGenerator, uuid } from "./pot.ts";

const DEST_IP = "192.168.48.2";
const NUMBERS = ["+972598377238", "011972598377238", "9011972598377238", "810972598377238", "00972598377238", "100", "1000", "201"];

export const sentrypeerFormat: FormatModule = {
  name: "sentrypeer",
  dir: "sentrypeer/log",
  streams: [stream("sentrypeer.json")],
  countsAsAttack: true,
  fields: { sip_method: "sip-method", sip_user_agent: "sip-user-agent", called_number: "sip-called-number" },
  create: (ctx) => new SentrypeerGenerator(ctx),
};

class SentrypeerGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "sentrypeer", { visitsPerWeek: 80, rhythm: { peakHour: 4 } });
  }

  finalLine(spanEndUs: number): LogRecord {
    const source = this.ctx.sources.scan.pick(this.rng);
    return { writeUs: spanEndUs - 300_000, fact: null, junk: "cut-off" as JunkKind, line: cutOff(this.line(spanEndUs - 300_000, source, "OPTIONS", "friendly-scanner", "100", 5060), this.rng) };
  }

  private stamp(us: number): { text: string; tsUs: number } {
    const ns = (us % US_PER_SECOND) * 1000 + this.rng.int(0, 999);
    return { text: `${spaceSeconds(us)}.${String(ns).padStart(6, "0")}`, tsUs: us };
  }

  private line(t: number, source: Source, method: string, agent: string, number: string, sport: number): string {
    const id = uuid(this.rng);
    const call = this.rng.hex(32);
    const message = method === "" ? "" :
      `${method} sip:${number}@${SENSOR_PUBLIC_IP} SIP/2.0\r\nVia: SIP/2.0/UDP ${source.ip}:${sport};branch=z9hG4bK-${this.rng.hex(32)};rport\r\nFrom: 201 <sip:201@${SENSOR_PUBLIC_IP}>;tag=${this.rng.hex(8)}\r\n` +
      `To: ${number} <sip:${number}@${SENSOR_PUBLIC_IP}>\r\nCall-ID: ${call}\r\nCSeq: 1 ${method}\r\nContact: <sip:201@${source.ip}:${sport}>\r\nMax-forwards: 70\r\nUser-agent: ${agent}\r\nContent-Length: 0\r\n\r\n`;
    return `{"app_name":"sentrypeer","app_version":"1.2.0","event_timestamp":"${this.stamp(t).text}","event_uuid":"${id}","created_by_node_id":"${id}","collected_method":"responsive","transport_type":"UDP","source_ip":"${source.ip}","destination_ip":"${DEST_IP}","called_number":${JSON.stringify(number)},"sip_method":${JSON.stringify(method)},"sip_user_agent":${JSON.stringify(agent)},"sip_message":${JSON.stringify(message)}}`;
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const roll = this.sweeping ? 0.5 : rng.next();
    const sport = rng.int(5060, 5090);
    const [method, agent, count] = roll < 0.06 ? ["", "", 1] : roll < 0.45 ? ["OPTIONS", "friendly-scanner", 1] : roll < 0.85 ? ["INVITE", "sipcli/v1.8", rng.int(2, 6)] : ["REGISTER", "VaxSIPUserAgent/3.1", rng.int(1, 3)];
    let t = t0;
    for (let i = 0; i < (this.sweeping ? 1 : count); i++) {
      const m = method === "" ? "" : this.pick("sip-method", method, t);
      const a = method === "" ? "" : this.pick("sip-user-agent", agent, t);
      const n = method === "" ? "" : this.pick("sip-called-number", method === "OPTIONS" ? "100" : rng.pick(NUMBERS), t);
      this.out(t, this.line(t, source, m, a, n, sport), this.fact(t, source, "sip", { port: 5060 }), method === "" ? undefined : [["sip_method", m], ["sip_user_agent", a], ["called_number", n]]);
      t += rng.int(2 * US_PER_SECOND, 16 * US_PER_SECOND);
    }
    this.observe({ tsUs: t0, endUs: t, src: source, srcPort: sport, destPort: 5060, transport: "UDP", app: "other" });
  }
}
