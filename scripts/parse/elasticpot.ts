/**
 * Elasticpot, two generations (TPOT-LOGS.md §1.4 Elasticpot):
 * - 24.x `elasticpot.json` (bontchev): `eventid` elasticpot.recon / elasticpot.attack, one line
 *   per HTTP request, `dst_port` 9200, `timestamp` `…Z`.
 * - 19.03 `elasticpot.log` (ElasticpotPY): hand-built JSON with CRLF, `event_type: "alert"`,
 *   `timestamp` without zone or fraction, `dest_port` 9200 and a **hard-coded `src_port` 44927**,
 *   which is not the attacker's port and is therefore dropped.
 * Every request → connect on 9200 (host and container port are the same, §1.3).
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, port, put } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const ELASTICSEARCH_PORT = 9200;
/** ElasticpotPY writes this constant instead of the peer's port (§1.4). */
const ELASTICPOTPY_FAKE_SRC_PORT = 44927;

export const elasticpot = defineJsonParser(
  {
    name: "elasticpot",
    label: "ElasticPot",
    countsAsAttack: true,
    dir: "elasticpot",
    files: /^elasticpot\.(?:json|log)$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone) ?? parseTimestamp(rec.unixtime, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const event: HoneypotEvent = newEvent("elasticpot", ts, "connect");
    put(event, "srcIp", ipAddress(rec.src_ip));
    const srcPort = port(rec.src_port);
    if (srcPort !== ELASTICPOTPY_FAKE_SRC_PORT) put(event, "srcPort", srcPort);
    event.dstPort = destPort(rec.dst_port ?? rec.dest_port) ?? ELASTICSEARCH_PORT;
    event.protocol = "http";
    return event;
  },
  { fields: ["timestamp", "unixtime", "src_ip", "src_port", "dst_port", "dest_port"] },
);
