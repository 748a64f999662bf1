/**
 * Conpot, one container (and file) per template: `conpot_IEC104.json` (IEC 104 on 2404/tcp and
 * SNMP on 161/udp), `conpot_guardian_ast.json` (10001/tcp), `conpot_ipmi.json` (623/udp),
 * `conpot_kamstrup_382.json` (1025/tcp, management 50100/tcp). Python json.dumps; every line of
 * a session carries the session's start as `timestamp` (`isoformat()`, no zone) and its `id`;
 * lines are written as things happen. TCP sessions: NEW_CONNECTION, data events (`event_type`
 * null), CONNECTION_LOST. UDP requests stand alone (`event_type` "SNMPv2 Get" …).
 * Realdata quirk: some records are written twice, byte for byte (T-Pot counts both; so do we).
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, pyIsoformat } from "./clock.ts";
import type { FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { SENSOR_PUBLIC_IP } from "./honeytrap.ts";
import { PotGenerator, uuid } from "./pot.ts";
import { pyString } from "./pyjson.ts";

interface Template {
  file: string;
  dstIp: string;
  weight: number;
}
const TEMPLATES: readonly Template[] = [
  { file: "conpot_guardian_ast.json", dstIp: "172.22.0.2", weight: 35 },
  { file: "conpot_IEC104.json", dstIp: "172.21.0.2", weight: 30 },
  { file: "conpot_kamstrup_382.json", dstIp: "172.24.0.2", weight: 25 },
  { file: "conpot_ipmi.json", dstIp: "172.23.0.2", weight: 10 },
];
const GUARDIAN_REQUESTS = ["I20100", "I20200", "I20300", "I20400", "I20500"];
const SNMP_OIDS: ReadonlyArray<readonly [string, string]> = [
  ["1.3.6.1.2.1.1.1.0", "Siemens, SIMATIC, S7-300"], ["1.3.6.1.2.1.1.5.0", ""], ["1.3.6.1.2.1.1.3.0", "18 days, 3:12:01"],
  ["1.3.6.1.2.1.47.1.1.1.1.7.0", ""], ["1.3.6.1.2.1.1.6.0", "Venus"],
];
const IEC104_REQUESTS = ["680407000000", "680443000000", "68040b000000"];
const RESPONSE = "\n\n\nI20100\nJUN 24, 2019  9:14 AM\n\n    STATION 104\n\n\n\nIN-TANK INVENTORY\n";

export const conpotFormat: FormatModule = {
  name: "conpot",
  dir: "conpot/log",
  streams: TEMPLATES.map((t) => stream(t.file)),
  countsAsAttack: true,
  fields: { request: "ics-request" },
  create: (ctx) => new ConpotGenerator(ctx),
};

class ConpotGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "conpot", { visitsPerWeek: 50 });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    let r = rng.next() * 100;
    let tpl = TEMPLATES[0]!;
    for (const t of TEMPLATES) if ((r -= t.weight) < 0) {
      tpl = t;
      break;
    }
    if (this.sweeping) tpl = TEMPLATES[0]!;
    const id = uuid(rng);
    const srcPort = this.ports.take(source.ip);
    const line = (port: number, dataType: string, request: string, response: string, eventType: string): string =>
      `{"timestamp": "${pyIsoformat(t0)}", "sensorid": "conpot", "id": "${id}", "src_ip": "${source.ip}", "src_port": ${srcPort}, "dst_ip": "${tpl.dstIp}", "dst_port": ${port}, "public_ip": "${SENSOR_PUBLIC_IP}", "data_type": "${dataType}", "request": ${request}, "response": ${response}, "event_type": ${eventType}}`;
    const ts = t0; // every line carries the session start

    if (tpl.file === "conpot_ipmi.json" || (tpl.file === "conpot_IEC104.json" && rng.chance(0.6))) {
      // Datagrams: each request its own "connection".
      const snmp = tpl.file === "conpot_IEC104.json";
      const port = snmp ? 161 : 623;
      const oids = [...SNMP_OIDS].sort(() => rng.next() - 0.5).slice(0, rng.int(1, 3));
      for (const [oid, val] of snmp ? oids : [["", ""] as const]) {
        const text = snmp
          ? line(port, "snmp", `{"oid": "${oid}", "val": ""}`, `{"oid": "${oid}", "val": ${pyString(val)}}`, `"${rng.chance(0.7) ? "SNMPv2" : "SNMPv1"} Get"`)
          : line(port, "ipmi", `"Get Channel Authentication Capabilities"`, "null", "null");
        this.out(t0 + rng.int(1000, 90_000), text, this.fact(ts, source, snmp ? "snmp" : "ipmi", { port }), undefined, tpl.file);
      }
      this.observe({ tsUs: t0, endUs: t0 + 100_000, src: source, srcPort, destPort: port, transport: "UDP", app: "other" });
      return;
    }
    const [port, dataType] = tpl.file === "conpot_guardian_ast.json" ? [10001, "guardian_ast"] : tpl.file === "conpot_IEC104.json" ? [2404, "IEC104"] : rng.chance(0.8) ? [1025, "kamstrup_protocol"] : [50100, "kamstrup_management_protocol"];
    const connect = line(port, dataType, "null", "null", '"NEW_CONNECTION"');
    this.out(t0, connect, this.fact(ts, source, "NEW_CONNECTION", { port }), undefined, tpl.file);
    if (tpl.file !== "conpot_IEC104.json" && rng.chance(0.25)) this.out(t0, connect, this.fact(ts, source, "NEW_CONNECTION", { port }), undefined, tpl.file);
    let t = t0;
    const requests = this.sweeping ? 1 : tpl.file === "conpot_kamstrup_382.json" ? 0 : rng.int(0, 2);
    const pool = tpl.file === "conpot_IEC104.json" ? IEC104_REQUESTS : GUARDIAN_REQUESTS;
    const used = new Set<string>();
    for (let i = 0; i < requests; i++) {
      t += rng.int(100_000, 3 * US_PER_SECOND);
      let request = rng.pick(pool);
      if (used.has(request)) continue;
      used.add(request);
      request = this.pick("ics-request", request, t);
      this.out(t, line(port, dataType, pyString(request), pyString(RESPONSE), "null"), this.fact(ts, source, "data"), [["request", request]], tpl.file);
    }
    t += rng.int(50_000, 20 * US_PER_SECOND);
    this.out(t, line(port, dataType, "null", "null", '"CONNECTION_LOST"'), this.fact(ts, source, "CONNECTION_LOST"), undefined, tpl.file);
    this.observe({ tsUs: t0, endUs: t, src: source, srcPort, destPort: port, transport: "TCP", app: "other" });
  }
}
