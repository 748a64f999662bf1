/**
 * Wordpot (WordPress, standard host 8080 → 80) `wordpot/log/wordpot.log`: Python JSON from T-Pot's
 * fork (`timestamp` `isoformat()` naive local = UTC, `src_port`/`dest_port` strings, the container
 * port "80"), plugin fields (badlogin: username/password; commonfiles: filename …), mixed with
 * werkzeug's access lines and its start-up banner. RotatingFileHandler(2 MiB, 10 backups) rolls
 * the file over to `wordpot.log.1` …: the planted wp-login flood after the last week does it.
 */
import type { Source } from "./addresses.ts";
import { US_PER_SECOND, pyIsoformat } from "./clock.ts";
import type { AttackerField, Emit, FormatModule, GeneratorContext, HourWindow } from "./format.ts";
import { stream } from "./format.ts";
import { SENSOR_PUBLIC_IP } from "./honeytrap.ts";
import type { PlantedFlood } from "./planted.ts";
import { PotGenerator } from "./pot.ts";
import { pyString } from "./pyjson.ts";

const PAGES: ReadonlyArray<readonly [path: string, plugin: string, extra: string]> = [
  ["/wp-login.php", "badlogin", ""], ["/wp-login.php", "badlogin", ""], ["/readme.html", "commonfiles", "readme.html"], ["/", "", ""],
  ["/?author=1", "userenumeration", "1"], ["/wp-content/plugins/timthumb.php", "timthumb", ""], ["/xmlrpc.php", "", ""],
];
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

function werkzeugTime(us: number): string {
  const d = new Date(Math.floor(us / 1000));
  const p = (n: number): string => String(n).padStart(2, "0");
  return `${p(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}:${p(d.getUTCSeconds())}`;
}

export const wordpotFormat: FormatModule = {
  name: "wordpot",
  dir: "wordpot/log",
  streams: [stream("wordpot.log", { kind: "size", style: "python", maxBytes: 2 * 1024 * 1024, backups: 10 })],
  countsAsAttack: true,
  fields: { url: "url", user_agent: "user-agent", username: "username", password: "password" },
  create: (ctx) => new WordpotGenerator(ctx),
};

class WordpotGenerator extends PotGenerator {
  private readonly flood: PlantedFlood | undefined;
  private readonly floodCap: number;
  private readonly floodSource: Source;
  private floodDone = 0;
  private floodBytes = 0;

  constructor(ctx: GeneratorContext) {
    super(ctx, "wordpot", { visitsPerWeek: 26 });
    this.flood = ctx.planted.floods.find((f) => f.honeypot === "wordpot");
    this.floodCap = this.flood?.lines ?? 0;
    this.floodSource = ctx.sources.scan.pick(ctx.rng);
  }

  onStart(atUs: number, _fresh: boolean, emit: Emit): void {
    emit({ writeUs: atUs, line: " * Running on http://0.0.0.0:80/ (Press CTRL+C to quit)", fact: null });
  }

  private request(t: number, source: Source, srcPort: number, path: string, plugin: string, extra: string, agent: string, credential: { username: string; password: string } | null): number {
    const rng = this.rng;
    const url = this.pick("url", `http://${SENSOR_PUBLIC_IP}:8080${path}`, t);
    const ua = this.pick("user-agent", agent, t);
    const fields: AttackerField[] = [["url", url], ["user_agent", ua]];
    let line = `{"timestamp": "${pyIsoformat(t)}", "src_ip": "${source.ip}", "src_port": "${srcPort}", "dest_ip": "0.0.0.0", "dest_port": "80", "browser_family": "Other", "browser_version": "", "os_family": "Other", "os_version": "", "device_family": "Other", "user_agent": ${pyString(ua)}, "url": ${pyString(url)}`;
    if (credential) {
      const username = this.pick("username", credential.username, t);
      const password = this.pick("password", credential.password, t);
      fields.push(["username", username], ["password", password]);
      line += `, "username": ${pyString(username)}, "password": ${pyString(password)}`;
    }
    if (plugin === "commonfiles") line += `, "filename": "${extra}"`;
    if (plugin === "userenumeration") line += `, "author": "${extra}"`;
    if (plugin !== "") line += `, "plugin": "${plugin}"`;
    line += "}";
    this.out(t, line, this.fact(t, source, plugin === "" ? "request" : plugin, { port: 8080 }), fields);
    let bytes = line.length + 1;
    if (rng.chance(0.5)) {
      const access = `${source.ip} - - [${werkzeugTime(t)}] "${credential ? "POST" : "GET"} ${path} HTTP/1.1" ${plugin === "badlogin" ? 200 : 404} -`;
      this.out(t + 1000, access, null);
      bytes += access.length + 1;
    }
    return bytes;
  }

  protected visit(t0: number, source: Source): void {
    const rng = this.rng;
    const agent = this.ctx.plainValues.userAgent(rng);
    const requests = this.sweeping ? 1 : rng.chance(0.6) ? 1 : rng.int(2, 5);
    let t = t0;
    for (let i = 0; i < requests; i++) {
      const [path, plugin, extra] = this.sweeping ? PAGES[0]! : rng.pick(PAGES);
      const srcPort = this.ports.take(source.ip);
      this.request(t, source, srcPort, path, plugin, extra, agent, plugin === "badlogin" ? this.ctx.plainValues.sshCredential(rng) : null);
      this.observe({ tsUs: t, endUs: t + rng.int(20_000, 600_000), src: source, srcPort, destPort: 8080, transport: "TCP", app: "http", detail: path, userAgent: agent });
      t += rng.int(300_000, 4 * US_PER_SECOND);
    }
  }

  /** The planted flood: one bot's wp-login.php brute force, evenly over its hours. */
  protected afterHour(hour: HourWindow): void {
    const f = this.flood;
    if (!f || hour.endUs <= f.startUs || hour.startUs >= f.endUs || this.floodBytes >= f.bytes) return;
    const step = (f.endUs - f.startUs) / this.floodCap;
    for (; this.floodDone < this.floodCap && this.floodBytes < f.bytes; this.floodDone++) {
      const t = f.startUs + Math.floor(this.floodDone * step);
      if (t >= hour.endUs) break;
      const password = `${["admin", "password", "wordpress", "qwerty", "letmein"][this.floodDone % 5]}${Math.floor(this.floodDone / 5)}`;
      this.floodBytes += this.request(t, this.floodSource, this.ports.take(this.floodSource.ip), "/wp-login.php", "badlogin", "", "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:40.0) Gecko/20100101 Firefox/40.1", { username: "admin", password });
    }
    f.lines = this.floodDone;
  }
}
