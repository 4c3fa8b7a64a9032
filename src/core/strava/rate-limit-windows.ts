const quarterMs = 15 * 60 * 1000;
const dayMs = 24 * 60 * 60 * 1000;

/** Start of the next 15-minute window (Strava resets at :00, :15, :30, :45 UTC). */
export function nextQuarterHour(now: number): number {
  return Math.floor(now / quarterMs) * quarterMs + quarterMs;
}

/** Start of the next UTC day, when Strava's daily limits reset. */
export function nextUtcMidnight(now: number): number {
  return Math.floor(now / dayMs) * dayMs + dayMs;
}

/** Index of the 15-minute window holding `t`; equal indexes share a budget. */
export function quarterIndex(t: number): number {
  return Math.floor(t / quarterMs);
}

/** Index of the UTC day holding `t`. */
export function dayIndex(t: number): number {
  return Math.floor(t / dayMs);
}
