import { afterEach, describe, expect, it } from 'vitest';
import { sleep } from '../../src/core/pipeline/sleep';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { startPipelineHarness, type PipelineHarness } from '../support/pipeline-harness';

let h: PipelineHarness;
afterEach(async () => h?.close());

const minute = 60_000;

describe('after the computer sleeps', () => {
  it('wake() finds the item whose rate-limit window passed while the timers were stopped', async () => {
    h = await startPipelineHarness({ mtpw: false, rateLimits: { overall: [2, 2000] } });
    // The two requests of this window; the next one holds the upload and its check.
    await h.strava.api.getAthlete();
    await h.strava.api.getAthlete();
    let slept = false;
    const pipeline = h.pipeline(
      {},
      {
        // A suspended computer: the scheduler's timer never fires by itself. The first
        // time it waits on the window, the machine sleeps past it and then wakes.
        wait: (ms, signal, idle) =>
          new Promise<void>((resolve) => {
            signal.addEventListener('abort', () => resolve());
            const onWindow = pipeline.items().some((i) => i.waitingFor?.includes('rate limit'));
            // Awake: Strava's processing is waited for as usual, only faster.
            if (!idle || slept || !onWindow)
              return void sleep(Math.min(ms, 20), signal).then(resolve);
            slept = true;
            h.sim.clock.advance(16 * minute);
            setImmediate(() => pipeline.wake());
          }),
      },
    );
    pipeline.add([await makeSequenceFolder(h.dir, { name: 'After sleep' })], {
      createMtpw: false,
    });
    expect(await pipeline.run()).toEqual({ done: 1, failed: 0, stillProcessing: 0 });
    expect(slept).toBe(true);
    expect(h.sim.state().requests['POST /api/v3/uploads']).toBe(1);
  });
});
