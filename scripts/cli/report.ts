/** The one-screen summary printed at the end of an aggregation, and its data-quality report. */
import type { WeekSummary } from "../model/summary.ts";
import { fmt, safeText } from "./terminal.ts";

export function summaryScreen(s: WeekSummary, file: string, seconds: number, bytes: number): string {
  const lines: string[] = [];
  lines.push(`week ${s.week.id} (${s.week.days[0]} – ${s.week.days[6]}, ${s.week.timeZone}) → ${file}`);
  lines.push(`  honeypot events ${fmt(s.totals.events)}, unique sources ${fmt(s.totals.uniqueSources)}, connections ${fmt(s.totals.connections)}`);
  const hps = Object.entries(s.honeypots).sort((a, b) => b[1].events - a[1].events);
  if (hps.length) lines.push("  by honeypot: " + hps.map(([, h]) => `${h.label} ${fmt(h.events)}`).join(", "));
  if (s.suricata.alerts) lines.push(`  suricata alerts ${fmt(s.suricata.alerts)} (not counted as attacks)`);
  if (s.peak) {
    const cc = s.peak.countries.items.slice(0, 3).map((c) => c.key).join(", ");
    lines.push(`  busiest hour ${s.peak.start} with ${fmt(s.peak.events)} events (${cc})`);
  }
  const ports = s.ports.slice(0, 5).map((p) => `${p.port} ${fmt(p.connections)}`).join(", ");
  if (ports) lines.push(`  top ports (connections): ${ports}`);
  for (const o of s.health.outages) lines.push(`  ${o.honeypot} silent ${o.hours} h from ${o.start}`);
  lines.push(`  read ${fmt(s.quality.files.filter((f) => f.lines > 0).length)} files, ${(bytes / 1e6).toFixed(1)} MB in ${seconds.toFixed(1)} s`);
  lines.push(...qualityReport(s));
  return lines.join("\n");
}

/** Lines that are valid but are not events (Suricata flows, CSV headers, banners): expected, not faults. */
const NOT_A_FAULT = new Set(["not-an-event"]);

/** Compact: one line per problem kind with a count and the first file:line where it happened. */
export function qualityReport(s: WeekSummary): string[] {
  const q = s.quality;
  const out: string[] = [];
  const kinds = { ...q.skipped, ...prefix(q.notes) };
  const total = Object.values(kinds).reduce((a, b) => a + b, 0) + q.duplicates;
  if (!total) return out;
  out.push("  data quality:");
  for (const [reason, n] of Object.entries(q.skipped)) {
    if (NOT_A_FAULT.has(reason)) out.push(`    ${fmt(n)} lines are not events (e.g. Suricata flows, headers, banners)`);
    else out.push(`    ${fmt(n)} lines skipped: ${reason}${firstAt(s, reason)}`);
  }
  for (const [reason, n] of Object.entries(q.notes)) out.push(`    ${fmt(n)} × ${reason}${firstAt(s, reason)}`);
  if (q.duplicates) out.push(`    ${fmt(q.duplicates)} duplicate records counted once (same line in two rotated copies)`);
  if (q.excludedSources) out.push(`    ${fmt(q.excludedSources)} events from the sensor's own or private addresses left out`);
  return out;
}

function prefix(r: Record<string, number>): Record<string, number> {
  return Object.fromEntries(Object.entries(r).map(([k, v]) => [`note:${k}`, v]));
}

function firstAt(s: WeekSummary, reason: string): string {
  const sample = s.quality.samples.find((x) => x.reason === reason);
  if (!sample) return "";
  return sample.line ? ` (first at ${safeText(sample.file, 300)}:${sample.line})` : ` (${safeText(sample.file, 300)})`;
}

/** Warnings: anything skipped or repaired (outside-week events are expected, not warnings). */
export function hasWarnings(s: WeekSummary): boolean {
  const q = s.quality;
  return Object.keys(q.skipped).some((k) => !NOT_A_FAULT.has(k)) || Object.keys(q.notes).length > 0;
}
