/**
 * A plain, independent reading of every sample format, for the tests: JSON.parse, csv-parse and a
 * few regular expressions, written from reference/TPOT-LOGS.md §1.4, sharing no code with the
 * generator or the pipeline's parsers. For a line it says whether it is an event, when, from
 * where, on which port (connections), and which attacker-controlled values it holds.
 */
import { parse as parseCsv } from "csv-parse/sync";

export interface PlainEvent {
  /** Event time, ms UTC. */
  t: number;
  src?: string;
  /** Set on connection events (with or without a port). */
  connect: boolean;
  port?: number;
  /** Sensors (p0f, fatt, Suricata): not honeypot events. */
  sensor?: boolean;
  /** p0f: the client OS as the pipeline keeps it. */
  os?: string;
  alert?: { destPort: number; cves: string[] };
  /** Cowrie's eventid. */
  type?: string;
}

/** What a line is: an event, a valid line that is no event, or a line that is not valid for its format. */
export type PlainLine = { kind: "event"; event: PlainEvent; fields: Array<[kind: string, value: string]> } | { kind: "not-an-event"; fields: Array<[string, string]> } | { kind: "invalid"; why: string };

type Rec = Record<string, any>;
const utc = (s: string): number => Date.parse(/[zZ]$|[+-]\d\d:?\d\d$/.test(s) ? s : `${s}Z`);
const spaced = (s: string): number => utc(s.replace(" ", "T"));
const str = (v: unknown): v is string => typeof v === "string";
const stripMapped = (ip: string): string => ip.replace(/^::ffff:/i, "");
const event = (e: PlainEvent, fields: Array<[string, string]> = []): PlainLine => ({ kind: "event", event: e, fields: fields.filter(([, v]) => str(v)) });
const noEvent = (fields: Array<[string, string]> = []): PlainLine => ({ kind: "not-an-event", fields });

/** A JSON object line, or why not. */
function json(line: string): Rec | string {
  try {
    const v = JSON.parse(line);
    return typeof v === "object" && v !== null && !Array.isArray(v) ? v : "not an object";
  } catch (e) {
    return String(e);
  }
}

/** Reads one line of `file` (path relative to the tree root) of honeypot `hp`. */
export function readPlain(hp: string, file: string, line: string, pyDict: (line: string) => Rec | undefined): PlainLine {
  const base = file.split("/").pop()!;
  if (hp === "heralding" && base.startsWith("auth.csv")) {
    if (line.startsWith("timestamp,")) return noEvent();
    let rows: string[][];
    try {
      rows = parseCsv(line.replace(/\r$/, ""), { relax_quotes: false });
    } catch (e) {
      return { kind: "invalid", why: String(e) };
    }
    const c = rows[0];
    if (rows.length !== 1 || !c || c.length !== 11) return { kind: "invalid", why: `${c?.length} columns` };
    return event({ t: spaced(c[0]!), src: c[3]!, connect: false }, [["username", c[8]!], ["password", c[9]!]]);
  }
  if (hp === "ciscoasa") {
    if (!line.startsWith("{")) return noEvent();
    const r = pyDict(line);
    if (!r) return { kind: "invalid", why: "not a Python dict" };
    const list = Array.isArray(r.payload_printable);
    const m = !list && str(r.payload_printable) ? /^"GET ([\s\S]*) HTTP\/1\.1" \d+ -$/.exec(r.payload_printable) : null;
    return event({ t: utc(r.timestamp), src: r.src_ip, connect: true, port: list ? 5000 : 8443 }, m ? [["http-path", m[1]!]] : []);
  }
  if (hp === "endlessh") {
    const m = /^(\S+) (ACCEPT|CLOSE) host=(\S+) port=(\d+) /.exec(line);
    if (!m) return /^\S+Z \w+/.test(line) ? noEvent() : { kind: "invalid", why: "not an endlessh line" };
    return event({ t: utc(m[1]!), src: stripMapped(m[3]!), connect: m[2] === "ACCEPT", ...(m[2] === "ACCEPT" ? { port: 22 } : {}) });
  }
  if (hp === "rdpy") {
    if (line.startsWith("[*]")) return noEvent();
    const comma = line.indexOf(",");
    const t = utc(line.slice(0, comma));
    const rest = line.slice(comma + 1);
    const conn = /^Connection from (\S+):(\d+)$/.exec(rest);
    if (conn) return event({ t, src: conn[1]!, connect: true, port: 3389 });
    const c = /^domain:[^,]*,username:([^,]*),password:([^,]*),hostname:([^,]*)$/.exec(rest);
    if (!c) return { kind: "invalid", why: "not an rdpy line" };
    return event({ t, connect: false }, [["username", c[1]!], ["password", c[2]!], ["client-hostname", c[3]!]]);
  }
  // Text lines mixed into JSON logs.
  const mixed = ["ddospot", "wordpot", "redishoneypot"];
  if (mixed.includes(hp) && !line.startsWith("{")) return noEvent();
  const r = json(line);
  if (typeof r === "string") return { kind: "invalid", why: r };

  switch (hp) {
    case "cowrie": {
      const id = String(r.eventid);
      const f: Array<[string, string]> = [];
      if (id.startsWith("cowrie.login.")) f.push(["username", r.username], ["password", r.password]);
      if (id === "cowrie.client.version") f.push(["ssh-version", r.version]);
      if (id === "cowrie.client.kex") f.push(["hassh", r.hassh], ["hassh", r.hasshAlgorithms]);
      if (id.startsWith("cowrie.command.")) f.push(["command", r.input]);
      if (id.startsWith("cowrie.session.file_download")) f.push(["url", r.url]);
      if (id.startsWith("cowrie.direct-tcpip")) f.push(["tunnel-host", r.dst_ip]);
      const connect = id === "cowrie.session.connect";
      return event({ t: utc(r.timestamp), src: r.src_ip, connect, ...(connect ? { port: r.dst_port } : {}), type: id }, f);
    }
    case "dionaea":
      return event({ t: utc(r.timestamp), src: stripMapped(r.src_ip), connect: true, port: r.dst_port }, [
        ...((r.credentials?.username ?? []) as string[]).map((u): [string, string] => ["username", u]),
        ...((r.credentials?.password ?? []) as string[]).map((p): [string, string] => ["password", p]),
      ]);
    case "honeytrap": {
      if (String(r["@timestamp"]).startsWith("1970-")) return { kind: "invalid", why: "impossible record" };
      const a = r.attack_connection;
      const text = Buffer.from(a.payload.data_hex, "hex").toString("utf8");
      const path = /^GET ([\s\S]*?) HTTP\/1\.1\r\n/.exec(text);
      const ua = /\r\nUser-Agent: ([\s\S]*?)\r\nAccept: /.exec(text);
      return event({ t: utc(r["@timestamp"]), src: a.remote_ip, connect: true, port: a.local_port }, [...(path ? [["http-path", path[1]!] as [string, string]] : []), ...(ua ? [["user-agent", ua[1]!] as [string, string]] : [])]);
    }
    case "heralding":
      return event({ t: spaced(r.timestamp), src: r.source_ip, connect: true, port: r.destination_port }, (r.auth_attempts as Rec[]).flatMap((a): Array<[string, string]> => [["username", a.username], ["password", a.password]]));
    case "conpot": {
      const connect = r.event_type === "NEW_CONNECTION" || (["snmp", "ipmi", "bacnet"].includes(String(r.data_type).toLowerCase()) && r.event_type !== "CONNECTION_LOST");
      return event({ t: utc(r.timestamp), src: r.src_ip, connect, ...(connect ? { port: r.dst_port } : {}) }, str(r.request) ? [["ics-request", r.request]] : []);
    }
    case "adbhoney": {
      const connect = r.eventid === "adbhoney.session.connect";
      return event({ t: utc(r.timestamp), src: r.src_ip, connect, ...(connect ? { port: Number(r.dest_port) } : {}) }, [["command", r.input], ["url", r.src_url], ["filename", r.filename]]);
    }
    case "citrixhoneypot": {
      const m = /^\(([\d.]+):(\d+)\): ([\s\S]*)$/.exec(String(r.message));
      if (!m) return noEvent();
      const req = /^([A-Z]{3,7}) Header: ([\s\S]*)$/.exec(m[3]!);
      const payload = /^Detected CVE-2019-19781 payload: ([\s\S]*)$/.exec(m[3]!);
      return event({ t: utc(String(r.asctime).replace(" ", "T").replace(",", ".")), src: m[1]!, connect: !!req, ...(req ? { port: 443 } : {}) }, [...(req ? [["http-path", req[2]!] as [string, string]] : []), ...(payload ? [["http-body", payload[1]!] as [string, string]] : [])]);
    }
    case "elasticpot":
      return event({ t: utc(r.timestamp), src: r.src_ip, connect: true, port: r.dst_port }, [["http-path", r.url], ["user-agent", r.user_agent], ["http-body", r.payload]]);
    case "mailoney": {
      const greeting = /^\s*(HELO|EHLO)/i.test(String(r.data));
      return event({ t: utc(r.timestamp), src: r.src_ip, connect: greeting, ...(greeting ? { port: 25 } : {}) }, [["smtp-data", r.data]]);
    }
    case "tanner":
      return event({ t: utc(r.timestamp), src: r.peer.ip, connect: true, port: 80 }, [["http-path", r.path], ["user-agent", r.headers["user-agent"]], ["http-header", r.headers.referer], ["http-body", r.post_data?.["0x[]"]]]);
    case "redishoneypot": {
      if (r.action === undefined) return noEvent();
      const ip = String(r.addr).slice(0, String(r.addr).lastIndexOf(":"));
      const connect = r.action === "NewConnect";
      return event({ t: spaced(r.time), src: ip, connect, ...(connect ? { port: 6379 } : {}) }, r.action !== "NewConnect" && r.action !== "Closed" ? [["redis-command", r.action]] : []);
    }
    case "sentrypeer": {
      const [sec, digits = "0"] = String(r.event_timestamp).split(".");
      return event({ t: spaced(sec!) + Math.floor(Number(digits) / 1e6), src: r.source_ip, connect: true, port: 5060 }, r.sip_method === "" ? [] : [["sip-method", r.sip_method], ["sip-user-agent", r.sip_user_agent], ["sip-called-number", r.called_number]]);
    }
    case "ddospot": {
      const ports: Record<string, number> = { chargenpot: 19, dnspot: 53, ntpot: 123, ssdpot: 1900 };
      const port = ports[base.split(".")[0]!];
      return event({ t: spaced(r.time), src: r.src_ip, connect: true, ...(port === undefined ? {} : { port }) }, [["dns-name", r.dns_name]]);
    }
    case "dicompot":
      if (r.IP === undefined && r.Command === undefined && r.ID === undefined) return noEvent();
      return event({ t: spaced(r.time), ...(r.IP ? { src: r.IP } : {}), connect: !!r.IP, ...(r.IP ? { port: 11112 } : {}) }, [["dicom-ae-title", r.AETitle]]);
    case "medpot":
      if (r.src_ip === undefined) return noEvent();
      return event({ t: utc(r.timestamp), src: r.src_ip, connect: true, port: 2575 });
    case "ipphoney":
      return event({ t: utc(String(r.timestamp).replace(/\+00:00Z$/, "Z")), src: r.src_ip, connect: true, port: r.dst_port }, [["http-path", r.url], ["user-agent", r.user_agent]]);
    case "log4pot": {
      if (r.reason === "start" || r.reason === "end") return noEvent();
      const req = str(r.request) ? /^GET ([\s\S]*) HTTP\/1\.1$/.exec(r.request) : null;
      const request = r.reason === "request";
      return event({ t: utc(r.timestamp), ...(r.client ? { src: r.client } : {}), connect: request, ...(request ? { port: 8080 } : {}) }, [...(req ? [["http-path", req[1]!] as [string, string]] : []), ["user-agent", r.headers?.["User-Agent"]], ["http-body", r.payload]]);
    }
    case "h0neytr4p":
      return event({ t: utc(r.timestamp), src: r.src_ip, connect: true, port: r.dest_port === "2087" ? 2087 : 443 }, [["http-path", r.request_uri], ["user-agent", r["user-agent"]], ["http-header", r["header_accept-language"]], ["http-body", r.payload]]);
    case "wordpot":
      return event({ t: utc(r.timestamp), src: r.src_ip, connect: true, port: 8080 }, [["url", r.url], ["user-agent", r.user_agent], ["username", r.username], ["password", r.password]]);
    case "honeyaml":
      if (r.target !== "honeyaml::access-log" || r.src_ip === undefined) return noEvent();
      return event({ t: utc(r.timestamp), src: r.src_ip, connect: true, port: 3000 }, [["http-path", r.path], ["user-agent", r.user_agent], ["http-body", r.body], ["http-header", r.authorization]]);
    case "miniprint": {
      const connect = r.action === "open_conn" || r.event === "connection";
      return event({ t: utc(r.timestamp), src: r.src_ip, connect, ...(connect ? { port: r.dest_port } : {}) }, [["command", r.command], ["print-job", r.job_text]]);
    }
    case "beelzebub": {
      const login = r.username !== undefined || r.password !== undefined;
      const connect = !login && (r.status === "Start" || (r.status === "Stateless" && String(r.protocol).toLowerCase() !== "ssh"));
      return event({ t: utc(r.timestamp), src: r.src_ip, connect, ...(connect ? { port: Number(r.dest_port) } : {}) }, [
        ["username", r.username], ["password", r.password], ["ssh-version", r.client], ["command", r.input], ["http-path", r.request_uri], ["user-agent", r.userAgent], ["http-body", r.body],
      ]);
    }
    case "galah":
      if (r.src_ip === undefined) return noEvent();
      return event({ t: utc(r.timestamp), src: r.src_ip, connect: true, port: Number(r.dest_port) }, [["http-path", r["request.requestURI"]], ["user-agent", r["request.userAgent"]], ["http-body", r["request.body"]], ["http-header", r["request.headers.Accept-Language"]]]);
    case "go-pot":
      if (r.dest_port === undefined) return noEvent();
      return event({ t: utc(r.timestamp), src: r.src_ip, connect: r.phase === "start", ...(r.phase === "start" ? { port: 8080 } : {}) }, [["http-path", r.path], ["user-agent", r.user_agent], ["http-header", r.host]]);
    case "glutton":
      if (r.src_ip === undefined) return noEvent();
      return event({ t: Math.floor(Number(r.ts) * 1000), src: r.src_ip, connect: r.dest_port !== undefined, ...(r.dest_port !== undefined ? { port: Number(r.dest_port) } : {}) });
    case "hellpot": {
      if (r.REMOTE_ADDR === undefined) return noEvent();
      const ip = String(r.REMOTE_ADDR).replace(/:\d+$/, "");
      return event({ t: utc(r.time), src: ip, connect: r.message === "NEW", ...(r.message === "NEW" ? { port: 80 } : {}) }, [["http-path", r.URL], ["user-agent", r.USERAGENT]]);
    }
    case "honeypots":
      if (r.action === "process" || r.src_ip === "0.0.0.0") return noEvent();
      return event({ t: utc(r.timestamp), src: r.src_ip, connect: r.action === "connection", ...(r.action === "connection" ? { port: Number(r.dest_port) } : {}) }, [["username", r.username], ["password", r.password]]);
    case "rdphoneypot": {
      const connect = String(r.eventid).endsWith(".connect");
      return event({ t: utc(String(r.timestamp).replace(/\+00:00Z$/, "Z")), src: r.src_ip, connect, ...(connect ? { port: r.dst_port } : {}) }, [["username", r.username], ["password", r.password], ["client-hostname", r.hostname]]);
    }
    case "p0f": {
      const raw = String(r.raw_sig ?? "");
      const software = r.mod === "http request" ? raw.split(":").slice(3).join(":") : undefined;
      const os = r.subject === "cli" && str(r.os) && r.os !== "???" ? r.os : undefined;
      return event({ t: spaced(String(r.timestamp).replaceAll("/", "-")), src: r.client_ip, connect: false, sensor: true, ...(os ? { os } : {}) }, [["fingerprint", software as string], ["http-header", r.lang]]);
    }
    case "fatt": {
      const server = r.ssh?.hasshServer !== undefined || r.tls?.ja3s !== undefined;
      const cookie = str(r.rdp?.cookie) ? r.rdp.cookie.replace(/^mstshash=/, "") : undefined;
      return event({ t: utc(r.timestamp), src: server ? r.destinationIp : r.sourceIp, connect: false, sensor: true }, [
        ["ssh-version", r.ssh?.client], ["hassh", r.ssh?.hassh], ["hassh", r.ssh?.hasshAlgorithms], ["user-agent", r.http?.userAgent], ["http-path", r.http?.requestURI], ["client-hostname", r.tls?.serverName], ["fingerprint", cookie as string],
      ]);
    }
    case "suricata": {
      const alert = r.event_type === "alert";
      const f: Array<[string, string]> = alert ? [["alert-payload", r.http?.url], ["user-agent", r.http?.http_user_agent]] : r.event_type === "http" ? [["http-path", r.http?.url], ["user-agent", r.http?.http_user_agent]] : r.event_type === "ssh" ? [["ssh-version", r.ssh?.client?.software_version]] : [];
      return event({ t: utc(String(r.timestamp).replace(/\+0000$/, "+00:00")), src: r.src_ip, connect: false, sensor: true, ...(alert ? { alert: { destPort: r.dest_port, cves: ((r.alert.metadata?.cve ?? []) as string[]).map((c) => c.replaceAll("_", "-")) } } : {}) }, f);
    }
    default:
      return { kind: "invalid", why: `no plain reader for ${hp}` };
  }
}
