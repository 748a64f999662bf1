/**
 * RedisHoneyPot (`redishoneypot/log/redishoneypot.log`), TPOT-LOGS.md §1.4 Redishoneypot:
 * logrus JSON `{"action", "addr": "IP:PORT", "level", "msg", "time": "YYYY-MM-DD HH:MM:SS"}`
 * (container local = UTC), mixed with Go panic/error text ("not-an-event").
 * `action` NewConnect → connect on 6379 (Logstash hard-codes it, §2.3); Closed → other; any other
 * action is the command line the attacker sent → command.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineMixedJsonParser, newEvent } from "./define.ts";
import { put, splitHostPort, stripIpv4Mapped, text } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const REDIS_PORT = 6379;

export const redishoneypot = defineMixedJsonParser(
  {
    name: "redishoneypot",
    label: "Redishoneypot",
    countsAsAttack: true,
    dir: "redishoneypot",
    files: /^redishoneypot\.log$/,
  },
  (rec, ctx) => {
    const action = text(rec.action);
    const peer = splitHostPort(rec.addr);
    if (action === undefined && peer === undefined) return "not-an-event";
    const ts = parseTimestamp(rec.time, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const kind = action === "NewConnect" ? "connect" : action === "Closed" ? "other" : "command";
    const event: HoneypotEvent = newEvent("redishoneypot", ts, kind);
    if (peer !== undefined) {
      event.srcIp = stripIpv4Mapped(peer.host);
      put(event, "srcPort", peer.port);
    }
    event.protocol = "redis";
    if (kind === "connect") event.dstPort = REDIS_PORT;
    else if (kind === "command") put(event, "command", action);
    return event;
  },
  { fields: ["action", "addr", "time"] },
);
