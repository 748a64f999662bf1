/**
 * Wordpot (`wordpot/log/wordpot.log`, + `.1`…`.10`), TPOT-LOGS.md §1.4 Wordpot: JSON lines mixed
 * with Flask/werkzeug text ("not-an-event"). One line per HTTP request → connect; the badlogin
 * plugin adds the tried `username`/`password` (kept on the same event, as for Dionaea: one line,
 * one event).
 *
 * Port: wordpot logs its container port (`dest_port` "80"); T-Pot's standard compose publishes it
 * as host 8080 (`8080:80`, §1.3), so every request arrived on 8080. (The customiser's
 * tpot_services.yml maps 80:80 instead; a sensor built that way would be mislabelled 8080.)
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { ipAddress, nonEmpty, port, put, text } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const HOST_PORT = 8080;

export const wordpot = defineMixedJsonParser(
  {
    name: "wordpot",
    label: "Wordpot",
    countsAsAttack: true,
    dir: "wordpot",
    files: /^wordpot\.log$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const event: HoneypotEvent = newEvent("wordpot", ts, "connect");
    put(event, "srcIp", ipAddress(rec.src_ip));
    put(event, "srcPort", port(rec.src_port));
    event.dstPort = HOST_PORT;
    event.protocol = "http";
    if (rec.plugin === "badlogin") {
      put(event, "username", text(rec.username));
      put(event, "password", text(rec.password));
    } else {
      put(event, "username", nonEmpty(rec.username));
    }
    return event;
  },
  { fields: ["timestamp", "src_ip", "src_port", "plugin", "username", "password"] },
);
