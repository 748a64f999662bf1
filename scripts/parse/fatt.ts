/**
 * Fatt (`fatt/log/fatt.log`), TPOT-LOGS.md §1.4 Fatt: JA3/JA3S/HASSH/RDP/HTTP fingerprints of all
 * traffic. A sensor: countsAsAttack false, kind "fingerprint". `timestamp` is naive local (= UTC).
 * Client-side records keep the client as source, with its HASSH and SSH banner. Server-side
 * records (`ssh.hasshServer`, `tls.ja3s`) have the honeypot as `sourceIp` (§1.4), so the peer is
 * the destination there; the server's own fingerprints are not the attacker's and are left out.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { ipAddress, nonEmpty, port, put, record } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

export const fatt = defineJsonParser(
  {
    name: "fatt",
    label: "Fatt",
    countsAsAttack: false,
    dir: "fatt",
    files: /^fatt\.log$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const ssh = record(rec.ssh);
    const tls = record(rec.tls);
    const serverSide = ssh?.hasshServer !== undefined || tls?.ja3s !== undefined;
    const event: HoneypotEvent = newEvent("fatt", ts, "fingerprint");
    put(event, "srcIp", ipAddress(serverSide ? rec.destinationIp : rec.sourceIp));
    put(event, "srcPort", port(serverSide ? rec.destinationPort : rec.sourcePort));
    put(event, "protocol", nonEmpty(rec.protocol));
    if (ssh !== undefined && !serverSide) {
      put(event, "hassh", nonEmpty(ssh.hassh));
      put(event, "clientVersion", nonEmpty(ssh.client));
    }
    return event;
  },
  {
    fields: ["timestamp", "ssh", "tls", "sourceIp", "destinationIp", "sourcePort", "destinationPort", "protocol"],
    nested: { ssh: { fields: ["hasshServer", "hassh", "client"] }, tls: { fields: ["ja3s"] } },
  },
);
