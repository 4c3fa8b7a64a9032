import { toUploadError, type UploadError } from '../errors/upload-error';
import { waitForRateLimit } from './item-transitions';
import type { QueueItem, Step } from './queue-item';
import { decideRetry, type RetryOptions } from './retry-policy';
import { timeSlot } from '../../shared/timed-words';

/**
 * True for a rate-limit wait: refused by the client itself (nothing sent) or by
 * Strava with a 429. Neither spends a try: waiting for the window is bounded by
 * time, and an item should never fail just because the quarter hour was full.
 */
function rateLimitWait(error: UploadError): boolean {
  return error.kind === 'rate-limit' && error.retryAt !== undefined;
}

/**
 * What a failed step does to an item: wait for the rate-limit window (no try
 * spent, whether the client or Strava said so), retry automatically with backoff, or stop and wait for the user's Retry
 * at the step that failed.
 */
export function applyFailure(
  item: QueueItem,
  step: Step,
  thrown: unknown,
  now: number,
  retry: RetryOptions,
): QueueItem {
  // Anything but an UploadError is a bug: trying again would only repeat it.
  const error = toUploadError(thrown, {
    kind: 'internal',
    message: `Something went wrong inside the app with "${item.name}". Retry it, or send the diagnostics if it happens again.`,
    retryable: false,
  });
  if (rateLimitWait(error)) return waitForRateLimit(item, error.retryAt ?? now, now);
  const decision = decideRetry(error, item.attempts, now, retry);
  if (decision.retry) {
    return {
      ...item,
      attempts: item.attempts + 1,
      notBefore: decision.at,
      // The time is the renderer's or the CLI's to format: `notBefore` carries it.
      waitingFor: `${error.message} Trying again at ${timeSlot}.`,
      error: error.toJSON(),
      updatedAt: now,
    };
  }
  const failed: QueueItem = {
    ...item,
    stage: 'failed',
    failedStep: step,
    error: error.toJSON(),
    updatedAt: now,
  };
  delete failed.notBefore;
  delete failed.waitingFor;
  return failed;
}
