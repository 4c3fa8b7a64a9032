import { expect, it } from 'vitest';
import type { PipelineDeps } from '../../src/core/pipeline/pipeline-deps';
import { confirmByList } from '../../src/core/pipeline/upload-confirmer';
import { defaultShapeOptions } from '../../src/core/shape/shape-options';
import { fakeItem } from '../support/fake-queue';

const day = 24 * 3600;
const s = (iso: string) => Date.parse(iso) / 1000;

/** Deps whose activity list answers one listed upload and records each query. */
function listing() {
  const queries: unknown[] = [];
  const deps = {
    strava: {
      api: {
        listActivities: (query: unknown) => {
          queries.push(query);
          return Promise.resolve([{ id: '77', upload_id_str: '1' }]);
        },
      },
    },
  } as unknown as PipelineDeps;
  return { deps, queries };
}

it('lists only the activities that start around the waiting tracks, a day either side', async () => {
  const { deps, queries } = listing();
  const items = [
    fakeItem(1, { uploadId: '1', trackStart: '2019-05-04T10:00:00Z' }),
    fakeItem(2, { uploadId: '2', trackStart: '2019-05-06T08:30:00Z' }),
  ];
  expect(await confirmByList(items, deps)).toEqual(new Map([['1', '77']]));
  expect(queries[0]).toMatchObject({
    after: s('2019-05-04T10:00:00Z') - day,
    before: s('2019-05-06T08:30:00Z') + day,
  });
});

it('moves the window by each item’s time offset', async () => {
  const { deps, queries } = listing();
  const shape = { ...defaultShapeOptions, timeOffsetS: 3 * day };
  const items = [fakeItem(1, { uploadId: '1', trackStart: '2019-05-04T10:00:00Z', shape })];
  await confirmByList(items, deps);
  expect(queries[0]).toMatchObject({
    after: s('2019-05-07T10:00:00Z') - day,
    before: s('2019-05-07T10:00:00Z') + day,
  });
});

it('has no upper bound when a track’s start is not known', async () => {
  const { deps, queries } = listing();
  const items = [
    fakeItem(1, { uploadId: '1', trackStart: '2019-05-04T10:00:00Z' }),
    fakeItem(2, { uploadId: '2' }),
  ];
  await confirmByList(items, deps);
  expect(queries[0]).toMatchObject({ after: 0 });
  expect(queries[0]).not.toHaveProperty('before');
});
