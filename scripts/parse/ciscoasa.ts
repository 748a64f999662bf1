/**
 * Ciscoasa (`ciscoasa/log/ciscoasa.log`), TPOT-LOGS.md §1.4 Ciscoasa: not JSON but Python dict
 * reprs, mixed with plain status lines (`Starting server on port 8443/tcp …`, `info`,
 * `unsupported packet`) which are "not-an-event".
 *
 * Every dict line is one attacker request → connect. The honeypot logs no port; T-Pot maps
 * 8443/tcp (the WebVPN HTTP server) and 5000/udp (IKE), §1.3/§1.4. HTTP access lines
 * (`payload_printable` a request string) → 8443. Exploit alerts carry a list of raw packets
 * (`payload_printable: [b'…']`) and a source port: those come from the UDP IKE handler → 5000.
 * (ewsposter reports 8443 for all; the split keeps IKE exploits visible as their own port.)
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineParser, firstNonBlank, newEvent } from "./define.ts";
import { ipAddress, port, put } from "./fields.ts";
import { parsePythonDict } from "./python-literal.ts";
import { parseTimestamp } from "./time.ts";

const HTTPS_PORT = 8443;
const IKE_PORT = 5000;

export const ciscoasa = defineParser(
  {
    name: "ciscoasa",
    label: "Ciscoasa",
    countsAsAttack: true,
    dir: "ciscoasa",
    files: /^ciscoasa\.log$/,
  },
  (line, ctx) => {
    const start = firstNonBlank(line);
    if (start < 0) return "empty";
    if (line.charCodeAt(start) !== 123 /* { */) return "not-an-event";
    const rec = parsePythonDict(line);
    if (rec === undefined) return "not-json";
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const srcIp = ipAddress(rec.src_ip);
    if (srcIp === undefined) return "not-an-event";
    const exploit = Array.isArray(rec.payload_printable);
    const event: HoneypotEvent = newEvent("ciscoasa", ts, "connect");
    event.srcIp = srcIp;
    put(event, "srcPort", port(rec.src_port));
    event.dstPort = exploit ? IKE_PORT : HTTPS_PORT;
    event.protocol = exploit ? "ike" : "https";
    return event;
  },
);
