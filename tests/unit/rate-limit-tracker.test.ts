import { describe, expect, it } from 'vitest';
import { RateLimitTracker } from '../../src/core/strava/rate-limit-tracker';
import { nextQuarterHour, nextUtcMidnight } from '../../src/core/strava/rate-limit-windows';

const t0 = Date.UTC(2026, 10, 23, 10, 7, 0); // 10:07 UTC

describe('RateLimitTracker', () => {
  it('reads both header pairs, whatever their case', () => {
    const tracker = new RateLimitTracker();
    tracker.update(
      {
        'x-ratelimit-limit': '300,3000',
        'x-ratelimit-usage': '12,340',
        'x-readratelimit-limit': '150,1500',
        'x-readratelimit-usage': '7,70',
      },
      t0,
    );
    expect(tracker.snapshot(t0)).toEqual({
      overall: { limit15: 300, limitDay: 3000, used15: 12, usedDay: 340 },
      read: { limit15: 150, limitDay: 1500, used15: 7, usedDay: 70 },
    });
  });

  it('refuses a read when the read budget is used up, but still lets an upload go', () => {
    const tracker = new RateLimitTracker();
    tracker.update({ 'x-ratelimit-usage': '100,100', 'x-readratelimit-usage': '100,100' }, t0);
    expect(tracker.check('read', t0)).toEqual({
      ok: false,
      until: nextQuarterHour(t0),
      budget: 'read',
      span: '15min',
    });
    expect(tracker.check('upload', t0)).toEqual({ ok: true });
  });

  it('points at midnight UTC when the daily budget is gone', () => {
    const tracker = new RateLimitTracker();
    tracker.update({ 'x-ratelimit-usage': '5,2000' }, t0);
    expect(tracker.check('upload', t0)).toMatchObject({
      ok: false,
      until: nextUtcMidnight(t0),
      span: 'day',
    });
  });

  it('forgets the 15-minute usage at the quarter hour', () => {
    const tracker = new RateLimitTracker();
    tracker.update({ 'x-ratelimit-usage': '200,300' }, t0);
    expect(tracker.check('upload', t0).ok).toBe(false);
    const next = nextQuarterHour(t0);
    expect(next).toBe(Date.UTC(2026, 10, 23, 10, 15, 0));
    expect(tracker.check('upload', next).ok).toBe(true);
    expect(tracker.snapshot(next).overall).toMatchObject({ used15: 0, usedDay: 300 });
  });

  it('counts acquired requests so concurrent callers share the budget', () => {
    const tracker = new RateLimitTracker();
    tracker.update({ 'x-readratelimit-usage': '98,98', 'x-ratelimit-usage': '98,98' }, t0);
    expect(tracker.acquire('read', t0).ok).toBe(true);
    expect(tracker.acquire('read', t0).ok).toBe(true);
    expect(tracker.acquire('read', t0).ok).toBe(false);
    // A late header with a lower count does not hand back what is in flight.
    tracker.update({ 'x-readratelimit-usage': '99,99' }, t0);
    expect(tracker.snapshot(t0).read.used15).toBe(100);
  });

  it('closes the window after a 429 whatever the headers said', () => {
    const tracker = new RateLimitTracker();
    tracker.noteRejected('upload', t0);
    expect(tracker.check('upload', t0)).toMatchObject({ ok: false, until: nextQuarterHour(t0) });
  });

  it('ignores malformed header values', () => {
    const tracker = new RateLimitTracker();
    tracker.update({ 'x-ratelimit-limit': 'lots', 'x-ratelimit-usage': '1,2,3' }, t0);
    expect(tracker.snapshot(t0).overall).toEqual({
      limit15: 200,
      limitDay: 2000,
      used15: 0,
      usedDay: 0,
    });
  });
});
