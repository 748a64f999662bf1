/**
 * Mailoney 24.x (`schizo_open_relay`, SMTP 25/587 → 25) `mailoney/log/commands.log`: one Python
 * JSON line per SMTP command, `timestamp` = strftime("20%y-%m-%dT%H:%M:%S.000000Z") (second
 * precision with a fake fraction), `data` the line (over 4096 characters: "BIGSIZE"), `emails`
 * with the recipients on the message body. No connection record: the greeting stands for it.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, honeytrapTimestamp } from "./clock.ts";
import type { FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { PotGenerator } from "./pot.ts";
import { pyString } from "./pyjson.ts";

const NAMES = ["User", "ylmf-pc", "WIN-CLJ1B0GQ6JP", "localhost", "mail.example.com", "[198.51.100.2]"];
const SENDERS = ["<spameri@tiscali.it>", "<admin@example.net>", "<info@mailer.example.org>"];
const RECIPIENTS = ["<rcpt@example.com>", "<test@example.org>", "<check@example.net>"];
const seconds = (us: number): number => Math.floor(us / US_PER_SECOND) * US_PER_SECOND;
/** `%Y-%m-%dT%H:%M:%S` + the literal `.000000Z`. */
const stamp = (us: number): string => honeytrapTimestamp(us).replace("Z", ".000000Z");

export const mailoneyFormat: FormatModule = {
  name: "mailoney",
  dir: "mailoney/log",
  streams: [stream("commands.log")],
  countsAsAttack: true,
  fields: { data: "smtp-data" },
  create: (ctx) => new MailoneyGenerator(ctx),
};

class MailoneyGenerator extends PotGenerator {
  constructor(ctx: GeneratorContext) {
    super(ctx, "mailoney", { visitsPerWeek: 15 });
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const srcPort = this.ports.take(source.ip);
    let t = t0;
    const send = (data: string, type: string, extra = ""): void => {
      const shown = data.length > 4096 ? "BIGSIZE" : data;
      const ts = seconds(t);
      this.out(t, `{"timestamp": "${stamp(ts)}", "src_ip": "${source.ip}", "src_port": ${srcPort}, "data": ${pyString(shown)}${extra}}`, this.fact(ts, source, type, type === "greeting" ? { port: 25 } : {}), [["data", data, shown === data]]);
      t += rng.int(300_000, 2 * US_PER_SECOND);
    };
    send(`${rng.chance(0.7) ? "EHLO" : "HELO"} ${rng.pick(NAMES)}`, "greeting");
    if (this.sweeping) {
      send(this.pick("smtp-data", "NOOP", t, (p) => p.text.length <= 4096), "command");
    } else if (rng.chance(0.3)) {
      send("AUTH LOGIN", "command");
      send(Buffer.from(rng.pick(["admin", "test", "info"])).toString("base64"), "command");
      send(Buffer.from(rng.pick(["123456", "password", "admin123"])).toString("base64"), "command");
    } else if (rng.chance(0.6)) {
      const rcpt = rng.pick(RECIPIENTS);
      send(`MAIL FROM:${this.pick("smtp-data", rng.pick(SENDERS), t)}`, "command");
      send(`RCPT TO:${rcpt}`, "command");
      send("DATA", "command");
      send(`From: ${rng.pick(SENDERS)}\r\nSubject: test ${rng.hex(6)}\r\n\r\nrelay test`, "command", `, "emails": [${pyString(rcpt.slice(1, -1))}]`);
    }
    if (rng.chance(0.7)) send("QUIT", "command");
    this.observe({ tsUs: t0, endUs: t, src: source, srcPort, destPort: 25, transport: "TCP", app: "other" });
  }
}
