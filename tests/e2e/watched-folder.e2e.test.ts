import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { chromiumPresent, startWorld, type E2eWorld, authorizeIn } from './e2e-world';

let w: E2eWorld;
let watched: string;
beforeAll(async () => {
  if (!chromiumPresent) return;
  watched = join(await mkdtemp(join(tmpdir(), 'mtp-e2e-watch-')), 'Camera', 'sequences');
  await mkdir(watched, { recursive: true });
  // A new folder counts as complete once its files keep their sizes this long.
  w = await startWorld({ harness: () => Promise.resolve({ watchStableMs: 300 }) });
  w.page.setDefaultTimeout(10_000);
}, 120_000);
afterAll(async () => {
  await w?.close();
  if (watched) await rm(join(watched, '..', '..'), { recursive: true, force: true });
});

describeWhen(chromiumPresent, skipReasons.chromium)('the watched folder of Settings', () => {
  it('queues a new sequence folder once it is complete, and the Queue says so', async () => {
    await authorizeIn(w.page, w.page.getByRole('button', { name: /^Connect$/ }).first());
    await w.page
      .getByText(/Connected as/)
      .first()
      .waitFor();

    await w.page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const card = w.page
      .locator('section')
      .filter({ has: w.page.getByRole('heading', { name: 'Watched folder' }) });
    await card.getByLabel('Folder to watch').fill(watched);
    await card.getByRole('button', { name: 'Save' }).click();

    await w.page.getByRole('navigation').getByRole('button', { name: 'Queue' }).click();
    await w.page.getByText('Watching …/Camera/sequences.').waitFor();

    await makeSequenceFolder(watched, { name: 'Watched walk', transportType: 'Earth' });
    await w.page.getByText('Watching …/Camera/sequences: 1 sequence queued from it.').waitFor();
    await expect
      .poll(() => w.page.getByText('Done', { exact: true }).count(), { timeout: 30_000 })
      .toBe(1);
    expect(w.sim.state().activities).toHaveLength(1);
  });
});
