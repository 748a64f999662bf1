/**
 * Dicompot (DICOM 11112, host 104 too) `dicompot/log/dicompot.log`: logrus JSON (Go: keys
 * sorted, `<>&` escaped), `time` `YYYY-MM-DD HH:MM:SS` container local (= UTC). Only the
 * connection line names the peer (`IP`, `Port` as a string); commands and the end carry the `ID`.
 * lumberjack (`MaxSize 10`, `MaxBackups 3`) renames the file to `dicompot-<UTC time>.log` when a
 * write would pass 10 MiB: the planted C-FIND flood after the last week makes it happen.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, spaceSeconds } from "./clock.ts";
import type { Emit, FormatModule, GeneratorContext, HourWindow } from "./format.ts";
import { stream } from "./format.ts";
import type { PlantedFlood } from "./planted.ts";
import { PotGenerator } from "./pot.ts";
import { goString } from "./pyjson.ts";

const AE_TITLES = ["ANY-SCP", "FINDSCU", "ECHOSCU", "STORESCU", "ORTHANC", "DCM4CHEE"];
const COMMANDS = ["C-ECHO", "C-FIND", "C-MOVE", "C-GET", "C-STORE"];
const seconds = (us: number): number => Math.floor(us / US_PER_SECOND) * US_PER_SECOND;

export const dicompotFormat: FormatModule = {
  name: "dicompot",
  dir: "dicompot/log",
  streams: [stream("dicompot.log", { kind: "size", style: "lumberjack", maxBytes: 10 * 1024 * 1024, backups: 3 })],
  countsAsAttack: true,
  fields: { AETitle: "dicom-ae-title" },
  create: (ctx) => new DicompotGenerator(ctx),
};

class DicompotGenerator extends PotGenerator {
  private readonly flood: PlantedFlood | undefined;
  private floodDone = 0;
  private floodBytes = 0;
  private readonly floodCap: number;

  constructor(ctx: GeneratorContext) {
    super(ctx, "dicompot", { visitsPerWeek: 14 });
    this.flood = ctx.planted.floods.find((f) => f.honeypot === "dicompot");
    this.floodCap = this.flood?.lines ?? 0;
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    emit({ writeUs: atUs, line: `{"level":"info","msg":"Starting DICOM server on port 11112","time":"${spaceSeconds(atUs)}"}`, fact: null });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const id = rng.hex(8);
    let t = t0;
    this.out(t, `{"ID":"${id}","IP":"${source.ip}","Port":"${this.ports.take(source.ip)}","level":"warning","msg":"Connection from","time":"${spaceSeconds(t)}"}`, this.fact(seconds(t), source, "connection", { port: 11112 }));
    const commands = this.sweeping ? ["C-ECHO"] : [...COMMANDS].sort(() => rng.next() - 0.5).slice(0, rng.int(1, 2));
    for (const command of commands) {
      t += rng.int(100_000, 2 * US_PER_SECOND);
      const ae = this.pick("dicom-ae-title", rng.pick(AE_TITLES), t);
      this.out(t, `{"AETitle":${goString(ae)},"Command":"${command}","ID":"${id}","level":"info","msg":"","time":"${spaceSeconds(t)}"}`, this.fact(seconds(t), null, "command"), [["AETitle", ae]]);
    }
    t += rng.int(100_000, 3 * US_PER_SECOND);
    this.out(t, `{"ID":"${id}","Status":"Finished","level":"info","msg":"Connection","time":"${spaceSeconds(t)}"}`, this.fact(seconds(t), null, "finished"));
    this.observe({ tsUs: t0, endUs: t, src: source, srcPort: 0, destPort: 11112, transport: "TCP", app: "other" });
  }

  /** The planted flood: one scanner's C-FIND loop, its lines spread over the flood's hours. */
  protected afterHour(hour: HourWindow): void {
    const f = this.flood;
    if (!f || hour.endUs <= f.startUs || hour.startUs >= f.endUs || this.floodBytes >= f.bytes) return;
    const step = (f.endUs - f.startUs) / this.floodCap;
    const id = "f100d0c0";
    for (; this.floodDone < this.floodCap && this.floodBytes < f.bytes; this.floodDone++) {
      const t = f.startUs + Math.floor(this.floodDone * step);
      if (t >= hour.endUs) break;
      const n = String(this.floodDone).padStart(6, "0");
      const line = `{"AETitle":"FINDSCU","Command":"C-FIND","ID":"${id}","Identifier":"(0008,0052) QueryRetrieveLevel=STUDY (0010,0010) PatientName=* (0010,0020) PatientID=${n} (0020,000D) StudyInstanceUID=","level":"info","msg":"","time":"${spaceSeconds(t)}"}`;
      this.floodBytes += line.length + 1;
      this.out(t, line, this.fact(seconds(t), null, "command"));
    }
    f.lines = this.floodDone;
  }
}
