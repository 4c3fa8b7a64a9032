import { describe, expect, it } from 'vitest';
import { backlogLine } from '../../src/cli/backlog-line';
import type { QueueItem } from '../../src/core/pipeline/queue-item';
import { RateLimitTracker } from '../../src/core/strava/rate-limit-tracker';
import type { StravaClients } from '../../src/core/strava/strava-clients';
import { fakeItem } from '../support/fake-queue';

const item = (n: number, stage: QueueItem['stage']): QueueItem => fakeItem(n, { stage });

const stravaWith = (scopes: string[]) =>
  ({
    session: { account: () => Promise.resolve({ scopes }) },
    rateLimits: new RateLimitTracker(),
  }) as unknown as Pick<StravaClients, 'session' | 'rateLimits'>;

describe('mtp-strava status: what is left at Strava’s limits', () => {
  it('says nothing when every item is done or failed', async () => {
    const items = [item(1, 'done'), item(2, 'failed')];
    expect(await backlogLine(stravaWith(['activity:write']), items)).toBeUndefined();
  });

  it('counts what is still to go and says how long it takes', async () => {
    const items = [
      ...Array.from({ length: 4812 }, (_, n) => item(n, 'queued')),
      item(9999, 'done'),
    ];
    // Late in a UTC day: little of today's budget is left to use, so three days begin.
    const evening = Date.UTC(2026, 11, 1, 22, 0);
    const line = await backlogLine(
      stravaWith(['activity:write', 'activity:read_all']),
      items,
      evening,
    );
    expect(line).toMatch(/^4,812 to go: about 2 days( \d+ h)? at Strava's limits\./);
  });

  it('takes longer without a read scope, as each upload is then polled', async () => {
    const items = Array.from({ length: 1000 }, (_, n) => item(n, 'queued'));
    const listing = await backlogLine(stravaWith(['activity:write', 'activity:read_all']), items);
    const polling = await backlogLine(stravaWith(['activity:write']), items);
    expect(listing).not.toEqual(polling);
    expect(polling).toMatch(/^1,000 to go: about/);
  });
});
