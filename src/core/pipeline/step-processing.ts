import { assertNever } from '../errors/assert-never';
import { UploadError } from '../errors/upload-error';
import type { UploadOutcome } from '../strava/upload-status';
import { nextCheck, pollGrace } from './check-schedule';
import { applyFailure } from './item-failure';
import { finishStep, waitForRateLimit } from './item-transitions';
import type { PipelineDeps } from './pipeline-deps';
import type { ProcessingTimeLearner } from './processing-time-learner';
import type { QueueItem } from './queue-item';
import { markPendingOnce } from './pending-marker';
import { confirmByList, pollUpload } from './upload-confirmer';

/** Strava refused the track after receiving it: retrying the same file cannot help. */
export function processingFailed(name: string, reason: string): UploadError {
  return new UploadError({
    kind: 'processing',
    message: `Strava could not process the track of "${name}": ${reason}`,
    retryable: false,
  });
}

/**
 * Nothing of this upload is left on Strava (it was refused, or its activity
 * deleted): the item fails at the upload step, so a Retry sends the file afresh,
 * and it may be removed from the queue.
 */
function uploadGone(item: QueueItem, error: UploadError, deps: PipelineDeps): QueueItem {
  const failed = applyFailure(item, 'uploading', error, deps.clock.now(), deps.options.retry);
  for (const key of ['uploadId', 'uploadStartedAt', 'processingSince', 'slowProcessing'] as const)
    delete failed[key];
  return failed;
}

/**
 * What Strava's answer about an upload does to the item, whether the answer came
 * with the upload POST, a poll or a list read: the one place that decides it.
 */
export function afterUploadAnswer(
  item: QueueItem,
  outcome: UploadOutcome,
  deps: PipelineDeps,
  firstWaitMs: number,
): QueueItem {
  const now = deps.clock.now();
  const { uploadId } = outcome;
  switch (outcome.state) {
    case 'processing':
      return finishStep(
        item,
        {
          ...item,
          stage: 'processing',
          uploadId,
          ...nextCheck(item, now, firstWaitMs, deps.options),
        },
        now,
      );
    case 'ready':
    case 'duplicate':
      return finishStep(
        item,
        {
          ...item,
          stage: 'syncing',
          uploadId,
          activityId: outcome.activityId,
          activitySource: outcome.state === 'ready' ? 'uploaded' : 'duplicate',
        },
        now,
      );
    case 'error':
      return uploadGone(item, processingFailed(item.name, outcome.message), deps);
    case 'deleted':
      return uploadGone(
        item,
        processingFailed(item.name, 'the activity was deleted on Strava. Retry uploads it again.'),
        deps,
      );
    default:
      return assertNever(outcome, 'upload outcome');
  }
}

/** What the processing step works with besides the pipeline's deps. */
export interface ProcessingContext {
  deps: PipelineDeps;
  learner: ProcessingTimeLearner;
  save: (item: QueueItem) => QueueItem;
}

/**
 * Checks a round of uploads Strava is processing. It reads: with a read scope, one
 * list read confirms every upload of the round that is done. It sends: a poll for
 * each due upload the list cannot confirm (failures and duplicates never show
 * there) once its grace has passed, or for every due one without a read scope,
 * each only if the read budget allows. It records each answer, and teaches the
 * learner how long Strava takes.
 */
export async function processingStep(
  items: QueueItem[],
  listed: boolean,
  ctx: ProcessingContext,
): Promise<void> {
  const { deps, learner, save } = ctx;
  let found = new Map<string, string>();
  if (listed) {
    try {
      found = await confirmByList(items, deps);
    } catch (error) {
      deps.logger.warn('pipeline: listing activities failed; polling instead', {
        error: String(error),
      });
    }
  }
  for (const item of items) {
    const now = deps.clock.now();
    const elapsed = now - (item.processingSince ?? now);
    const firstCheck = item.polls === 0;
    // This check is planned with the wait as it is now; what it teaches applies to the next uploads.
    const wait = learner.firstWait();
    const learn = (ready: boolean) => firstCheck && learner.observe(elapsed, ready);
    const activityId = item.uploadId ? found.get(item.uploadId) : undefined;
    if (item.uploadId && activityId) {
      save(
        afterUploadAnswer(
          item,
          { state: 'ready', uploadId: item.uploadId, activityId },
          deps,
          wait,
        ),
      );
      learn(true);
      continue;
    }
    // Listed with the due ones, as one read covers them all; its own time has not come.
    if ((item.notBefore ?? 0) > now) continue;
    // The learned wait grew since this first check was planned: wait for it rather than ask early.
    if (firstCheck && elapsed < wait) {
      save({ ...item, ...nextCheck(item, now, wait, deps.options) });
      continue;
    }
    if (listed && elapsed < pollGrace(deps.options.listGraceMs, wait)) {
      // Not on the list yet, within its grace: the poll after the grace decides, and marks.
      save({ ...item, ...nextCheck(item, now, wait, deps.options) });
      learn(false);
      continue;
    }
    const verdict = deps.strava.rateLimits.check('read', now);
    if (!verdict.ok) {
      save(await markPendingOnce(waitForRateLimit(item, verdict.until, now), deps));
      continue;
    }
    try {
      const outcome = await pollUpload(item, deps);
      const answered = afterUploadAnswer(item, outcome, deps, wait);
      save(outcome.state === 'processing' ? await markPendingOnce(answered, deps) : answered);
      if (outcome.state !== 'error' && outcome.state !== 'deleted')
        learn(outcome.state !== 'processing');
    } catch (error) {
      save(
        await markPendingOnce(
          applyFailure(item, 'processing', error, deps.clock.now(), deps.options.retry),
          deps,
        ),
      );
    }
  }
}
