/**
 * Conpot (`conpot/log/conpot_<template>.json`), TPOT-LOGS.md §1.4 Conpot: one file per template
 * container; `timestamp` is session start, UTC without zone.
 *
 * TCP protocols log `NEW_CONNECTION` (→ connect, with the attacked port), data events and
 * `CONNECTION_LOST` (→ other). UDP protocols (SNMP on the IEC104 container, IPMI, BACnet) have no
 * connection: each request (`event_type` such as "SNMPv2 Get") stands alone → connect.
 * Conpot's compose ports are host:container identical (161, 2404, 10001, 623, 1025, 50100), §1.3.
 */
import type { HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { destPort, ipAddress, nonEmpty, port, put } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

/** Conpot data types spoken over UDP, whose every request is its own "connection". */
const DATAGRAM_TYPES: ReadonlySet<string> = new Set(["snmp", "ipmi", "bacnet"]);

export const conpot = defineJsonParser(
  {
    name: "conpot",
    label: "ConPot",
    countsAsAttack: true,
    dir: "conpot",
    files: /^conpot_[\w-]+\.json$/,
  },
  (rec, ctx) => {
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const dataType = nonEmpty(rec.data_type);
    const eventType = rec.event_type;
    const isConnect =
      eventType === "NEW_CONNECTION" ||
      (dataType !== undefined && DATAGRAM_TYPES.has(dataType.toLowerCase()) && eventType !== "CONNECTION_LOST");
    const event: HoneypotEvent = newEvent("conpot", ts, isConnect ? "connect" : "other");
    put(event, "srcIp", ipAddress(rec.src_ip));
    put(event, "srcPort", port(rec.src_port));
    if (isConnect) put(event, "dstPort", destPort(rec.dst_port ?? rec.dest_port));
    put(event, "protocol", dataType);
    put(event, "session", nonEmpty(rec.id));
    return event;
  },
  { fields: ["timestamp", "data_type", "event_type", "src_ip", "src_port", "dst_port", "dest_port", "id"] },
);
