import type { UploadError } from '../errors/upload-error';

/** Tunables of the retry policy (tests shrink the delays). */
export interface RetryOptions {
  /** Automatic retries per step before the item waits for the user. */
  maxAutoRetries: number;
  /** First backoff; each further retry waits four times longer. */
  baseDelayMs: number;
  /** Random spread, as a share of the delay, so many items do not retry in step. */
  jitter: number;
}

export const defaultRetryOptions: RetryOptions = {
  maxAutoRetries: 3,
  baseDelayMs: 2_000,
  jitter: 0.25,
};

/** What to do after a step failed. */
export type RetryDecision = { retry: true; at: number } | { retry: false };

/**
 * Retries what retrying can fix (network, timeouts, 5xx, 429 after its window,
 * 401 after a refresh) up to `maxAutoRetries` times with backoff and jitter;
 * a deterministic rejection (bad file, missing scope) fails at once.
 */
export function decideRetry(
  error: UploadError,
  attemptsSoFar: number,
  now: number,
  options: RetryOptions = defaultRetryOptions,
  random: () => number = Math.random,
): RetryDecision {
  if (!error.retryable || attemptsSoFar >= options.maxAutoRetries) return { retry: false };
  const backoff = options.baseDelayMs * 4 ** attemptsSoFar;
  const spread = backoff * options.jitter * (random() * 2 - 1);
  const at = Math.max(now + backoff + spread, error.retryAt ?? 0);
  return { retry: true, at };
}
