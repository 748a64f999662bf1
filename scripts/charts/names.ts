/**
 * Names shown for keys the summary stores as codes: countries (ISO 3166-1 alpha-2, named in the
 * page's language by Intl.DisplayNames) and ports (a short service name where one is well known).
 */
import type { SiteSettings } from "../model/settings.ts";

export type Lang = "ja" | "en";

export const UNKNOWN_COUNTRY = "ZZ";

const displayNames = new Map<Lang, Intl.DisplayNames>();

function regionNames(lang: Lang): Intl.DisplayNames {
  let names = displayNames.get(lang);
  if (!names) {
    names = new Intl.DisplayNames([lang], { type: "region", fallback: "code" });
    displayNames.set(lang, names);
  }
  return names;
}

/** "CN" → "中国" / "China"; "ZZ" (GeoIP had no answer) → "不明" / "Unknown"; odd codes stay codes. */
export function countryName(code: string, lang: Lang): string {
  if (code === UNKNOWN_COUNTRY || !code) return lang === "ja" ? "不明" : "Unknown";
  if (!/^[A-Z]{2}$/.test(code)) return code;
  try {
    return regionNames(lang).of(code) ?? code;
  } catch {
    return code;
  }
}

/**
 * Services usually found on honeypot ports (T-Pot's defaults and the usual scan targets). Only a
 * label for readers; the port number is always shown beside it.
 */
const WELL_KNOWN_PORTS: Readonly<Record<number, string>> = {
  21: "FTP",
  22: "SSH",
  23: "Telnet",
  25: "SMTP",
  53: "DNS",
  80: "HTTP",
  81: "HTTP",
  110: "POP3",
  123: "NTP",
  135: "MSRPC",
  139: "NetBIOS",
  143: "IMAP",
  161: "SNMP",
  443: "HTTPS",
  445: "SMB",
  502: "Modbus",
  1080: "SOCKS",
  1433: "MSSQL",
  1521: "Oracle DB",
  1723: "PPTP",
  1883: "MQTT",
  1900: "SSDP",
  2222: "SSH",
  2323: "Telnet",
  2375: "Docker",
  3306: "MySQL",
  3389: "RDP",
  5000: "UPnP",
  5060: "SIP",
  5432: "PostgreSQL",
  5555: "ADB",
  5900: "VNC",
  6379: "Redis",
  7001: "WebLogic",
  8080: "HTTP",
  8081: "HTTP",
  8443: "HTTPS",
  8888: "HTTP",
  9200: "Elasticsearch",
  11211: "memcached",
  27017: "MongoDB",
};

/** The service name for a port: the site's own name for a watched port first, then the table. */
export function portService(port: number, site?: Pick<SiteSettings, "watchedPorts">): string | undefined {
  const watched = site?.watchedPorts.find((p) => p.port === port);
  if (watched && watched.name && watched.name !== String(port)) return watched.name;
  return WELL_KNOWN_PORTS[port];
}

/** "3389 (RDP)", or "40000" when no service name is known. */
export function portLabel(port: number, site?: Pick<SiteSettings, "watchedPorts">): string {
  const service = portService(port, site);
  return service ? `${port} (${service})` : String(port);
}
