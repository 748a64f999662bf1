/**
 * Heralding (T-Pot 24.x: pop3 110, imap 143, smtps 465, imaps 993, pop3s 995, socks5 1080,
 * postgresql 5432, vnc 5900; its 21/22/23/25/80/443/3306/3389 mappings are commented out) as
 * realdata/tpot-2022 shows it, two files:
 *
 * - `auth.csv`: one row per authentication attempt, written at the attempt, Python csv module
 *   (QUOTE_MINIMAL, `\r\n` line ends), `%Y-%m-%d %H:%M:%S.%f` UTC without zone, 11 columns.
 *   The header row is written when Heralding starts on an empty file: the span's start and every
 *   clean restart (after an unclean one the file was not truncated: no header). VNC sends no
 *   username; Heralding recovers the password from the DES challenge-response when it is in its
 *   word list, else logs the challenge and response as `password_hash` (a quoted Python dict).
 * - `log_session.json`: one line per session, written when it ends, stamped with its start
 *   (`%Y-%m-%d %H:%M:%S.%f`, a space, no zone), Python json.dumps, `null` for missing credentials.
 *
 * Real VNC traffic dwarfs everything else (70,776 of 71,266 sessions in realdata): one VNC
 * brute-forcer at a time. Credentials are line-protocol values: they never hold CR or LF.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, spaceMicros } from "./clock.ts";
import type { AttackerField, Emit, FormatModule, GeneratorContext } from "./format.ts";
import { stream } from "./format.ts";
import { noLineBreaks } from "./hostile.ts";
import { SENSOR_PUBLIC_IP } from "./honeytrap.ts";
import { PotGenerator, uuid } from "./pot.ts";
import { csvField, pyString } from "./pyjson.ts";

const AUTH = "auth.csv";
const SESSIONS = "log_session.json";
const HEADER = "timestamp,auth_id,session_id,source_ip,source_port,destination_ip,destination_port,protocol,username,password,password_hash\r";

const PROTOCOLS: ReadonlyArray<{ protocol: string; port: number; weight: number; users: boolean }> = [
  { protocol: "vnc", port: 5900, weight: 50, users: false },
  { protocol: "socks5", port: 1080, weight: 10, users: true },
  { protocol: "postgresql", port: 5432, weight: 10, users: true },
  { protocol: "pop3", port: 110, weight: 8, users: true },
  { protocol: "imap", port: 143, weight: 7, users: true },
  { protocol: "pop3s", port: 995, weight: 6, users: true },
  { protocol: "smtps", port: 465, weight: 5, users: true },
  { protocol: "imaps", port: 993, weight: 4, users: true },
];
const VNC_CRACKED = ["123", "1234", "12345", "123456", "password", "admin", "111111", "qwerty", "1", "vnc"];

export const heraldingFormat: FormatModule = {
  name: "heralding",
  dir: "heralding/log",
  streams: [stream(AUTH), stream(SESSIONS)],
  countsAsAttack: true,
  fields: { username: "username", password: "password", "auth_attempts.username": "username", "auth_attempts.password": "password" },
  create: (ctx) => new HeraldingGenerator(ctx),
};

class HeraldingGenerator extends PotGenerator {
  private readonly weights: number[];

  constructor(ctx: GeneratorContext) {
    super(ctx, "heralding", { visitsPerWeek: 115, rhythm: { peakHour: 2 } });
    this.weights = PROTOCOLS.map((p) => p.weight);
  }

  onStart(atUs: number, freshFile: boolean, emit: Emit): void {
    if (freshFile) emit({ writeUs: atUs, line: HEADER, fact: null, file: AUTH });
  }

  protected visit(t0: number, source: Source): void {
    const { rng, ctx } = this;
    let proto = PROTOCOLS[0]!;
    for (let r = rng.next() * 100, i = 0; i < PROTOCOLS.length; i++) {
      if ((r -= this.weights[i]!) < 0) {
        proto = PROTOCOLS[i]!;
        break;
      }
    }
    // A sweep visit always authenticates, with both fields.
    if (this.sweeping && !proto.users) proto = PROTOCOLS[1]!;
    const session = uuid(rng);
    const srcPort = this.ports.take(source.ip);
    const tries = this.sweeping ? 1 : proto.protocol === "vnc" ? rng.int(0, 4) : rng.chance(0.5) ? 0 : rng.int(1, 3);
    let t = t0 + rng.int(300_000, 2_000_000);
    const attempts: string[] = [];
    const attacker: AttackerField[] = [];
    for (let i = 0; i < tries; i++) {
      t += rng.int(200_000, 3 * US_PER_SECOND);
      let username = "";
      let password = "";
      let hash = "";
      if (proto.users) {
        const c = ctx.plainValues.sshCredential(rng);
        username = this.pick("username", c.username, t, noLineBreaks, noLineBreaks);
        password = this.pick("password", c.password, t, noLineBreaks, noLineBreaks);
      } else if (rng.chance(0.4)) {
        password = rng.pick(VNC_CRACKED);
      } else {
        hash = `{'challenge': '${rng.hex(32)}', 'response': '${rng.hex(32)}'}`;
      }
      const row = [spaceMicros(t), uuid(rng), session, source.ip, String(srcPort), SENSOR_PUBLIC_IP, String(proto.port), proto.protocol, username, password, hash].map(csvField).join(",");
      const fields: AttackerField[] = proto.users ? [["username", username], ["password", password]] : [];
      this.out(t, `${row}\r`, this.fact(t, source, "auth"), fields, AUTH);
      attacker.push(...(proto.users ? ([["auth_attempts.username", username], ["auth_attempts.password", password]] as const) : []));
      const json = (v: string): string => (v === "" ? "null" : pyString(v));
      attempts.push(`{"timestamp": "${spaceMicros(t)}", "username": ${json(username)}, "password": ${json(password)}}`);
    }
    const end = t + rng.int(50_000, 2 * US_PER_SECOND);
    const duration = Math.floor((end - t0) / US_PER_SECOND);
    const line =
      `{"timestamp": "${spaceMicros(t0)}", "duration": ${duration}, "session_id": "${session}", "source_ip": "${source.ip}", "source_port": ${srcPort}, ` +
      `"destination_ip": "${SENSOR_PUBLIC_IP}", "destination_port": ${proto.port}, "protocol": "${proto.protocol}", "num_auth_attempts": ${tries}, ` +
      `"auth_attempts": [${attempts.join(", ")}], "session_ended": true, "auxiliary_data": {}}`;
    this.out(end, line, this.fact(t0, source, "session", { port: proto.port }), attacker, SESSIONS);
    this.observe({ tsUs: t0, endUs: end, src: source, srcPort, destPort: proto.port, transport: "TCP", app: "other" });
  }
}
