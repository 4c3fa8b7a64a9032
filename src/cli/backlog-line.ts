import type { QueueItem } from '../core/pipeline/queue-item';
import { itemsToGo, queueBacklog } from '../core/strava/queue-backlog';
import type { StravaClients } from '../core/strava/strava-clients';
import { backlogWords } from '../shared/backlog-words';

/** The `status` line saying what is left and when it will be done at Strava's limits, or undefined. */
export async function backlogLine(
  strava: Pick<StravaClients, 'session' | 'rateLimits'>,
  items: QueueItem[],
  now = Date.now(),
): Promise<string | undefined> {
  const estimate = await queueBacklog(strava, itemsToGo(items), now);
  return estimate && backlogWords(estimate, now);
}
