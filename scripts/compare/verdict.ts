/**
 * The verdict rule: is this week above, below or about the same as its baseline?
 *
 *   1. Both this week and the baseline average are under MIN_COUNT (20)  → "same".
 *      A port that went from 12 to 8 connections did not "fall by a third"; that is noise.
 *   2. |thisWeek − average| ≤ SAME_PERCENT (10) % of the average          → "same" (edges included:
 *      420 → 462 and 420 → 378 are both "same").
 *   3. Otherwise thisWeek > average → "above", thisWeek < average → "below".
 *      An average of 0 with thisWeek ≥ MIN_COUNT is "above".
 *
 * The seed post's case: average 420, this week 334 (−20 %) → "below".
 */
import type { Verdict } from "./types.ts";

/** Counts under this (both sides) are too small to call a change. */
export const MIN_COUNT = 20;
/** Within this percentage of the average, a week is "about the same". */
export const SAME_PERCENT = 10;

export function verdictOf(thisWeek: number, average: number): Verdict {
  if (thisWeek < MIN_COUNT && average < MIN_COUNT) return "same";
  // Compare in whole percent to keep 0.1 × 420 = 42.00000000000001 from moving the edge.
  if (Math.abs(thisWeek - average) * 100 <= SAME_PERCENT * average) return "same";
  return thisWeek > average ? "above" : "below";
}

/** (thisWeek − average) / average, or null when there is nothing to divide by. */
export function relativeChange(thisWeek: number, average: number): number | null {
  return average > 0 ? (thisWeek - average) / average : null;
}
