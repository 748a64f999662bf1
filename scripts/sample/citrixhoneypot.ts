/**
 * CitrixHoneypot (CVE-2019-19781, 443) `citrixhoneypot/log/server.log`: python-json-logger lines
 * `{"asctime": "YYYY-MM-DD HH:MM:SS,mmm", "levelname", "message": "(ip:port): …"}`. Each request
 * first as `<METHOD> Header: <path>`, then the honeypot's verdicts on it. Not rotated by T-Pot:
 * logrotate.template names `…/logs/server.log`, a typo, so this file only grows.
 * Python's http.server keeps the request line as latin-1 text: no invalid UTF-8, no line breaks.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, asctime } from "./clock.ts";
import type { Emit, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { noLineBreaks, validUtf8 } from "./hostile.ts";
import type { HostilePayload } from "../hostile/corpus.ts";
import { PotGenerator } from "./pot.ts";
import { pyString } from "./pyjson.ts";

const SCANS = ["/vpn/../vpns/cfg/smb.conf", "/vpn/../vpns/", "/vpn/index.html", "/", "/vpn/js/../../vpns/cfg/smb.conf"];
const PAYLOADS = ["[% template.new('BLOCK' = 'print `id`') %]", "[% template.new('BLOCK' = 'print `cat /etc/passwd`') %]"];
const textOnly = (p: HostilePayload): boolean => validUtf8(p) && noLineBreaks(p);
const ms = (us: number): number => Math.floor(us / 1000) * 1000;

export const citrixhoneypotFormat: FormatModule = {
  name: "citrixhoneypot",
  dir: "citrixhoneypot/log",
  streams: [stream("server.log", "none", false)],
  countsAsAttack: true,
  fields: { "message.path": "http-path", "message.payload": "http-body" },
  create: (ctx) => new CitrixGenerator(ctx),
};

class CitrixGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "citrixhoneypot", { visitsPerWeek: 22 });
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    emit({ writeUs: atUs, line: `{"asctime": "${asctime(atUs)}", "levelname": "INFO", "message": "Server started on port 443"}`, fact: null });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const srcPort = this.ports.take(source.ip);
    const peer = `(${source.ip}:${srcPort})`;
    const line = (t: number, level: string, text: string): string => `{"asctime": "${asctime(t)}", "levelname": "${level}", "message": ${pyString(`${peer}: ${text}`)}}`;
    let t = t0;
    const exploit = this.sweeping || rng.chance(0.3);
    const path = this.pick("http-path", exploit ? "/vpns/portal/scripts/newbm.pl" : rng.pick(SCANS), t, textOnly, textOnly);
    const method = exploit ? "POST" : "GET";
    this.out(t, line(t, "INFO", `${method} Header: ${path}`), this.fact(ms(t), source, "request", { port: 443 }), [["message.path", path]]);
    if (exploit) {
      t += rng.int(1000, 90_000);
      const payload = this.pick("http-body", rng.pick(PAYLOADS), t, textOnly, textOnly);
      this.out(t, line(t, "CRITICAL", `Detected CVE-2019-19781 payload: ${payload}`), this.fact(ms(t), source, "payload"), [["message.payload", payload]]);
    } else if (path.includes("../vpns/")) {
      t += rng.int(1000, 90_000);
      this.out(t, line(t, "WARNING", `Detected type ${rng.int(1, 2)} CVE-2019-19781 scan attempt!`), this.fact(ms(t), source, "scan"));
    }
    this.observe({ tsUs: t0, endUs: t + rng.int(10_000, US_PER_SECOND), src: source, srcPort, destPort: 443, transport: "TCP", app: "http", detail: path });
  }
}
