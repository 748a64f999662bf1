/**
 * Endlessh (`endlessh/log/endlessh.log`), TPOT-LOGS.md §1.4 "Other T-Pot sources": text lines
 *   `2021-10-29T21:08:31.026Z ACCEPT host=203.0.113.1 port=12345 fd=4 n=1/4096`
 *   `2021-10-29T21:08:51.041Z CLOSE host=203.0.113.1 port=12345 fd=4 time=20.015 bytes=24`
 * ACCEPT → connect on host port 22 (T-Pot maps 22→2222, §1.3; Logstash sets 22); CLOSE → other;
 * any other line (start-up, options) → "not-an-event".
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineParser, firstNonBlank, newEvent } from "./define.ts";
import { port, put, stripIpv4Mapped } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const SSH_PORT = 22;

/** The value of `key=` in a space-separated key=value text, or undefined. */
function field(line: string, key: string): string | undefined {
  const at = line.indexOf(` ${key}=`);
  if (at < 0) return undefined;
  const start = at + key.length + 2;
  const end = line.indexOf(" ", start);
  return line.slice(start, end < 0 ? line.length : end);
}

export const endlessh = defineParser(
  {
    name: "endlessh",
    label: "Endlessh",
    countsAsAttack: true,
    dir: "endlessh",
    files: /^endlessh\.log$/,
  },
  (line, ctx) => {
    const start = firstNonBlank(line);
    if (start < 0) return "empty";
    const timeEnd = line.indexOf(" ", start);
    if (timeEnd < 0) return "not-an-event";
    const verbEnd = line.indexOf(" ", timeEnd + 1);
    const verb = line.slice(timeEnd + 1, verbEnd < 0 ? line.length : verbEnd);
    if (verb !== "ACCEPT" && verb !== "CLOSE") return "not-an-event";
    const host = field(line, "host");
    if (host === undefined) return "not-an-event";
    const ts = parseTimestamp(line.slice(start, timeEnd), ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const event: HoneypotEvent = newEvent("endlessh", ts, verb === "ACCEPT" ? "connect" : "other");
    event.srcIp = stripIpv4Mapped(host);
    put(event, "srcPort", port(field(line, "port")));
    if (verb === "ACCEPT") event.dstPort = SSH_PORT;
    event.protocol = "ssh";
    return event;
  },
);
