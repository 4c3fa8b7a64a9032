import { afterEach, describe, expect, it } from 'vitest';
import { sleep } from '../../src/core/pipeline/sleep';
import type { QueueItem } from '../../src/core/pipeline/queue-item';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { startPipelineHarness, type PipelineHarness } from '../support/pipeline-harness';

let h: PipelineHarness;
afterEach(async () => h?.close());

const polls = () => h.sim.state().requests['GET /api/v3/uploads/{id}'] ?? 0;

/**
 * `count` uploads without a read scope, on the simulator's clock (it jumps whenever
 * the pipeline only waits), Strava taking `processingMs(n)` for the n-th upload.
 * Returns the polls each upload needed, in upload order.
 */
async function pollsPerUpload(count: number, processingMs: (n: number) => number) {
  h = await startPipelineHarness({ mtpw: false });
  await h.signInStrava(['read', 'activity:write']);
  const folders = [];
  for (let i = 0; i < count; i++)
    folders.push(
      await makeSequenceFolder(h.dir, {
        name: `Wait ${i}`,
        track: { points: 20, start: Date.UTC(2021, 7, 1) + i * 3_600_000 },
      }),
    );
  const pipeline = h.pipeline(
    { concurrency: 1, pollBoundMs: 120_000, recheckMs: 600_000 },
    {
      wait: async (ms, signal, idle) => {
        if (idle) h.sim.clock.advance(ms);
        else await sleep(Math.min(ms, 5), signal);
      },
    },
  );
  const order: string[] = [];
  const pollsOf = new Map<string, number>();
  pipeline.subscribe((changed: QueueItem[]) => {
    for (const item of changed) {
      if (item.stage === 'uploading' && !order.includes(item.id)) {
        order.push(item.id);
        h.sim.config.processingDelayMs = processingMs(order.length - 1);
      }
      // `polls` counts the checks that found it still processing; one more found it done.
      if (item.stage === 'syncing' && !pollsOf.has(item.id)) pollsOf.set(item.id, item.polls + 1);
    }
  });
  pipeline.add(folders, { createMtpw: false });
  expect(await pipeline.run()).toEqual({ done: count, failed: 0, stillProcessing: 0 });
  expect([...pollsOf.values()].reduce((a, b) => a + b, 0)).toBe(polls());
  return order.map((id) => pollsOf.get(id) ?? 0);
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;

describe('without a read scope, the first poll waits for the processing time learned from recent uploads', () => {
  it('needs about one poll per upload once it has learned', async () => {
    const each = await pollsPerUpload(30, () => 3_000);
    expect(mean(each.slice(10))).toBeLessThanOrEqual(1.25);
    expect(polls()).toBeLessThanOrEqual(30 * 1.5);
  });

  it('does not burst into polls when processing gets slower in the middle of a batch', async () => {
    const each = await pollsPerUpload(40, (n) => (n < 20 ? 1_000 : 8_000));
    // Each upload after the change needs a few polls at most, not one every second
    // (8 for an 8 s processing time). The simulated clock jumps only when the run is
    // idle, so the first upload after the change can take one poll more or less.
    expect(Math.max(...each.slice(20))).toBeLessThanOrEqual(5);
    expect(mean(each.slice(20))).toBeLessThanOrEqual(1.5);
  });
});
