/**
 * Sensor downtime (health.outages) and what it did to the watched ports: a port answered by a
 * honeypot that was down 30 hours had 30 fewer hours to be counted, so its low count is partly the
 * outage's ("honeytrap down 30 h from 6/24 0:00, so port 7001's count is low partly because of that").
 * Which honeypot answers a port is read from the port's stats (this week, else earlier weeks).
 */
import type { WeekSummary } from "../model/summary.ts";
import type { Baseline, Downtime, PortOutageEffect } from "./types.ts";
import { MIN_COUNT } from "./verdict.ts";

const HOURS_IN_WEEK = 168;

/** Honeypots that answered `port`, from the first of `weeks` that saw the port. */
export function honeypotsOfPort(weeks: WeekSummary[], port: number): string[] {
  for (const s of weeks) {
    const stats = s.ports.find((p) => p.port === port);
    const names = Object.keys(stats?.honeypots ?? {});
    if (names.length) return names.sort();
  }
  return [];
}

export function downtimeOf(
  summary: WeekSummary,
  earlier: WeekSummary[],
  watchedPorts: number[],
  portBaselines: Baseline[],
): Downtime[] {
  return summary.health.outages.map((outage) => {
    const startDay = Math.max(0, summary.week.days.indexOf(outage.start.slice(0, 10)));
    const hoursUp = Math.max(0, HOURS_IN_WEEK - outage.hours);
    const ports: PortOutageEffect[] = [];
    for (const port of watchedPorts) {
      if (!honeypotsOfPort([summary, ...earlier], port).includes(outage.honeypot)) continue;
      const connections = summary.ports.find((p) => p.port === port)?.connections ?? 0;
      const baseline = portBaselines.find((b) => b.subject.kind === "port" && b.subject.port === port) ?? null;
      const verdict = baseline?.verdict ?? null;
      ports.push({
        port,
        connections,
        atSameRate: hoursUp > 0 ? Math.round((connections * HOURS_IN_WEEK) / hoursUp) : connections,
        verdict,
        lowPartlyBecauseOfOutage: verdict === "below" || connections < MIN_COUNT,
      });
    }
    return {
      kind: "downtime",
      outage,
      startDay,
      shareOfWeek: Math.min(1, outage.hours / HOURS_IN_WEEK),
      ports,
    };
  });
}
