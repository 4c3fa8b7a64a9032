import { describe, expect, it } from 'vitest';
import { estimateBacklog } from '../../src/core/strava/backlog-estimate';
import type { RateLimitSnapshot } from '../../src/core/strava/rate-limit-tracker';
import { backlogWords, durationWords } from '../../src/shared/backlog-words';

const fresh = (): RateLimitSnapshot => ({
  overall: { limit15: 200, limitDay: 2000, used15: 0, usedDay: 0 },
  read: { limit15: 100, limitDay: 1000, used15: 0, usedDay: 0 },
});
/** Midnight UTC, the start of a fresh day and window. */
const midnight = Date.UTC(2026, 11, 1);
const hour = 3_600_000;
const day = 24 * hour;

describe('the backlog estimate at Strava’s limits', () => {
  it('fits a small batch in the window it starts in, held by no limit', () => {
    const e = estimateBacklog(100, fresh(), { requests: 1.1, reads: 0.1 }, midnight);
    expect(e.holding).toBe('none');
    expect(e.finishAt).toBeGreaterThan(midnight);
    expect(e.finishAt).toBeLessThanOrEqual(midnight + 15 * 60_000);
  });

  it('spreads a larger batch over quarter hours, held by the 15-minute limit', () => {
    // 181 uploads a window at 1.1 requests each: 1,000 need six windows.
    const e = estimateBacklog(1000, fresh(), { requests: 1.1, reads: 0.1 }, midnight);
    expect(e.holding).toBe('15-minute');
    expect(e.finishAt).toBeGreaterThan(midnight + 5 * 15 * 60_000);
    expect(e.finishAt).toBeLessThanOrEqual(midnight + 6 * 15 * 60_000);
  });

  it('takes about three days for 5,000 uploads, whatever the client does', () => {
    // 2,000 requests a day at 1.25 each: 1,600 uploads a day, so the fourth day sees the last 200.
    // What holds the batch at its start is the first quarter hour's 160.
    const e = estimateBacklog(5000, fresh(), { requests: 1.25, reads: 0.25 }, midnight);
    expect(e.holding).toBe('15-minute');
    expect(e.finishAt).toBeGreaterThan(midnight + 3 * day);
    expect(e.finishAt).toBeLessThan(midnight + 3 * day + 2 * hour);
  });

  it('starts after the daily reset when today’s budget is spent', () => {
    const spent = fresh();
    spent.overall.usedDay = 2000;
    const now = midnight + 20 * hour;
    const e = estimateBacklog(10, spent, { requests: 1, reads: 0 }, now);
    expect(e.holding).toBe('daily');
    expect(e.finishAt).toBeGreaterThanOrEqual(midnight + day);
  });

  it('counts reads as the scarce budget when the token cannot list activities', () => {
    // 1.25 reads an upload: 80 a window by the read budget, not 160 by the overall one.
    const e = estimateBacklog(160, fresh(), { requests: 2.25, reads: 1.25 }, midnight);
    expect(e.finishAt).toBeGreaterThan(midnight + 15 * 60_000);
  });

  it('says nothing is left, or how long is left and what holds it, in words', () => {
    const now = midnight;
    expect(backlogWords({ remaining: 0, finishAt: now, holding: 'none' }, now)).toBe(
      'Nothing to go.',
    );
    expect(
      backlogWords({ remaining: 4812, finishAt: now + 2 * day + 14 * hour, holding: 'daily' }, now),
    ).toBe(
      "4,812 to go: about 2 days 14 h at Strava's limits. Strava's daily limit is holding the batch; it resets at midnight UTC.",
    );
    expect(durationWords(90 * 60_000)).toBe('about 1 h 30 min');
    expect(durationWords(Number.POSITIVE_INFINITY)).toBe('an unknown time');
  });
});
