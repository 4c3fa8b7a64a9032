import type { QueueItem, Stage } from '../pipeline/queue-item';
import { canListActivities } from '../pipeline/read-scope';
import { estimateBacklog, type BacklogEstimate, type UploadCost } from './backlog-estimate';
import type { StravaClients } from './strava-clients';

/**
 * What an upload costs on average: with a read scope one list read confirms many
 * uploads; without one each upload is polled about 1.25 times (bench/pipeline-requests.ts).
 */
const withListing: UploadCost = { requests: 1.1, reads: 0.1 };
const withPolling: UploadCost = { requests: 2.25, reads: 1.25 };

/** Items that still need Strava's budget: not done, not failed, no activity yet. */
export function itemsToGo(items: readonly QueueItem[]): number {
  return items.filter((i) => i.stage !== 'done' && i.stage !== 'failed' && !i.activityId).length;
}

/** The same count from the pipeline's index: the stages before Strava has made the activity. */
export function toGoFromCounts(counts: Record<Stage, number>): number {
  return counts.queued + counts.reading + counts.uploading + counts.processing;
}

/**
 * When `remaining` uploads will be done at Strava's limits as the shared tracker
 * knows them now, at the cost per upload that the account's scopes allow; the CLI's
 * `status` and the app's Queue both ask this. Undefined when nothing is left.
 */
export async function queueBacklog(
  strava: Pick<StravaClients, 'session' | 'rateLimits'>,
  remaining: number,
  now: number,
): Promise<BacklogEstimate | undefined> {
  if (remaining === 0) return undefined;
  const account = await strava.session.account();
  const cost = canListActivities(account?.scopes ?? []) ? withListing : withPolling;
  return estimateBacklog(remaining, strava.rateLimits.snapshot(now), cost, now);
}
