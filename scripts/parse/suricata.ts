/**
 * Suricata EVE log (`suricata/log/eve.json`), TPOT-LOGS.md §1.4 Suricata.
 * Only `event_type: "alert"` lines are events (kind "alert"); flow, http, dns, tls, stats … are
 * "not-an-event". Suricata is a sensor, not a honeypot: its alerts are counted as alerts, never as
 * attacks (DESIGN.md "Counting"), so the alert carries no dstPort.
 *
 * CVE ids: from `alert.metadata.cve` (ET writes `CVE_2019_2725`) and from `CVE-YYYY-NNNN` in the
 * signature text, normalised, deduplicated and sorted (§1.4: how T-Pot gets CVE ids, offline).
 */
import type { AlertInfo, HoneypotEvent } from "../model/event.ts";
import { defineJsonParser, newEvent } from "./define.ts";
import { integer, ipAddress, nonEmpty, port, put, record, text, type JsonRecord } from "./fields.ts";
import { parseTimestamp } from "./time.ts";

const CVE_IN_TEXT = /CVE-\d{4}-\d{4,7}/gi;
const CVE_ID = /^CVE-\d{4}-\d{4,7}$/;

/** `CVE_2019_2725` / `cve-2019-2725` → `CVE-2019-2725`; undefined when it is not a CVE id. */
export function normaliseCve(raw: string): string | undefined {
  const id = raw.trim().toUpperCase().replaceAll("_", "-");
  return CVE_ID.test(id) ? id : undefined;
}

/** Normalised CVE ids of an alert: metadata.cve plus ids written in the signature text. */
export function alertCves(metadata: JsonRecord | undefined, signature: string): string[] {
  const found = new Set<string>();
  const listed = metadata?.cve;
  if (Array.isArray(listed)) {
    for (const item of listed) {
      if (typeof item !== "string") continue;
      const id = normaliseCve(item);
      if (id !== undefined) found.add(id);
    }
  }
  if (signature.includes("CVE") || signature.includes("cve")) {
    for (const match of signature.match(CVE_IN_TEXT) ?? []) found.add(match.toUpperCase());
  }
  return found.size === 0 ? [] : [...found].sort();
}

function alertInfo(alert: JsonRecord): AlertInfo {
  const signature = text(alert.signature) ?? "";
  return {
    signature,
    signatureId: integer(alert.signature_id) ?? 0,
    category: text(alert.category) ?? "",
    severity: integer(alert.severity) ?? 0,
    cves: alertCves(record(alert.metadata), signature),
  };
}

export const suricata = defineJsonParser(
  {
    name: "suricata",
    label: "Suricata",
    countsAsAttack: false,
    dir: "suricata",
    files: /^eve\.json$/,
  },
  (rec, ctx) => {
    if (rec.event_type !== "alert") return "not-an-event";
    const alert = record(rec.alert);
    if (alert === undefined) return "not-an-event";
    const ts = parseTimestamp(rec.timestamp, ctx.sensorTimeZone);
    if (ts === undefined) return "no-timestamp";
    const event: HoneypotEvent = newEvent("suricata", ts, "alert");
    put(event, "srcIp", ipAddress(rec.src_ip));
    put(event, "srcPort", port(rec.src_port));
    const appProto = nonEmpty(rec.app_proto);
    const proto = nonEmpty(rec.proto);
    put(event, "protocol", appProto !== undefined && appProto !== "failed" ? appProto : proto?.toLowerCase());
    event.alert = alertInfo(alert);
    return event;
  },
  {
    fields: ["event_type", "alert", "timestamp", "src_ip", "src_port", "app_proto", "proto"],
    nested: { alert: { fields: ["signature", "signature_id", "category", "severity", "metadata"], nested: { metadata: { fields: ["cve"] } } } },
    // Most EVE lines are flows, dns, http, stats …: answered from event_type alone.
    only: { field: "event_type", is: "alert", otherwise: "not-an-event" },
  },
);
