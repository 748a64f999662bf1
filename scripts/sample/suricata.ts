/**
 * Suricata's eve.json as T-Pot 24.x runs it (ET Open rules, container TZ = UTC, so timestamps
 * end in `+0000`): alerts for what the honeypots saw, with ET-style signatures, SIDs and rule
 * metadata (`metadata.cve` in ET's underscore form, e.g. ["CVE_2019_2725"]), plus some non-alert
 * events (flow, ssh, http, anomaly). Alerts are counted as alerts, never as attacks.
 *
 * Suricata sees both directions: response-side signatures (GPL ATTACK_RESPONSE …) have the
 * sensor's own address as `src_ip`, a trap for "top source" lists.
 *
 * The signatures are ET-style and illustrative: messages and categories follow ET Open, the
 * SIDs and revisions are plausible, not a copy of a rule set.
 */
import type { Source } from "./addresses.ts";
import { US_PER_HOUR, US_PER_SECOND, suricataTimestamp } from "./clock.ts";
import { EphemeralPorts, stream } from "./format.ts";
import type { AttackerField, Emit, EventFact, FormatGenerator, FormatModule, GeneratorContext, HourWindow, JunkKind, LogRecord, Observation } from "./format.ts";
import { HOST_IP, SENSOR_PUBLIC_IP } from "./honeytrap.ts";
import { glued } from "./junk.ts";
import { hash32, rngFor } from "./prng.ts";
import type { Rng } from "./prng.ts";
import { WEBLOGIC_PORT } from "./planted.ts";

interface Signature {
  sid: number;
  rev: number;
  msg: string;
  category: string;
  severity: number;
  metadata: Readonly<Record<string, readonly string[]>>;
}

const sig = (sid: number, rev: number, msg: string, category: string, severity: number, metadata: Record<string, string[]> = {}): Signature => ({ sid, rev, msg, category, severity, metadata });

const SIGNATURES = {
  sshScan: sig(2001219, 20, "ET SCAN Potential SSH Scan", "Attempted Information Leak", 2, { created_at: ["2010_07_30"], updated_at: ["2010_07_30"] }),
  miraiTelnet: sig(2023019, 2, "ET TELNET busybox MIRAI hackers - Possible Brute Force Attack", "Attempted Administrator Privilege Gain", 1, { attack_target: ["IoT"], created_at: ["2016_08_08"], deployment: ["Perimeter"], signature_severity: ["Major"], updated_at: ["2016_10_13"] }),
  idRoot: sig(2100498, 8, "GPL ATTACK_RESPONSE id check returned root", "Potentially Bad Traffic", 2, { created_at: ["2010_09_23"], updated_at: ["2019_07_26"] }),
  eternalBlueEcho: sig(2024218, 3, "ET EXPLOIT Possible ETERNALBLUE MS17-010 Echo Request (set)", "Attempted Administrator Privilege Gain", 1, { attack_target: ["SMB_Server"], created_at: ["2017_04_17"], deployment: ["Internal"], former_category: ["EXPLOIT"], signature_severity: ["Critical"], updated_at: ["2017_07_06"] }),
  eternalBlueProbe: sig(2025649, 2, "ET EXPLOIT Possible ETERNALBLUE Probe MS17-010 (Generic Flags)", "Attempted Administrator Privilege Gain", 1, { affected_product: ["Windows_XP_Vista_7_8_10_Server_32_64_Bit"], attack_target: ["SMB_Server"], created_at: ["2018_07_11"], cve: ["CVE_2017_0143", "CVE_2017_0144"], deployment: ["Internal"], signature_severity: ["Critical"], updated_at: ["2019_05_14"] }),
  mssql: sig(2010935, 3, "ET SCAN Suspicious inbound to MSSQL port 1433", "Potentially Bad Traffic", 2, { created_at: ["2010_07_30"], former_category: ["HUNTING"], updated_at: ["2018_03_27"] }),
  mysql: sig(2010937, 3, "ET SCAN Suspicious inbound to mySQL port 3306", "Potentially Bad Traffic", 2, { created_at: ["2010_07_30"], former_category: ["HUNTING"], updated_at: ["2018_03_27"] }),
  rdpScan: sig(2001569, 15, "ET SCAN Behavioral Unusual Port 3389 traffic Potential Scan", "Attempted Information Leak", 2, { created_at: ["2010_07_30"], updated_at: ["2010_07_30"] }),
  rdpNonStandard: sig(2023753, 2, "ET SCAN MS Terminal Server Traffic on Non-standard Port", "Attempted Information Leak", 2, { attack_target: ["Server"], created_at: ["2017_01_23"], deployment: ["Datacenter"], signature_severity: ["Minor"], updated_at: ["2018_10_15"] }),
  thinkphp: sig(2026731, 2, "ET WEB_SERVER ThinkPHP RCE Exploitation Attempt", "Web Application Attack", 1, { affected_product: ["Apache_HTTP_server"], attack_target: ["Web_Server"], created_at: ["2018_12_13"], cve: ["CVE_2018_20062"], deployment: ["Perimeter"], signature_severity: ["Major"], updated_at: ["2018_12_13"] }),
  shellUri: sig(2024916, 3, "ET EXPLOIT Possible Linux/IoT Shell Command in URI (wget)", "Attempted Administrator Privilege Gain", 1, { attack_target: ["IoT"], created_at: ["2017_10_30"], deployment: ["Perimeter"], signature_severity: ["Major"], updated_at: ["2019_01_08"] }),
  weblogic2725: sig(2027332, 2, "ET EXPLOIT Oracle WebLogic wls9_async Deserialization Remote Code Execution (CVE-2019-2725)", "Attempted Administrator Privilege Gain", 1, { affected_product: ["Oracle_WebLogic_Server"], attack_target: ["Server"], created_at: ["2019_04_26"], cve: ["CVE_2019_2725"], deployment: ["Perimeter"], signature_severity: ["Major"], updated_at: ["2019_05_02"] }),
  weblogic2729: sig(2027479, 1, "ET EXPLOIT Oracle WebLogic XMLDecoder Deserialization Bypass Attempt (CVE-2019-2729)", "Attempted Administrator Privilege Gain", 1, { affected_product: ["Oracle_WebLogic_Server"], attack_target: ["Server"], created_at: ["2019_06_19"], cve: ["CVE_2019_2729"], deployment: ["Perimeter"], signature_severity: ["Major"], updated_at: ["2019_06_19"] }),
  sipvicious: sig(2011716, 4, "ET SCAN Sipvicious User-Agent Detected (friendly-scanner)", "Attempted Information Leak", 2, { created_at: ["2010_07_30"], updated_at: ["2019_07_26"] }),
  dshield: sig(2402000, 5271, "ET DROP Dshield Block Listed Source", "Misc Attack", 2, { affected_product: ["Any"], attack_target: ["Any"], created_at: ["2010_12_30"], deployment: ["Perimeter"], signature_severity: ["Major"], tag: ["Dshield"], updated_at: ["2019_06_24"] }),
  spamhaus: sig(2400003, 2661, "ET DROP Spamhaus DROP Listed Traffic Inbound group 4", "Misc Attack", 2, { affected_product: ["Any"], attack_target: ["Any"], created_at: ["2010_12_30"], deployment: ["Perimeter"], signature_severity: ["Minor"], tag: ["Dshield"], updated_at: ["2019_06_21"] }),
  cins: sig(2403346, 50312, "ET CINS Active Threat Intelligence Poor Reputation IP group 47", "Misc Attack", 2, { affected_product: ["Any"], attack_target: ["Any"], created_at: ["2013_10_08"], deployment: ["Perimeter"], signature_severity: ["Major"], tag: ["CINS"], updated_at: ["2019_06_25"] }),
  xss: sig(2009714, 7, "ET WEB_SERVER Script tag in URI Possible Cross Site Scripting Attempt", "Web Application Attack", 1, { affected_product: ["Web_Server_Applications"], attack_target: ["Web_Server"], created_at: ["2010_07_30"], deployment: ["Datacenter"], signature_severity: ["Major"], tag: ["XSS", "Cross_Site_Scripting"], updated_at: ["2016_07_01"] }),
} as const;

const REPUTATION = [SIGNATURES.dshield, SIGNATURES.spamhaus, SIGNATURES.cins];
/** The SSH server banner Cowrie presents by default. */
const COWRIE_BANNER = "OpenSSH_6.0p1 Debian-4+deb7u2";
const APP_PROTO: Partial<Record<Observation["app"], string>> = { ssh: "ssh", smb: "smb", http: "http", weblogic: "http", ftp: "ftp", rdp: "rdp", telnet: "telnet" };

/** The CVE ids of a signature: metadata.cve (underscored) and any CVE in its message. */
export function signatureCves(s: Signature): string[] {
  const ids = new Set<string>((s.metadata.cve ?? []).map((c) => c.replaceAll("_", "-")));
  for (const m of s.msg.matchAll(/CVE-\d{4}-\d{4,7}/g)) ids.add(m[0]);
  return [...ids].sort();
}

export const suricataFormat: FormatModule = {
  name: "suricata",
  dir: "suricata/log",
  streams: [stream("eve.json")],
  countsAsAttack: false,
  // Alert records carry the flow's app-layer metadata (T-Pot's eve-log alert `metadata: yes`).
  fields: { "alert.http.url": "alert-payload", "alert.http.http_user_agent": "user-agent", "http.url": "http-path", "http.http_user_agent": "user-agent", "ssh.client.software_version": "ssh-version" },
  create: (ctx) => new SuricataGenerator(ctx),
};

class SuricataGenerator implements FormatGenerator {
  private rng: Rng;
  private readonly sweepRng: Rng;
  private readonly ports: EphemeralPorts;
  private readonly cves = new Map<number, string[]>();
  private emit: (record: LogRecord) => void = () => {};

  constructor(private readonly ctx: GeneratorContext) {
    this.rng = ctx.rng;
    this.sweepRng = rngFor(ctx.seed, "suricata:hostile");
    this.ports = new EphemeralPorts(rngFor(ctx.seed, "suricata:ports"));
    for (const s of Object.values(SIGNATURES)) this.cves.set(s.sid, signatureCves(s));
  }

  generateHour(hour: HourWindow, emit: (record: LogRecord) => void): void {
    this.emit = emit;
    const { rng, ctx } = this;
    for (const o of ctx.observations.splice(0)) this.observe(o);
    // Traffic no honeypot answers but Suricata still sees: SIP scanners on 5060/udp.
    const sip = rng.poisson(1.5 * ctx.scale * ((hour.endUs - hour.startUs) / US_PER_HOUR));
    for (let i = 0; i < sip; i++) {
      const source = ctx.sources.scan.pick(rng);
      const t = hour.startUs + Math.floor(rng.next() * (hour.endUs - hour.startUs));
      this.alert(t, this.flowId(), source, this.ports.take(source.ip), 5060, "UDP", SIGNATURES.sipvicious, "sip");
    }
    if (rng.chance(0.4 * Math.min(1, ctx.scale * 4))) {
      const source = ctx.sources.scan.pick(rng);
      const t = hour.startUs + Math.floor(rng.next() * (hour.endUs - hour.startUs));
      const line = `{"timestamp":"${suricataTimestamp(t)}","in_iface":"eth0","event_type":"anomaly","src_ip":"${source.ip}","src_port":${this.ports.take(source.ip)},"dest_ip":"${HOST_IP}","dest_port":${rng.int(1, 65535)},"proto":"TCP","anomaly":{"type":"stream","event":"stream.pkt_invalid_timestamp"}}`;
      emit({ writeUs: t, line, fact: { tsUs: t, src: source.ip, country: source.country, type: "anomaly" } });
    }
  }

  junk(kind: JunkKind, atUs: number): LogRecord | null {
    if (kind !== "not-json") return null;
    const a = `{"timestamp":"${suricataTimestamp(atUs - 3000)}","flow_id":${this.flowId()},"in_iface":"eth0","event_type":"flow","src_ip":"${HOST_IP}"}`;
    const b = `{"timestamp":"${suricataTimestamp(atUs)}","flow_id":${this.flowId()},"in_iface":"eth0","event_type":"flow"}`;
    return { writeUs: atUs, fact: null, junk: kind, line: glued(a, b, this.rng) };
  }

  private flowId(): number {
    // Suricata's flow ids are 51-bit-ish unsigned integers.
    return 1_000_000_000_000_000 + Math.floor(this.rng.next() * 1_200_000_000_000_000);
  }

  private observe(o: Observation): void {
    const { rng, ctx } = this;
    const flow = this.flowId();
    const at = (): number => o.tsUs + rng.int(500, 400_000);
    const proto = APP_PROTO[o.app];
    // IP reputation lists match every flow of a listed address.
    if (hash32(o.src.ip, ctx.seed) % 100 < 12 && rng.chance(0.6)) {
      this.alert(at(), flow, o.src, o.srcPort, o.destPort, o.transport, REPUTATION[hash32(o.src.ip, 7) % REPUTATION.length]!, undefined);
    }
    switch (o.app) {
      case "ssh":
        if (rng.chance(0.1)) this.alert(at(), flow, o.src, o.srcPort, o.destPort, "TCP", SIGNATURES.sshScan, proto);
        if (o.detail && rng.chance(0.35)) this.sshEvent(at(), flow, o, o.detail);
        break;
      case "telnet":
        if (o.detail?.includes("busybox") && rng.chance(0.8)) this.alert(at(), flow, o.src, o.srcPort, o.destPort, "TCP", SIGNATURES.miraiTelnet, proto);
        // Response side: the honeypot's own address is the alert's source.
        if (o.detail && rng.chance(0.04)) this.alert(o.endUs - rng.int(1000, 50_000), flow, { ip: HOST_IP, country: "--" }, o.destPort, o.destPort, "TCP", SIGNATURES.idRoot, proto, { ip: o.src.ip, port: o.srcPort });
        break;
      case "smb":
        if (rng.chance(0.3)) this.alert(at(), flow, o.src, o.srcPort, o.destPort, "TCP", SIGNATURES.eternalBlueEcho, proto);
        else if (rng.chance(0.08)) this.alert(at(), flow, o.src, o.srcPort, o.destPort, "TCP", SIGNATURES.eternalBlueProbe, proto);
        break;
      case "mssql":
        if (rng.chance(0.8)) this.alert(at(), flow, o.src, o.srcPort, o.destPort, "TCP", SIGNATURES.mssql, undefined);
        break;
      case "mysql":
        if (rng.chance(0.8)) this.alert(at(), flow, o.src, o.srcPort, o.destPort, "TCP", SIGNATURES.mysql, undefined);
        break;
      case "rdp":
        if (o.destPort === 3389) {
          if (rng.chance(0.3)) this.alert(at(), flow, o.src, o.srcPort, o.destPort, "TCP", SIGNATURES.rdpScan, proto);
        } else if (rng.chance(0.9)) this.alert(at(), flow, o.src, o.srcPort, o.destPort, "TCP", SIGNATURES.rdpNonStandard, proto);
        break;
      case "weblogic":
        this.alert(at(), flow, o.src, o.srcPort, o.destPort, "TCP", o.detail === "CVE-2019-2729" ? SIGNATURES.weblogic2729 : SIGNATURES.weblogic2725, proto);
        this.httpEvent(at(), flow, o, o.detail === "CVE-2019-2729" ? "/wls-wsat/CoordinatorPortType" : "/_async/AsyncResponseService", "POST");
        break;
      case "http":
        if (o.detail?.includes("invokefunction")) this.alert(at(), flow, o.src, o.srcPort, o.destPort, "TCP", SIGNATURES.thinkphp, proto, undefined, o);
        else if (o.detail?.includes("wget")) this.alert(at(), flow, o.src, o.srcPort, o.destPort, "TCP", SIGNATURES.shellUri, proto, undefined, o);
        else if (o.detail !== undefined && /<script|%3Cscript/i.test(o.detail)) this.alert(at(), flow, o.src, o.srcPort, o.destPort, "TCP", SIGNATURES.xss, proto, undefined, o);
        if (o.detail && (o.destPort === WEBLOGIC_PORT || rng.chance(0.6))) this.httpEvent(at(), flow, o, o.detail, "GET");
        break;
      default:
        break;
    }
    if (rng.chance(0.12)) this.flowEvent(flow, o, proto);
  }

  private alert(tsUs: number, flow: number, src: Source, srcPort: number, destPort: number, transport: "TCP" | "UDP", s: Signature, appProto: string | undefined, dest?: { ip: string; port: number }, http?: Observation): void {
    const destIp = dest?.ip ?? HOST_IP;
    const dPort = dest?.port ?? destPort;
    const metadata = Object.entries(s.metadata).map(([k, v]) => `"${k}":${JSON.stringify(v)}`).join(",");
    let app = "";
    let attacker: AttackerField[] | undefined;
    if (http?.detail !== undefined) {
      // The flow's HTTP transaction, as eve-log's alert metadata adds it.
      const ua = http.userAgent === undefined ? "" : `,"http_user_agent":${JSON.stringify(http.userAgent)}`;
      app = `,"http":{"hostname":"${SENSOR_PUBLIC_IP}","url":${JSON.stringify(http.detail)}${ua},"http_method":"GET","protocol":"HTTP/1.1","length":0}`;
      attacker = [["alert.http.url", http.detail], ...(http.userAgent === undefined ? [] : [["alert.http.http_user_agent", http.userAgent] as AttackerField])];
    }
    const line =
      `{"timestamp":"${suricataTimestamp(tsUs)}","flow_id":${flow},"in_iface":"eth0","event_type":"alert","src_ip":"${src.ip}","src_port":${srcPort},"dest_ip":"${destIp}","dest_port":${dPort},"proto":"${transport}",` +
      `"alert":{"action":"allowed","gid":1,"signature_id":${s.sid},"rev":${s.rev},"signature":${JSON.stringify(s.msg)},"category":${JSON.stringify(s.category)},"severity":${s.severity},"metadata":{${metadata}}}` +
      `${app}${appProto ? `,"app_proto":"${appProto}"` : ""},"flow":{"pkts_toserver":${this.rng.int(1, 8)},"pkts_toclient":${this.rng.int(0, 6)},"bytes_toserver":${this.rng.int(60, 2400)},"bytes_toclient":${this.rng.int(0, 1800)},"start":"${suricataTimestamp(tsUs - this.rng.int(1000, 300_000))}"}}`;
    const fact: EventFact = { tsUs, src: src.ip, country: src.country, type: "alert", alert: { sid: s.sid, signature: s.msg, cves: this.cves.get(s.sid) ?? [], destPort: dPort } };
    this.emit(attacker && this.ctx.hostile ? { writeUs: tsUs, line, fact, attacker } : { writeUs: tsUs, line, fact });
  }

  /**
   * Hostile mode: an HTTP request whose path and User-Agent come from the corpus, seen as an XSS
   * alert with the request's metadata and as an http event, and an SSH banner from the corpus.
   */
  hostileVisit(atUs: number, emit: Emit): void {
    this.emit = emit;
    const h = this.ctx.hostile!;
    this.rng = this.sweepRng;
    try {
      const src = this.ctx.sources.scan.pick(this.rng);
      const srcPort = this.ports.take(src.ip);
      const url = h.sweep("alert-payload", atUs);
      const o: Observation = { tsUs: atUs, endUs: atUs + 200_000, src, srcPort, destPort: 80, transport: "TCP", app: "http", detail: url, userAgent: h.sweep("user-agent", atUs) };
      this.alert(atUs + 1000, this.flowId(), src, srcPort, 80, "TCP", SIGNATURES.xss, "http", undefined, o);
      this.httpEvent(atUs + 2000, this.flowId(), { ...o, detail: h.sweep("http-path", atUs) }, o.detail!, "GET");
      const banner = h.sweep("ssh-version", atUs);
      this.sshEvent(atUs + 3000, this.flowId(), { ...o, destPort: 22, srcPort: srcPort + 1 }, `SSH-2.0-${banner}`);
    } finally {
      this.rng = this.ctx.rng;
    }
  }

  private sshEvent(tsUs: number, flow: number, o: Observation, banner: string): void {
    const match = /^SSH-([\d.]+)-([\s\S]*)$/.exec(banner);
    const software = match ? match[2]! : banner;
    const client = `{"proto_version":${JSON.stringify(match ? match[1] : "")},"software_version":${JSON.stringify(software)}}`;
    const line = `{"timestamp":"${suricataTimestamp(tsUs)}","flow_id":${flow},"in_iface":"eth0","event_type":"ssh","src_ip":"${o.src.ip}","src_port":${o.srcPort},"dest_ip":"${HOST_IP}","dest_port":${o.destPort},"proto":"TCP","ssh":{"client":${client},"server":{"proto_version":"2.0","software_version":"${COWRIE_BANNER}"}}}`;
    const fact: EventFact = { tsUs, src: o.src.ip, country: o.src.country, type: "ssh" };
    this.emit(this.ctx.hostile ? { writeUs: tsUs, line, fact, attacker: [["ssh.client.software_version", software]] } : { writeUs: tsUs, line, fact });
  }

  private httpEvent(tsUs: number, flow: number, o: Observation, url: string, method: string): void {
    const ua = o.userAgent === undefined || o.app !== "http" ? "" : `,"http_user_agent":${JSON.stringify(o.userAgent)}`;
    const line = `{"timestamp":"${suricataTimestamp(tsUs)}","flow_id":${flow},"in_iface":"eth0","event_type":"http","src_ip":"${o.src.ip}","src_port":${o.srcPort},"dest_ip":"${HOST_IP}","dest_port":${o.destPort},"proto":"TCP","tx_id":0,"http":{"hostname":"${SENSOR_PUBLIC_IP}","http_port":${o.destPort},"url":${JSON.stringify(url)}${ua},"http_method":"${method}","protocol":"HTTP/1.1","length":0}}`;
    const fact: EventFact = { tsUs, src: o.src.ip, country: o.src.country, type: "http" };
    const attacker: AttackerField[] = [["http.url", url], ...(ua === "" ? [] : [["http.http_user_agent", o.userAgent!] as AttackerField])];
    this.emit(this.ctx.hostile ? { writeUs: tsUs, line, fact, attacker } : { writeUs: tsUs, line, fact });
  }

  private flowEvent(flow: number, o: Observation, appProto: string | undefined): void {
    const rng = this.rng;
    const end = o.endUs + rng.int(1000, 2 * US_PER_SECOND);
    const line =
      `{"timestamp":"${suricataTimestamp(end)}","flow_id":${flow},"in_iface":"eth0","event_type":"flow","src_ip":"${o.src.ip}","src_port":${o.srcPort},"dest_ip":"${HOST_IP}","dest_port":${o.destPort},"proto":"${o.transport}"${appProto ? `,"app_proto":"${appProto}"` : ""},` +
      `"flow":{"pkts_toserver":${rng.int(1, 40)},"pkts_toclient":${rng.int(0, 30)},"bytes_toserver":${rng.int(60, 9000)},"bytes_toclient":${rng.int(0, 9000)},"start":"${suricataTimestamp(o.tsUs)}","end":"${suricataTimestamp(o.endUs)}","age":${Math.max(0, Math.round((o.endUs - o.tsUs) / US_PER_SECOND))},"state":"closed","reason":"timeout","alerted":false},"tcp":{"tcp_flags":"1b","syn":true,"fin":true,"psh":true,"ack":true,"state":"closed"}}`;
    this.emit({ writeUs: end, line, fact: { tsUs: end, src: o.src.ip, country: o.src.country, type: "flow" } });
  }
}
