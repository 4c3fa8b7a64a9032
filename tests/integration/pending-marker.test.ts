import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { startPipelineHarness, type PipelineHarness } from '../support/pipeline-harness';

let h: PipelineHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

/** Runs one folder through the pipeline and returns every marker status seen on the way, in order. */
async function statusesSeen(harness: PipelineHarness): Promise<{ seen: string[]; item: unknown }> {
  const folder = await makeSequenceFolder(harness.dir, { name: 'Marked', track: { points: 30 } });
  const pipeline = harness.pipeline();
  const seen: string[] = [];
  pipeline.subscribe(() => {
    let status: string;
    try {
      const marker = JSON.parse(readFileSync(join(folder, 'upload_strava.json'), 'utf8')) as {
        status: string;
        data: string;
      };
      status = `${marker.status} ${marker.data}`;
    } catch {
      status = 'none';
    }
    if (seen.at(-1) !== status) seen.push(status);
  });
  pipeline.add([folder], { createMtpw: false });
  expect(await pipeline.run()).toEqual({ done: 1, failed: 0, stillProcessing: 0 });
  return { seen, item: pipeline.items()[0] };
}

describe('the PENDING marker', () => {
  it('is written once, with the upload id, when a check finds the upload still processing', async () => {
    h = await startPipelineHarness({ processingDelayMs: 800 });
    const { seen, item } = await statusesSeen(h);
    const { uploadId } = item as { uploadId: string };
    expect(seen).toEqual(['none', `PENDING ${uploadId}`, `TRUE ${uploadId}`]);
    expect(item).toMatchObject({ pendingMarked: true, stage: 'done' });
  });

  it('is never written when the first check confirms the upload: the TRUE marker is the only write', async () => {
    h = await startPipelineHarness({ processingDelayMs: 0 });
    const { seen, item } = await statusesSeen(h);
    const { uploadId } = item as { uploadId: string };
    expect(seen).toEqual(['none', `TRUE ${uploadId}`]);
    expect(item).not.toHaveProperty('pendingMarked');
  });
});
