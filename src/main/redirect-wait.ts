import { UploadError } from '../core/errors/upload-error';

/** How long a sign-in may wait for its redirect before giving up. */
export const defaultSignInTimeoutMs = 5 * 60_000;

/** One sign-in waiting for its redirect: settles once, by redirect, error, timeout or cancel. */
export interface RedirectWait {
  readonly promise: Promise<URL>;
  readonly settled: boolean;
  resolve(url: URL): void;
  reject(error: UploadError): void;
}

/**
 * Starts a wait that fails with `timeout` after `timeoutMs` and with `cancelled` when
 * `signal` aborts. A sign-in can end without any redirect (Strava's athlete-cap page,
 * a tab left open), so no wait is unbounded. `onSettled` runs exactly once, first.
 */
export function createRedirectWait(options: {
  timeoutMs: number;
  timeoutMessage: string;
  signal?: AbortSignal | undefined;
  onSettled?: () => void;
}): RedirectWait {
  let settle: { resolve: (url: URL) => void; reject: (error: UploadError) => void } | undefined;
  const promise = new Promise<URL>((resolve, reject) => (settle = { resolve, reject }));
  const finish = (apply: (done: NonNullable<typeof settle>) => void) => {
    const done = settle;
    if (!done) return;
    settle = undefined;
    clearTimeout(timer);
    options.signal?.removeEventListener('abort', onAbort);
    options.onSettled?.();
    apply(done);
  };
  const timer = setTimeout(
    () =>
      finish((done) =>
        done.reject(
          new UploadError({ kind: 'timeout', message: options.timeoutMessage, retryable: true }),
        ),
      ),
    options.timeoutMs,
  );
  const onAbort = () =>
    finish((done) =>
      done.reject(
        new UploadError({ kind: 'cancelled', message: 'Sign-in cancelled.', retryable: true }),
      ),
    );
  options.signal?.addEventListener('abort', onAbort, { once: true });
  const wait: RedirectWait = {
    promise,
    get settled() {
      return settle === undefined;
    },
    resolve: (url) => finish((done) => done.resolve(url)),
    reject: (error) => finish((done) => done.reject(error)),
  };
  if (options.signal?.aborted) onAbort();
  return wait;
}
