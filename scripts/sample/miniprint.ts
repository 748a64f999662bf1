/**
 * Miniprint (printer, 9100) `miniprint/log/miniprint.json`: Python JSON, `timestamp` ISO with
 * microseconds and `Z`, `dest_port` 9100; a connection opens (`action` open_conn, `event`
 * connection, with the source port), PJL requests (`command`), print jobs (`job_text`), close.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, isoMicros } from "./clock.ts";
import type { FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { PotGenerator } from "./pot.ts";
import { pyString } from "./pyjson.ts";

const REQUESTS: ReadonlyArray<readonly [command: string, event: string, info: string]> = [
  ["@PJL INFO ID", "info_id", "ID requested"], ["@PJL INFO STATUS", "info_status", "Status requested"],
  ['@PJL FSDIRLIST NAME="0:/" ENTRY=1 COUNT=65535', "fsdirlist", "Directory listing requested"], ["@PJL INFO CONFIG", "info_config", "Config requested"],
];

export const miniprintFormat: FormatModule = {
  name: "miniprint",
  dir: "miniprint/log",
  streams: [stream("miniprint.json")],
  countsAsAttack: true,
  fields: { command: "command", job_text: "print-job" },
  create: (ctx) => new MiniprintGenerator(ctx),
};

class MiniprintGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "miniprint", { visitsPerWeek: 12 });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const srcPort = this.ports.take(source.ip);
    const head = (t: number, info: string): string => `{"timestamp": "${isoMicros(t)}Z", "info": ${pyString(info)}, "src_ip": "${source.ip}"`;
    let t = t0;
    this.out(t, `${head(t, "Connection opened")}, "src_port": ${srcPort}, "dest_port": 9100, "action": "open_conn", "event": "connection", "session_id": "${rng.hex(4)}"}`, this.fact(t, source, "connection", { port: 9100 }));
    const requests = this.sweeping ? [REQUESTS[0]!] : [...REQUESTS].sort(() => rng.next() - 0.5).slice(0, rng.int(0, 3));
    for (const [ordinary, event, info] of requests) {
      t += rng.int(50_000, 2 * US_PER_SECOND);
      const command = this.pick("command", ordinary, t);
      this.out(t, `${head(t, info)}, "dest_port": 9100, "action": "request", "event": "${event}", "command": ${pyString(command)}}`, this.fact(t, source, event), [["command", command]]);
    }
    if (this.sweeping || rng.chance(0.25)) {
      t += rng.int(50_000, 2 * US_PER_SECOND);
      const job = this.pick("print-job", "%!PS-Adobe-3.0\nshowpage\n", t);
      this.out(t, `${head(t, "Raw print job appended")}, "dest_port": 9100, "action": "saving", "event": "append_raw_print_job", "job_text": ${pyString(job)}}`, this.fact(t, source, "append_raw_print_job"), [["job_text", job]]);
    }
    t += rng.int(50_000, 5 * US_PER_SECOND);
    this.out(t, `${head(t, "Connection closed")}, "dest_port": 9100, "action": "close_conn", "event": "connection_closed"}`, this.fact(t, source, "connection_closed"));
    this.observe({ tsUs: t0, endUs: t, src: source, srcPort, destPort: 9100, transport: "TCP", app: "other" });
  }
}
