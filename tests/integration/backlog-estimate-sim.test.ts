import { afterEach, describe, expect, it } from 'vitest';
import { sleep } from '../../src/core/pipeline/sleep';
import { nextUtcMidnight } from '../../src/core/strava/rate-limit-windows';
import { queueBacklog } from '../../src/core/strava/queue-backlog';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { startPipelineHarness, type PipelineHarness } from '../support/pipeline-harness';

let h: PipelineHarness;
afterEach(async () => h?.close());

const minute = 60_000;

/**
 * A backlog bigger than Strava's daily budget, on the simulator's limits (12 requests
 * per 15 minutes, 18 a day) and clock, which jumps whenever the pipeline only waits:
 * the estimate made before the first upload must land on the day the batch really ends.
 */
describe('the backlog estimate against the simulator’s limits, with its clock moved', () => {
  it('sees that the daily limit pushes the batch past midnight UTC, where it really ends', async () => {
    h = await startPipelineHarness({ mtpw: false, rateLimits: { overall: [12, 18] } });
    // 22:50 UTC: two 15-minute windows, then the daily reset, then the rest.
    const start = Date.UTC(2026, 11, 2, 22, 50);
    h.sim.clock.set(start);
    // One request teaches the client the limits, as the first request of a real run does.
    await h.strava.api.getAthlete();
    const folders = [];
    for (let i = 0; i < 20; i++)
      folders.push(
        await makeSequenceFolder(h.dir, {
          name: `Backlog ${i}`,
          track: { points: 20, start: Date.UTC(2021, 7, 1) + i * 3_600_000 },
        }),
      );
    const midnight = nextUtcMidnight(start);

    const estimate = await queueBacklog(h.strava, folders.length, h.clock.now());

    const pipeline = h.pipeline(
      { concurrency: 1 },
      {
        wait: async (ms, signal, idle) => {
          if (idle) h.sim.clock.advance(Math.max(ms, 1_000));
          else await sleep(Math.min(ms, 5), signal);
        },
      },
    );
    pipeline.add(folders, { createMtpw: false });
    expect(await pipeline.run()).toEqual({ done: 20, failed: 0, stillProcessing: 0 });
    const finished = h.clock.now();

    expect(finished).toBeGreaterThan(midnight);
    expect(estimate).toMatchObject({ remaining: 20 });
    expect(estimate?.finishAt).toBeGreaterThan(midnight);
    // Both land in the first hour of the next day: the daily reset, then a window or two.
    expect(finished).toBeLessThan(midnight + 60 * minute);
    expect(estimate?.finishAt).toBeLessThan(midnight + 60 * minute);
    // Strava never refused a request: the pipeline kept within the windows it estimated.
    expect(h.sim.state().requests['POST /api/v3/uploads']).toBe(20);
  });
});
