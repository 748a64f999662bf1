/**
 * Site settings, read from data/site.json (Eleventy global data `site`).
 * Every field has a default (util/settings.ts fills them), so a user writes only what differs.
 */

export interface WatchedPort {
  port: number;
  /** What runs there, for prose ("RDP", "Oracle WebLogic"). */
  name: string;
}

export interface WatchedCve {
  id: string;
  /** Product keywords for the Exploit-DB title search, as the seed post searched "WebLogic". */
  keywords: string[];
}

export interface SiteSettings {
  title: string;
  /** Series name used in post titles: `<series>【N】【M/D-M/D】`. */
  series: string;
  description: string;
  author: string;
  /** "ja" or "en": the language of drafts and of the site's chrome. */
  language: "ja" | "en";
  /** "ascii": the author's `,` `.` in Japanese prose; "japanese": `、` `。`. */
  punctuation: "ascii" | "japanese";
  /** IANA zone that defines weeks, days and hours shown (default Asia/Tokyo). */
  timeZone: string;
  /** Zone of timestamps written without one (T-Pot: UTC). */
  sensorTimeZone: string;
  /** Absolute site origin for the feed and Open Graph, e.g. https://example.github.io */
  url: string;
  watchedPorts: WatchedPort[];
  watchedCves: WatchedCve[];
  /** Number of earlier weeks a week is compared with (the seed post used 2). */
  baselineWeeks: number;
  /** Default log root: a T-Pot data folder or a standalone Cowrie log folder. */
  logRoot: string;
  /** Path to a GeoLite2/DB-IP country MMDB; null = the bundled DB-IP Lite. */
  geoipCountryDb: string | null;
  /** Path to an ASN MMDB (GeoLite2-ASN); null = no ASN statistics. */
  geoipAsnDb: string | null;
  /** Exploit-DB's files_exploits.csv; null = look where Kali/searchsploit put it, else "not configured". */
  exploitDbPath: string | null;
  /** CISA KEV known_exploited_vulnerabilities.json; null = not configured. */
  kevPath: string | null;
  /** The sensor's own public addresses: never counted as attackers. */
  sensorAddresses: string[];
  /** How source addresses are published. */
  sourceMasking: "full" | "/24" | "hidden";
}
