/**
 * Autonomous system of a source address. Default: the bundled IP-to-ASN table of
 * @ip-location-db/asn (RouteViews + DB-IP, CC BY 4.0), IPv4 ranges as numbers and IPv6 ranges as
 * decimal strings, searched by binary search. A user's GeoLite2-ASN MMDB replaces it by path.
 */
import { createRequire } from "node:module";
import { dirname, join, basename } from "node:path";
import { readFileSync } from "node:fs";
import { isIPv4, isIPv6 } from "node:net";
import maxmind, { type Reader } from "maxmind";
import { parseAsnCsv, type RangeTable } from "./asnTable.ts";

export interface AsnLookup {
  info: { name: string; built: string | null };
  /** "AS13335 Cloudflare, Inc.", or null when unknown. */
  asn(ip: string): string | null;
}

export class AsnError extends Error {}

export async function openAsnLookup(path: string | null): Promise<AsnLookup> {
  return path === null ? bundledLookup() : mmdbLookup(path);
}

async function mmdbLookup(path: string): Promise<AsnLookup> {
  let reader: Reader<any>;
  try {
    reader = await maxmind.open(path, { watchForUpdates: false });
  } catch (err) {
    throw new AsnError(`cannot open ASN database ${path}: ${(err as Error).message}`);
  }
  const built = reader.metadata?.buildEpoch ? new Date(reader.metadata.buildEpoch).toISOString().slice(0, 10) : null;
  return {
    info: { name: `${reader.metadata?.databaseType ?? "ASN"} (${basename(path)})`, built },
    asn(ip) {
      type AsnRecord = { autonomous_system_number?: number; autonomous_system_organization?: string };
      let r: AsnRecord | null;
      try {
        r = reader.get(ip) as AsnRecord | null;
      } catch {
        return null;
      }
      return r?.autonomous_system_number ? label(r.autonomous_system_number, r.autonomous_system_organization ?? "") : null;
    },
  };
}

function label(asn: number | string, org: string): string {
  return `AS${asn}${org ? " " + org : ""}`;
}

let bundled: AsnLookup | undefined;

function bundledLookup(): AsnLookup {
  if (bundled) return bundled;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve("@ip-location-db/asn/package.json"));
  const version = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
  let v4: RangeTable | undefined;
  let v6: RangeTable | undefined;
  const load = (file: string, wide: boolean): RangeTable => parseAsnCsv(readFileSync(join(dir, file)), wide, label);
  bundled = {
    info: { name: `IP to ASN Lite (RouteViews, DB-IP; @ip-location-db/asn ${version})`, built: null },
    asn(ip) {
      if (isIPv4(ip)) {
        v4 ??= load("asn-ipv4-num.csv", false);
        return find(v4, ipv4ToNumber(ip));
      }
      if (isIPv6(ip)) {
        v6 ??= load("asn-ipv6-num.csv", true);
        return find(v6, ipv6ToBigInt(ip) >> 64n);
      }
      return null;
    },
  };
  return bundled;
}

function find(t: RangeTable, x: number | bigint): string | null {
  let lo = 0;
  let hi = t.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.starts[mid]! <= x) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && x <= t.ends[hi]! ? t.label(hi) : null;
}

/**
 * A dotted quad already checked by isIPv4 (four decimal octets) as a number, digit by digit:
 * every source of a week is looked up, and splitting each into four strings was a tenth of that.
 */
function ipv4ToNumber(ip: string): number {
  let n = 0;
  let octet = 0;
  for (let i = 0; i < ip.length; i++) {
    const ch = ip.charCodeAt(i);
    if (ch === 46 /* . */) {
      n = n * 256 + octet;
      octet = 0;
    } else octet = octet * 10 + (ch - 48);
  }
  return n * 256 + octet;
}

function ipv6ToBigInt(ip: string): bigint {
  const [head, tail] = ip.split("::") as [string, string | undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  // An embedded IPv4 tail (::ffff:1.2.3.4) counts as two groups.
  const expand = (g: string[]) => g.flatMap((x) => (x.includes(".") ? v4Groups(x) : [x]));
  const hh = expand(h);
  const tt = expand(t);
  const groups = tail !== undefined ? [...hh, ...new Array(8 - hh.length - tt.length).fill("0"), ...tt] : hh;
  let v = 0n;
  for (const g of groups) v = (v << 16n) + BigInt(parseInt(g || "0", 16));
  return v;
}

function v4Groups(s: string): string[] {
  const n = ipv4ToNumber(s);
  return [((n >>> 16) & 0xffff).toString(16), (n & 0xffff).toString(16)];
}
