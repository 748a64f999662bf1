/**
 * The week's focus topics: the watched ports and CVEs of the settings, unless a post's front matter
 * names its own (`watchedPorts: [3389, 7001]`, `watchedCves: ["CVE-2019-2725"]`). A port added after
 * the week was aggregated works, because summaries keep every port.
 */
import type { SiteSettings, WatchedCve, WatchedPort } from "../model/settings.ts";
import { isPort, normalizeCveId } from "./subject.ts";

export interface Focus {
  ports: WatchedPort[];
  cves: WatchedCve[];
}

/** Override: port numbers and CVE ids, as a post's front matter holds them. */
export interface FocusOverride {
  ports?: readonly number[];
  cves?: readonly string[];
}

/** Names for well-known ports, used when a front-matter port is not among the settings' ports. */
const KNOWN_PORT_NAMES: Record<number, string> = {
  21: "FTP",
  22: "SSH",
  23: "Telnet",
  25: "SMTP",
  80: "HTTP",
  443: "HTTPS",
  445: "SMB",
  1433: "MSSQL",
  3306: "MySQL",
  3389: "RDP",
  5060: "SIP",
  5432: "PostgreSQL",
  5900: "VNC",
  6379: "Redis",
  7001: "Oracle WebLogic",
  8080: "HTTP",
  9200: "Elasticsearch",
};

export function resolveFocus(site: SiteSettings, override: FocusOverride = {}): Focus {
  const ports = override.ports
    ? unique(override.ports.filter(isPort)).map(
        (port) => site.watchedPorts.find((p) => p.port === port) ?? { port, name: KNOWN_PORT_NAMES[port] ?? String(port) },
      )
    : site.watchedPorts;
  const cves = override.cves
    ? unique(override.cves.map(normalizeCveId)).map(
        (id) => site.watchedCves.find((c) => normalizeCveId(c.id) === id) ?? { id, keywords: [] },
      )
    : site.watchedCves.map((c) => ({ ...c, id: normalizeCveId(c.id) }));
  return { ports, cves };
}

function unique<T>(values: readonly T[]): T[] {
  return [...new Set(values)];
}
