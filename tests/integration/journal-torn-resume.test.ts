import { readFileSync, writeFileSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { startPipelineHarness, type PipelineHarness } from '../support/pipeline-harness';

let h: PipelineHarness;
afterEach(async () => h?.close());

describe('a journal whose last record was cut short by a kill', () => {
  it('drops that record on reopening and resumes every item, with one activity each', async () => {
    h = await startPipelineHarness();
    const folders = [];
    for (let i = 0; i < 4; i++)
      folders.push(
        await makeSequenceFolder(h.dir, {
          name: `Cut ${i}`,
          track: { points: 40, start: Date.UTC(2021, 5, i + 1, 8) },
        }),
      );
    const first = h.pipeline({ concurrency: 1 });
    first.add(folders, { createMtpw: false });
    const stop = new AbortController();
    first.subscribe((changed) => {
      if (changed.some((i) => i.stage === 'processing')) stop.abort();
    });
    await first.run({ signal: stop.signal });
    expect(first.items().filter((i) => i.stage === 'done')).toHaveLength(0);

    // SIGKILL in the middle of writing the last record leaves half of it.
    const text = readFileSync(h.journalPath, 'utf8');
    const last = text.trimEnd().split('\n').at(-1) ?? '';
    expect(last.length).toBeGreaterThan(0);
    writeFileSync(h.journalPath, text.slice(0, text.length - 1 - Math.ceil(last.length / 2)));

    const restarted = h.pipeline();
    expect(restarted.items()).toHaveLength(4);
    expect(await restarted.run()).toEqual({ done: 4, failed: 0, stillProcessing: 0 });
    expect(h.sim.state().activities).toHaveLength(4);
    expect(readFileSync(h.journalPath, 'utf8').endsWith('\n')).toBe(true);
  });
});
