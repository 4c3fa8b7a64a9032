import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { newQueueItem } from '../../src/core/pipeline/item-transitions';
import type { PipelineDeps } from '../../src/core/pipeline/pipeline-deps';
import type { QueueItem } from '../../src/core/pipeline/queue-item';
import { readStep } from '../../src/core/pipeline/step-read';
import { syncStep } from '../../src/core/pipeline/step-sync';
import { silentLogger } from '../../src/core/ports';
import { makeSequenceFolder } from '../support/make-sequence-folder';

let dir: string | undefined;
afterEach(async () => {
  if (dir) await rm(dir, { recursive: true, force: true });
});

// Marking needs only the logger: no MTPW link and no activity update are asked for.
const deps = { logger: silentLogger } as unknown as PipelineDeps;
const sent = { uploadId: '8919699501', activityId: '18106372042' };

/** Reads both markers of a sequence folder. */
async function markers(folder: string, name: string) {
  const strava = JSON.parse(await readFile(join(folder, 'upload_strava.json'), 'utf8')) as unknown;
  const sequence = JSON.parse(await readFile(join(folder, `${name}.json`), 'utf8')) as {
    sequence: { destination?: unknown };
  };
  return { strava, destination: sequence.sequence.destination };
}

it.each([
  ['as the read step found it', (item: QueueItem) => item],
  [
    'from a journal written before the read kept the folder kind',
    ({ folderKind: _kind, jsonPath: _json, ...item }: QueueItem) => item,
  ],
])('marks the folder sent to Strava, %s', async (_case, journaled) => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-sync-markers-'));
  const folder = await makeSequenceFolder(dir, { name: 'Harbour walk' });
  const read = await readStep(newQueueItem(folder, false, Date.now()));
  expect(read.folderKind).toBe('mtp');
  const done = await syncStep(journaled({ ...read, stage: 'syncing', ...sent }), deps);
  expect(done.stage).toBe('done');
  expect(await markers(folder, 'Harbour walk')).toEqual({
    strava: {
      sequence: 'Harbour walk',
      status: 'TRUE',
      data: sent.uploadId,
      activity_id: sent.activityId,
    },
    destination: { strava: true },
  });
});
