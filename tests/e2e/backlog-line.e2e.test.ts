import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { chromiumPresent, dropFolders, startWorld, type E2eWorld, authorizeIn } from './e2e-world';

let w: E2eWorld;
beforeAll(async () => {
  if (!chromiumPresent) return;
  // Two requests a quarter hour: the batch is held by Strava's 15-minute limit at once.
  w = await startWorld({ sim: { rateLimits: { overall: [2, 2000] } } });
}, 120_000);
afterAll(async () => w?.close());

describeWhen(chromiumPresent, skipReasons.chromium)('the Queue’s backlog line', () => {
  it(
    'says how many are to go, how long it takes at Strava’s limits, and which limit holds it',
    // A sign-in, a drop and a batch: under a full run on two cores this takes more than 20 s.
    { timeout: 60_000 },
    async () => {
      await authorizeIn(w.page, w.page.getByRole('button', { name: /^Connect$/ }).first());
      await w.page
        .getByText(/Connected as/)
        .first()
        .waitFor();
      await w.page.getByRole('button', { name: 'Upload' }).first().click();
      await dropFolders(w.page, ['Bay paddle', 'Harbour walk', 'Coast ride']);
      await w.page.getByRole('button', { name: /Upload 3 sequences/ }).click();
      await w.page.getByRole('heading', { name: 'Queue' }).waitFor();
      const line = w.page.getByText(/\d to go: about .* at Strava's limits\./);
      await line.waitFor({ timeout: 30_000 });
      // The limits are learned from Strava's first answers, which may come after the first line.
      await expect
        .poll(() => line.textContent(), { timeout: 30_000 })
        .toMatch(/15-minute limit is holding the batch/);
    },
  );
});
