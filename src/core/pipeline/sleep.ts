import { setTimeout as delay } from 'node:timers/promises';

/** Waits `ms`, ending early (without throwing) when `signal` aborts. */
export async function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  if (ms <= 0 || signal?.aborted) return;
  await delay(ms, undefined, signal ? { signal } : {}).catch(() => undefined);
}

/**
 * The scheduler's pause: until `wake` resolves, `ms` pass, or `signal` aborts. The
 * real timer is cleared when woken, with no abort error built each round (a backlog
 * wakes thousands of times); a test's `wait` gets a signal that ends it on waking.
 */
export async function waitOrWake(
  wake: Promise<void>,
  ms: number,
  signal: AbortSignal | undefined,
  wait: ((ms: number, signal: AbortSignal, idle: boolean) => Promise<void>) | undefined,
  idle: boolean,
): Promise<void> {
  if (wait) {
    const woken = new AbortController();
    await Promise.race([
      wake,
      wait(ms, AbortSignal.any([woken.signal, ...(signal ? [signal] : [])]), idle),
    ]);
    woken.abort();
    return;
  }
  if (signal?.aborted) return;
  await new Promise<void>((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal?.removeEventListener('abort', done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal?.addEventListener('abort', done, { once: true });
    void wake.then(done);
  });
}
