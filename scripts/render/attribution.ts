/**
 * The IP databases behind the site's countries and ASNs, and the attribution their licences ask
 * for: DB-IP's Lite databases (bundled) are CC BY 4.0, MaxMind's GeoLite2 has its own wording.
 * Shown on the about page and in the footer.
 */
import type { RenderContext } from "./context.ts";

export interface GeoipSource {
  name: string;
  built: string | null;
  /** The attribution the database's licence asks for, when it is one we know. */
  attribution: { text: string; url: string; licence: string } | null;
}

/**
 * The IP databases (country, and ASN when used) the stored weeks were enriched with, for the
 * about page and the footer: each with the attribution its licence asks for.
 */
export function geoipSources(ctx: Pick<RenderContext, "weeks">): GeoipSource[] {
  const seen = new Map<string, GeoipSource>();
  for (const week of ctx.weeks().values()) {
    for (const db of [week.provenance?.geoip, week.provenance?.asn]) {
      if (!db?.name || seen.has(db.name)) continue;
      seen.set(db.name, { name: db.name, built: db.built, attribution: attributionFor(db.name) });
    }
  }
  return [...seen.values()];
}

/** Each attribution once (the country and the ASN database may both be DB-IP's). */
export function uniqueAttributions(sources: GeoipSource[]): NonNullable<GeoipSource["attribution"]>[] {
  const byText = new Map<string, NonNullable<GeoipSource["attribution"]>>();
  for (const s of sources) if (s.attribution) byText.set(s.attribution.text, s.attribution);
  return [...byText.values()];
}

function attributionFor(name: string): GeoipSource["attribution"] {
  // The bundled ASN table combines RouteViews' and DB-IP's data; both ask for credit (CC BY 4.0).
  if (/routeviews/i.test(name)) {
    return {
      text: "IP to ASN data by RouteViews (https://www.routeviews.org) and DB-IP (https://db-ip.com), CC BY 4.0",
      url: "https://www.routeviews.org",
      licence: "CC BY 4.0",
    };
  }
  if (/db-?ip/i.test(name)) {
    return { text: "IP geolocation by DB-IP (https://db-ip.com), CC BY 4.0", url: "https://db-ip.com", licence: "CC BY 4.0" };
  }
  if (/geolite/i.test(name)) {
    return {
      text: "This product includes GeoLite2 data created by MaxMind, available from https://www.maxmind.com",
      url: "https://www.maxmind.com",
      licence: "GeoLite2 End User License Agreement",
    };
  }
  return null;
}
