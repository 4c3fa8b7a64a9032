import type { QueueItem } from '../core/pipeline/queue-item';
import { canListActivities } from '../core/pipeline/read-scope';
import { estimateBacklog, type UploadCost } from '../core/strava/backlog-estimate';
import { backlogWords } from '../shared/backlog-words';
import type { StravaClients } from '../core/strava/strava-clients';

/**
 * What an upload costs on average: with a read scope one list read confirms many
 * uploads; without one each upload is polled about 1.25 times (bench/pipeline-requests.ts).
 */
const withListing: UploadCost = { requests: 1.1, reads: 0.1 };
const withPolling: UploadCost = { requests: 2.25, reads: 1.25 };

/** Items that still need Strava's budget: not done, not failed, no activity yet. */
const toGo = (items: QueueItem[]) =>
  items.filter((i) => i.stage !== 'done' && i.stage !== 'failed' && !i.activityId).length;

/** The `status` line saying what is left and when it will be done at Strava's limits, or undefined. */
export async function backlogLine(
  strava: Pick<StravaClients, 'session' | 'rateLimits'>,
  items: QueueItem[],
): Promise<string | undefined> {
  const remaining = toGo(items);
  if (remaining === 0) return undefined;
  const account = await strava.session.account();
  const cost = canListActivities(account?.scopes ?? []) ? withListing : withPolling;
  const now = Date.now();
  const estimate = estimateBacklog(remaining, strava.rateLimits.snapshot(now), cost, now);
  return backlogWords(estimate, now);
}
