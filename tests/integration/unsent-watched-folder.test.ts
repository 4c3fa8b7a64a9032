import { join } from 'node:path';
import { afterEach, expect, it } from 'vitest';
import { startAppHarness, type AppHarness } from '../support/app-harness';
import { makeSequenceFolder } from '../support/make-sequence-folder';

let h: AppHarness | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

it('looks in the watched folder of Settings too, and grants what it found to the preview', async () => {
  h = await startAppHarness({ grantDir: false });
  const watched = join(h.dir, 'watched');
  const folder = await makeSequenceFolder(watched, { name: 'Quay walk' });
  expect(await h.app.handle('sequences:findUnsent', {})).toEqual({
    ok: true,
    value: { roots: [], count: 0, paths: [] },
  });
  // Not found yet, so not granted: the renderer may not name it.
  expect(
    await h.app.handle('folders:inspect', { requestId: 'before-01', paths: [folder] }),
  ).toMatchObject({ ok: false });
  expect(await h.app.handle('settings:set', { watchedFolder: watched })).toMatchObject({
    ok: true,
  });
  expect(await h.app.handle('sequences:findUnsent', {})).toEqual({
    ok: true,
    value: { roots: [watched], count: 1, paths: [folder] },
  });
  expect(
    await h.app.handle('folders:inspect', { requestId: 'after-001', paths: [folder] }),
  ).toEqual({
    ok: true,
    value: { requestId: 'after-001' },
  });
});
