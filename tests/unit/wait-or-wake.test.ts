import { afterEach, expect, it, vi } from 'vitest';
import { waitOrWake } from '../../src/core/pipeline/sleep';

afterEach(() => {
  vi.useRealTimers();
});

/** Whether `promise` has settled once pending callbacks ran. */
async function settled(promise: Promise<unknown>): Promise<boolean> {
  let done = false;
  void promise.then(() => (done = true));
  await vi.advanceTimersByTimeAsync(0);
  return done;
}

it('ends when woken, and clears its timer', async () => {
  vi.useFakeTimers();
  let wake!: () => void;
  const paused = waitOrWake(
    new Promise<void>((r) => (wake = r)),
    60_000,
    undefined,
    undefined,
    true,
  );
  expect(await settled(paused)).toBe(false);
  wake();
  expect(await settled(paused)).toBe(true);
  expect(vi.getTimerCount()).toBe(0);
});

it('ends when its time has passed, or when the run is stopped', async () => {
  vi.useFakeTimers();
  const never = new Promise<void>(() => undefined);
  const timed = waitOrWake(never, 1_000, undefined, undefined, true);
  await vi.advanceTimersByTimeAsync(999);
  expect(await settled(timed)).toBe(false);
  await vi.advanceTimersByTimeAsync(1);
  expect(await settled(timed)).toBe(true);
  const stop = new AbortController();
  const stopped = waitOrWake(never, 60_000, stop.signal, undefined, true);
  stop.abort();
  expect(await settled(stopped)).toBe(true);
  expect(vi.getTimerCount()).toBe(0);
});

it("ends a test's own wait when woken, through its signal", async () => {
  let wake!: () => void;
  const signals: AbortSignal[] = [];
  const paused = waitOrWake(
    new Promise<void>((r) => (wake = r)),
    5_000,
    undefined,
    (_ms, signal) => {
      signals.push(signal);
      return new Promise<void>(() => undefined);
    },
    false,
  );
  wake();
  await paused;
  expect(signals[0]?.aborted).toBe(true);
});
