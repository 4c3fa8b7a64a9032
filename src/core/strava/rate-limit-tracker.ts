import type { IncomingHttpHeaders } from 'node:http';
import { dayIndex, nextQuarterHour, nextUtcMidnight, quarterIndex } from './rate-limit-windows';

/** Uploads (POST /uploads) cost only the overall budget; everything else also costs a read. */
export type RequestKind = 'upload' | 'read';

/** A budget pair as Strava reports it: 15-minute and daily. */
export interface Budget {
  limit15: number;
  limitDay: number;
  used15: number;
  usedDay: number;
}

export interface RateLimitSnapshot {
  overall: Budget;
  read: Budget;
}

/** Whether a request may go now, or the moment it may. */
export type Verdict =
  { ok: true } | { ok: false; until: number; budget: 'overall' | 'read'; span: '15min' | 'day' };

const defaults = (): RateLimitSnapshot => ({
  overall: { limit15: 200, limitDay: 2000, used15: 0, usedDay: 0 },
  read: { limit15: 100, limitDay: 1000, used15: 0, usedDay: 0 },
});

/** Reads "a,b" header values; real servers spell the names in several cases, Node lowercases them. */
function pair(headers: IncomingHttpHeaders, name: string): [number, number] | undefined {
  const raw = headers[name];
  const value = Array.isArray(raw) ? raw[0] : raw;
  if (typeof value !== 'string') return undefined;
  const parts = value.split(',').map((p) => Number(p.trim()));
  const [a, b] = parts;
  if (
    parts.length !== 2 ||
    a === undefined ||
    b === undefined ||
    !Number.isFinite(a) ||
    !Number.isFinite(b)
  )
    return undefined;
  return [a, b];
}

/**
 * Tracks Strava's two rate-limit budgets from the X-RateLimit-* and
 * X-ReadRateLimit-* headers plus our own count of requests in flight, so the
 * scheduler never sends what it knows will be refused.
 */
export class RateLimitTracker {
  private state = defaults();
  private quarter = -1;
  private day = -1;

  /** Forgets counts that belong to windows that have ended. */
  private roll(now: number): void {
    const q = quarterIndex(now);
    const d = dayIndex(now);
    if (d !== this.day) {
      this.state.overall.usedDay = 0;
      this.state.read.usedDay = 0;
      this.day = d;
    }
    if (q !== this.quarter) {
      this.state.overall.used15 = 0;
      this.state.read.used15 = 0;
      this.quarter = q;
    }
  }

  /** Takes in the headers of any /api/v3 response. */
  update(headers: IncomingHttpHeaders, now: number): void {
    this.roll(now);
    const apply = (budget: Budget, limit?: [number, number], usage?: [number, number]) => {
      if (limit) [budget.limit15, budget.limitDay] = limit;
      // Our own count may include requests the server has not seen yet: keep the larger.
      if (usage) {
        budget.used15 = Math.max(budget.used15, usage[0]);
        budget.usedDay = Math.max(budget.usedDay, usage[1]);
      }
    };
    apply(
      this.state.overall,
      pair(headers, 'x-ratelimit-limit'),
      pair(headers, 'x-ratelimit-usage'),
    );
    apply(
      this.state.read,
      pair(headers, 'x-readratelimit-limit'),
      pair(headers, 'x-readratelimit-usage'),
    );
  }

  /** After a 429: whatever the headers said, nothing more goes in this window. */
  noteRejected(kind: RequestKind, now: number): void {
    this.roll(now);
    const b = kind === 'read' ? this.state.read : this.state.overall;
    b.used15 = Math.max(b.used15, b.limit15);
  }

  /** Whether a request of this kind would be accepted now. */
  check(kind: RequestKind, now: number): Verdict {
    this.roll(now);
    const budgets: Array<['overall' | 'read', Budget]> = [['overall', this.state.overall]];
    if (kind === 'read') budgets.push(['read', this.state.read]);
    for (const [name, b] of budgets) {
      if (b.usedDay >= b.limitDay)
        return { ok: false, until: nextUtcMidnight(now), budget: name, span: 'day' };
      if (b.used15 >= b.limit15)
        return { ok: false, until: nextQuarterHour(now), budget: name, span: '15min' };
    }
    return { ok: true };
  }

  /** Checks and, when allowed, counts the request at once so concurrent callers share the budget. */
  acquire(kind: RequestKind, now: number): Verdict {
    const verdict = this.check(kind, now);
    if (!verdict.ok) return verdict;
    this.state.overall.used15 += 1;
    this.state.overall.usedDay += 1;
    if (kind === 'read') {
      this.state.read.used15 += 1;
      this.state.read.usedDay += 1;
    }
    return verdict;
  }

  /** A copy of what is known now. */
  snapshot(now: number): RateLimitSnapshot {
    this.roll(now);
    return structuredClone(this.state);
  }
}
