/**
 * Which source addresses are attackers, and how they are published.
 * The sensor's own addresses and private/reserved ranges are never counted as attackers
 * (DESIGN.md "Counting"); Docker bridge addresses (172.16/12) are the commonest of these.
 */
import { BlockList, isIPv4, isIPv6 } from "node:net";

const RESERVED_V4: [string, number][] = [
  ["0.0.0.0", 8], // "this network"; honeytrap's 0.0.0.0
  ["10.0.0.0", 8],
  ["100.64.0.0", 10], // carrier-grade NAT
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12], // includes Docker's bridge networks
  ["192.0.0.0", 24],
  ["192.0.2.0", 24], // documentation
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["198.51.100.0", 24], // documentation
  ["203.0.113.0", 24], // documentation
  ["224.0.0.0", 4], // multicast
  ["240.0.0.0", 4], // reserved + broadcast
];
const RESERVED_V6: [string, number][] = [
  ["::", 128],
  ["::1", 128],
  ["fc00::", 7],
  ["fe80::", 10],
  ["ff00::", 8],
  ["2001:db8::", 32],
];

/** RESERVED_V4 as (network, mask) numbers: a check is a few integer operations. */
const RESERVED_V4_NUMERIC: [number, number][] = RESERVED_V4.map(([a, p]) => {
  const mask = p === 0 ? 0 : (0xffffffff << (32 - p)) >>> 0;
  return [(ipv4Number(a) & mask) >>> 0, mask];
});

/** A dotted-quad address (as node:net isIPv4 accepts it) as an unsigned 32-bit number. */
function ipv4Number(ip: string): number {
  let n = 0;
  let part = 0;
  for (let i = 0; i < ip.length; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46 /* . */) {
      n = n * 256 + part;
      part = 0;
    } else part = part * 10 + (c - 48);
  }
  return n * 256 + part;
}

export class SourceFilter {
  /** IPv6 ranges (BlockList makes an object per check: fine for the rare IPv6 source). */
  private readonly reserved = new BlockList();
  private readonly own = new Set<string>();
  private readonly cache = new Map<string, boolean>();

  constructor(sensorAddresses: readonly string[] = []) {
    for (const [a, p] of RESERVED_V6) this.reserved.addSubnet(a, p, "ipv6");
    for (const a of sensorAddresses) this.own.add(a.trim());
  }

  /** True when `ip` may be counted as an attacker. Non-addresses (host names) are kept as they are. */
  isAttacker(ip: string): boolean {
    let v = this.cache.get(ip);
    if (v === undefined) {
      v = !this.own.has(ip) && !this.isReserved(ip);
      if (this.cache.size < 1_000_000) this.cache.set(ip, v);
    }
    return v;
  }

  private isReserved(ip: string): boolean {
    if (isIPv4(ip)) {
      const n = ipv4Number(ip);
      for (const [net, mask] of RESERVED_V4_NUMERIC) if (((n & mask) >>> 0) === net) return true;
      return false;
    }
    if (isIPv6(ip)) return this.reserved.check(ip, "ipv6");
    return false;
  }
}

/** An address as published: whole, its /24 (IPv4) or /48 (IPv6) network, or nothing. */
export function maskAddress(ip: string, mode: "full" | "/24" | "hidden"): string | null {
  if (mode === "hidden") return null;
  if (mode === "full") return ip;
  if (isIPv4(ip)) return ip.slice(0, ip.lastIndexOf(".")) + ".0/24";
  if (isIPv6(ip)) {
    const full = expandIPv6(ip);
    return full.slice(0, 3).join(":") + "::/48";
  }
  return ip;
}

function expandIPv6(ip: string): string[] {
  const [head, tail] = ip.split("::") as [string, string | undefined];
  const h = head ? head.split(":") : [];
  const t = tail ? tail.split(":") : [];
  const zeros = new Array(Math.max(0, 8 - h.length - t.length)).fill("0");
  return [...h, ...(tail !== undefined ? zeros : []), ...t].map((x) => x.toLowerCase().replace(/^0+(?=.)/, ""));
}
