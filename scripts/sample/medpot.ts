/**
 * Medpot (HL7 2575) `medpot/log/medpot.log`: zap JSON, one line per connection ("Connection
 * found"), `timestamp` RFC 3339 UTC at second precision (T-Pot's pinned 2019 version),
 * `src_port` a string, `data` the HL7 message base64-encoded (attacker bytes, but encoded: no
 * hostile text can show in it). A start-up line has no source.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, honeytrapTimestamp } from "./clock.ts";
import type { Emit, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { PotGenerator } from "./pot.ts";

const HL7 = [
  "MSH|^~\\&|ADT1|MCM|LABADT|MCM|198808181126|SECURITY|ADT^A01|MSG00001|P|2.4\r",
  "MSH|^~\\&|||||20190624||QRY^A19|1|P|2.3\rQRD|20190624|R|I|Q1||||PID|",
  "",
];
const seconds = (us: number): number => Math.floor(us / US_PER_SECOND) * US_PER_SECOND;

export const medpotFormat: FormatModule = {
  name: "medpot",
  dir: "medpot/log",
  streams: [stream("medpot.log")],
  countsAsAttack: true,
  fields: {},
  create: (ctx) => new MedpotGenerator(ctx),
};

class MedpotGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "medpot", { visitsPerWeek: 14 });
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    emit({ writeUs: atUs, line: `{"level":"info","message":"Medpot started"}`, fact: null });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    let t = t0;
    for (let i = 0, n = rng.chance(0.8) ? 1 : 2; i < n; i++) {
      const srcPort = this.ports.take(source.ip);
      const data = Buffer.from(rng.pick(HL7)).toString("base64");
      this.out(t, `{"level":"info","message":"Connection found","timestamp":"${honeytrapTimestamp(t)}","src_port":"${srcPort}","src_ip":"${source.ip}","data":"${data}"}`, this.fact(seconds(t), source, "connection", { port: 2575 }));
      this.observe({ tsUs: t, endUs: t + rng.int(100_000, 2 * US_PER_SECOND), src: source, srcPort, destPort: 2575, transport: "TCP", app: "other" });
      t += rng.int(2 * US_PER_SECOND, 30 * US_PER_SECOND);
    }
  }
}
