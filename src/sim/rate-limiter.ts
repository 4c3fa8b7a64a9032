/** A pair of limits: per 15-minute window and per UTC day. */
export type LimitPair = [number, number];

/** Current usage, as `state().rateLimit` reports it. */
export interface RateLimitSnapshot {
  limit: LimitPair;
  usage: LimitPair;
  readLimit: LimitPair;
  readUsage: LimitPair;
  /** Epoch ms at which the 15-minute window resets. */
  windowResetsAt: number;
  /** Epoch ms at which the daily window resets (00:00 UTC). */
  dayResetsAt: number;
}

/** The outcome of counting one request. */
export interface RateLimitVerdict {
  allowed: boolean;
  headers: Record<string, string>;
}

const QUARTER_MS = 15 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Strava's application rate limits.
 * Windows are aligned on the clock (:00/:15/:30/:45 and midnight UTC), not on the
 * first request, which is what lets a client compute when it may go on.
 */
export class RateLimiter {
  private quarter = -1;
  private day = -1;
  private overall: LimitPair = [0, 0];
  private read: LimitPair = [0, 0];

  constructor(private readonly limits: () => { overall: LimitPair; read: LimitPair }) {}

  /**
   * Counts a request made at `now` and says whether it is allowed.
   * Rejected requests still count, toward both windows: Strava documents it for the
   * daily limit; counting them in the 15-minute window too is the simulator's choice,
   * so a client that keeps hammering sees usage above the limit.
   */
  count(now: number, isRead: boolean): RateLimitVerdict {
    this.roll(now);
    const { overall, read } = this.limits();
    const over =
      this.overall[0] >= overall[0] ||
      this.overall[1] >= overall[1] ||
      (isRead && (this.read[0] >= read[0] || this.read[1] >= read[1]));
    this.overall = [this.overall[0] + 1, this.overall[1] + 1];
    if (isRead) this.read = [this.read[0] + 1, this.read[1] + 1];
    return { allowed: !over, headers: this.headers(now) };
  }

  /** The four rate-limit headers for the current usage, without counting anything. */
  headers(now: number): Record<string, string> {
    this.roll(now);
    const { overall, read } = this.limits();
    return {
      'X-RateLimit-Limit': overall.join(','),
      'X-RateLimit-Usage': this.overall.join(','),
      'X-ReadRateLimit-Limit': read.join(','),
      'X-ReadRateLimit-Usage': this.read.join(','),
    };
  }

  /**
   * Headers as if the 15-minute limits were used up (the `rate-limit` fault): the
   * overall one always, the read one too when the request counts as a read.
   */
  exhaustedHeaders(now: number, isRead: boolean): Record<string, string> {
    const headers = this.headers(now);
    const { overall, read } = this.limits();
    headers['X-RateLimit-Usage'] = [Math.max(this.overall[0], overall[0]), this.overall[1]].join(
      ',',
    );
    if (isRead)
      headers['X-ReadRateLimit-Usage'] = [Math.max(this.read[0], read[0]), this.read[1]].join(',');
    return headers;
  }

  /** Current usage and when the windows reset. */
  snapshot(now: number): RateLimitSnapshot {
    this.roll(now);
    const { overall, read } = this.limits();
    return {
      limit: overall,
      usage: [...this.overall],
      readLimit: read,
      readUsage: [...this.read],
      windowResetsAt: (Math.floor(now / QUARTER_MS) + 1) * QUARTER_MS,
      dayResetsAt: (Math.floor(now / DAY_MS) + 1) * DAY_MS,
    };
  }

  /** Forgets all usage. */
  reset(): void {
    this.quarter = -1;
    this.day = -1;
    this.overall = [0, 0];
    this.read = [0, 0];
  }

  /** Starts new windows when the clock has crossed a boundary (in either direction). */
  private roll(now: number): void {
    const quarter = Math.floor(now / QUARTER_MS);
    const day = Math.floor(now / DAY_MS);
    if (quarter !== this.quarter) {
      this.quarter = quarter;
      this.overall = [0, this.overall[1]];
      this.read = [0, this.read[1]];
    }
    if (day !== this.day) {
      this.day = day;
      this.overall = [this.overall[0], 0];
      this.read = [this.read[0], 0];
    }
  }
}
