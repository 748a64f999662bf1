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

/**
 * A range table in typed arrays: ~412k IPv4 and ~200k IPv6 ranges would cost ~150 MB as JS arrays
 * of numbers, BigInts and one label string per range. Here a range is its start, its end and an
 * index into the distinct labels (most autonomous systems own many ranges).
 */
interface Table {
  starts: Float64Array | BigUint64Array;
  ends: Float64Array | BigUint64Array;
  labelOf: Uint32Array;
  labels: string[];
}

let bundled: AsnLookup | undefined;

function bundledLookup(): AsnLookup {
  if (bundled) return bundled;
  const require = createRequire(import.meta.url);
  const dir = dirname(require.resolve("@ip-location-db/asn/package.json"));
  const version = (JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string }).version;
  let v4: Table | undefined;
  let v6: Table | undefined;
  const load = (file: string, wide: boolean): Table => {
    const lines = readFileSync(join(dir, file), "utf8").split("\n");
    const starts = wide ? new BigUint64Array(lines.length) : new Float64Array(lines.length);
    const ends = wide ? new BigUint64Array(lines.length) : new Float64Array(lines.length);
    const labelOf = new Uint32Array(lines.length);
    const labels: string[] = [];
    const labelIds = new Map<string, number>();
    let n = 0;
    // start,end,asn,org — only the last column can be quoted (organisation names with commas),
    // so three commas split a row; a hand split is ~6× faster than a general CSV parser here.
    for (const line of lines) {
      const a = line.indexOf(",");
      const b = line.indexOf(",", a + 1);
      const c = line.indexOf(",", b + 1);
      if (a < 0 || b < 0 || c < 0) continue;
      let org = line.slice(c + 1).trimEnd();
      if (org.startsWith('"') && org.endsWith('"')) org = org.slice(1, -1).replace(/""/g, '"');
      const text = label(line.slice(b + 1, c), org);
      let id = labelIds.get(text);
      if (id === undefined) labelIds.set(text, (id = labels.push(text) - 1));
      if (wide) {
        // IPv6: routed prefixes are /64 or shorter (BGP carries /48 at most), so the upper 64 bits decide.
        (starts as BigUint64Array)[n] = BigInt(line.slice(0, a)) >> 64n;
        (ends as BigUint64Array)[n] = BigInt(line.slice(a + 1, b)) >> 64n;
      } else {
        (starts as Float64Array)[n] = Number(line.slice(0, a));
        (ends as Float64Array)[n] = Number(line.slice(a + 1, b));
      }
      labelOf[n++] = id;
    }
    return { starts: starts.subarray(0, n), ends: ends.subarray(0, n), labelOf: labelOf.subarray(0, n), labels };
  };
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

function find(t: Table, x: number | bigint): string | null {
  let lo = 0;
  let hi = t.starts.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (t.starts[mid]! <= x) lo = mid + 1;
    else hi = mid - 1;
  }
  return hi >= 0 && x <= t.ends[hi]! ? t.labels[t.labelOf[hi]!]! : null;
}

function ipv4ToNumber(ip: string): number {
  const p = ip.split(".");
  return ((+p[0]! * 256 + +p[1]!) * 256 + +p[2]!) * 256 + +p[3]!;
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
