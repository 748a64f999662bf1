/**
 * Sensor health: hours in which a honeypot that normally logs several events an hour logged none.
 * Rule (documented, tested): a honeypot is "busy" when its median events per hour over the week is
 * at least MIN_MEDIAN_PER_HOUR; for a busy honeypot each hour with 0 events is silent, and a run of
 * at least MIN_OUTAGE_HOURS consecutive silent hours is an outage ("down"). With a median of 3 a
 * Poisson process gives a silent hour with p ≈ 0.05, six in a row ≈ 1.5e-8: noise is not news.
 */
import type { Outage, SensorHealth } from "../model/summary.ts";
import type { HourIndex } from "./hours.ts";

export const MIN_MEDIAN_PER_HOUR = 3;
export const MIN_OUTAGE_HOURS = 6;

export function sensorHealth(perHour: Map<string, number[]>, hours: HourIndex): SensorHealth {
  const silentHours: Record<string, number> = {};
  const outages: Outage[] = [];
  for (const name of [...perHour.keys()].sort()) {
    const counts = perHour.get(name)!;
    if (median(counts) < MIN_MEDIAN_PER_HOUR) continue;
    let silent = 0;
    let runStart = -1;
    const close = (endIdx: number) => {
      if (runStart >= 0 && endIdx - runStart >= MIN_OUTAGE_HOURS) {
        outages.push({
          honeypot: name,
          start: hours.isoStart(runStart),
          end: endIdx < hours.starts.length ? hours.isoStart(endIdx) : isoEnd(hours),
          hours: endIdx - runStart,
        });
      }
      runStart = -1;
    };
    counts.forEach((n, i) => {
      if (n === 0) {
        silent++;
        if (runStart < 0) runStart = i;
      } else close(i);
    });
    close(counts.length);
    silentHours[name] = silent;
  }
  return { silentHours, outages };
}

function isoEnd(hours: HourIndex): string {
  return new Date(hours.endMs).toISOString();
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = s.length >> 1;
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
