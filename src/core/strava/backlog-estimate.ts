import type { Budget, RateLimitSnapshot } from './rate-limit-tracker';
import { nextQuarterHour, nextUtcMidnight } from './rate-limit-windows';

/** What one upload costs of Strava's budgets, on average: requests of every kind, and the reads among them. */
export interface UploadCost {
  requests: number;
  reads: number;
}

/** Which of Strava's limits decides when the batch goes on. */
export type HoldingLimit = 'none' | '15-minute' | 'daily';

/** When a backlog will be done at Strava's limits, and what holds it now. */
export interface BacklogEstimate {
  remaining: number;
  /** When the last upload is expected to be done (ms since the epoch). */
  finishAt: number;
  /** The limit that stops uploads now or will stop them first; 'none' when this window holds them all. */
  holding: HoldingLimit;
}

const quarterMs = 15 * 60_000;
/** Far more windows than a backlog the size of a lifetime of sequences needs; a guard, not a limit. */
const maxWindows = 96 * 366;

/** Whole uploads that `left` requests pay for at `each` requests per upload. */
const fits = (left: number, each: number): number =>
  each <= 0 ? Number.POSITIVE_INFINITY : Math.max(0, Math.floor(left / each));

/**
 * Estimates when `remaining` uploads will be done, going window by window through
 * Strava's 15-minute and daily budgets as they stand in `snapshot`. The cost per
 * upload is what the pipeline has measured (about 1.1 requests with a read scope).
 */
export function estimateBacklog(
  remaining: number,
  snapshot: RateLimitSnapshot,
  cost: UploadCost,
  now: number,
): BacklogEstimate {
  if (remaining <= 0) return { remaining: 0, finishAt: now, holding: 'none' };
  const overall: Budget = { ...snapshot.overall };
  const read: Budget = { ...snapshot.read };
  const perWindow15 = Math.min(
    fits(overall.limit15, cost.requests),
    fits(read.limit15, cost.reads),
  );
  if (perWindow15 === 0 || fits(overall.limitDay, cost.requests) === 0)
    return { remaining, finishAt: Number.POSITIVE_INFINITY, holding: '15-minute' };
  let left = remaining;
  let t = now;
  let holding: HoldingLimit | undefined;
  for (let w = 0; w < maxWindows; w++) {
    const by15 = Math.min(
      fits(overall.limit15 - overall.used15, cost.requests),
      fits(read.limit15 - read.used15, cost.reads),
    );
    const byDay = Math.min(
      fits(overall.limitDay - overall.usedDay, cost.requests),
      fits(read.limitDay - read.usedDay, cost.reads),
    );
    const sent = Math.min(left, by15, byDay);
    if (sent >= left) {
      const windowEnd = nextQuarterHour(t);
      const share = by15 === Number.POSITIVE_INFINITY ? 0 : left / Math.max(by15, 1);
      return {
        remaining,
        finishAt: t + (windowEnd - t) * Math.min(1, share),
        holding: holding ?? 'none',
      };
    }
    holding ??= byDay <= by15 ? 'daily' : '15-minute';
    left -= sent;
    const dayDone = byDay - sent <= 0;
    t = dayDone ? nextUtcMidnight(t) : nextQuarterHour(t);
    overall.used15 = 0;
    read.used15 = 0;
    if (dayDone) {
      overall.usedDay = 0;
      read.usedDay = 0;
    } else {
      overall.usedDay += sent * cost.requests;
      read.usedDay += sent * cost.reads;
    }
  }
  return { remaining, finishAt: t + (left / perWindow15) * quarterMs, holding: holding ?? 'daily' };
}
