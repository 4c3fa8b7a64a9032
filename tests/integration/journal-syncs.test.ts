import * as fs from 'node:fs';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Journal } from '../../src/core/pipeline/journal';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { startPipelineHarness, type PipelineHarness } from '../support/pipeline-harness';
import { sampleItem } from '../support/sample-items';

// Counts the journal's disk flushes: each one costs a write to the disk itself.
vi.mock('node:fs', async (original) => {
  const real = await original<typeof fs>();
  return { ...real, fdatasyncSync: vi.fn(real.fdatasyncSync) };
});
const flushes = vi.mocked(fs.fdatasyncSync);

let h: PipelineHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('when the journal reaches the disk', () => {
  it('syncs an upload before and after its POST only, and the rest when the queue goes idle', async () => {
    h = await startPipelineHarness();
    const folders = [
      await makeSequenceFolder(h.dir, { name: 'One', track: { points: 30 } }),
      await makeSequenceFolder(h.dir, {
        name: 'Two',
        track: { points: 30, start: Date.UTC(2022, 1, 2) },
      }),
    ];
    const pipeline = h.pipeline();
    pipeline.add(folders, { createMtpw: false });
    flushes.mockClear();
    expect(await pipeline.run()).toEqual({ done: 2, failed: 0, stillProcessing: 0 });
    // Two per upload; the read, the checks and the last step were synced with those or at idle.
    expect(flushes.mock.calls.length).toBeLessThanOrEqual(2 * folders.length + 2);
    expect(flushes.mock.calls.length).toBeGreaterThanOrEqual(2 * folders.length);
    // Nothing is left unsynced once the run returns: closing it (as a restart does) syncs nothing.
    flushes.mockClear();
    h.pipeline();
    expect(flushes).not.toHaveBeenCalled();
  });

  it('makes saves that did not sync durable on flush and on close, and a clean flush costs nothing', async () => {
    h = await startPipelineHarness();
    const journal = Journal.open({ path: `${h.dir}/own.jsonl` });
    journal.save(sampleItem(1), { durable: false });
    flushes.mockClear();
    journal.flush();
    expect(flushes).toHaveBeenCalledTimes(1);
    journal.flush();
    expect(flushes).toHaveBeenCalledTimes(1);
    journal.save(sampleItem(2), { durable: false });
    journal.close();
    expect(flushes).toHaveBeenCalledTimes(2);
  });
});
