import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { describeWhen, skipReasons } from '../support/skip-when';
import {
  chromiumPresent,
  screenshot,
  seriousViolations,
  startWorld,
  type E2eWorld,
} from './e2e-world';

let w: E2eWorld;
let sequences = '';
beforeAll(async () => {
  if (!chromiumPresent) return;
  w = await startWorld({
    // No Map the Paths client id: the app has none built in, and says so.
    env: { MTPW_CLIENT_ID: undefined },
    harness: async (work) => {
      const home = join(work, 'home');
      sequences = join(home, 'MTP', 'sequences');
      await makeSequenceFolder(sequences, { name: 'Bay walk', track: { points: 30 } });
      await makeSequenceFolder(sequences, { name: 'Ridge run_part_1', track: { points: 30 } });
      await makeSequenceFolder(sequences, { name: 'Ridge run_part_2', track: { points: 30 } });
      const done = await makeSequenceFolder(sequences, { name: 'Done walk' });
      await writeFile(
        join(done, 'upload_strava.json'),
        JSON.stringify({ sequence: 'Done walk', status: 'TRUE' }),
      );
      await mkdir(join(sequences, 'Not a sequence'));
      return { home };
    },
  });
}, 120_000);
afterAll(async () => w?.close());

describeWhen(chromiumPresent, skipReasons.chromium)(
  'the review offer on a fake home holding MTP/sequences, in Chromium',
  () => {
    it('the Map the Paths card says its client id is missing and cannot connect', async () => {
      await w.page.getByRole('heading', { name: 'Accounts' }).waitFor();
      const card = w.page.locator('section.account', { hasText: 'Map the Paths' });
      await card.getByText(/Map the Paths needs its OAuth client id/).waitFor();
      expect(await card.getByRole('button', { name: /^Connect$/ }).isDisabled()).toBe(true);
      // First run: the offer is on the first screen too.
      await w.page.getByRole('button', { name: 'Review 2 sequences not yet on Strava' }).waitFor();
    });

    it('offers the sequences not yet on Strava, parts counted once, and previews them checked', async () => {
      await w.page
        .getByRole('link', { name: 'Upload' })
        .or(w.page.getByRole('button', { name: 'Upload' }))
        .first()
        .click();
      const offer = w.page.getByRole('button', { name: 'Review 2 sequences not yet on Strava' });
      await offer.waitFor();
      expect(await w.page.getByRole('note').filter({ hasText: '…/MTP/sequences' }).count()).toBe(1);
      expect(await w.page.locator('.review-offer code').getAttribute('title')).toBe(sequences);
      expect(await seriousViolations(w.page)).toEqual([]);
      await screenshot(w.page, 'review-offer');
      await offer.click();
      // The usual preview: each folder checked, the done one and the empty one left out.
      for (const name of ['Bay walk', 'Ridge run_part_1', 'Ridge run_part_2'])
        await w.page.getByText(name, { exact: true }).first().waitFor();
      await w.page.getByRole('heading', { name: '3 sequences' }).waitFor();
      expect(await w.page.getByText('Done walk').count()).toBe(0);
      expect(await offer.count()).toBe(0);
      await w.page.getByRole('button', { name: 'Clear the list' }).click();
    });

    it("on first run, the Accounts screen's offer opens the review on the Upload screen", async () => {
      await w.page
        .getByRole('link', { name: 'Accounts' })
        .or(w.page.getByRole('button', { name: 'Accounts' }))
        .first()
        .click();
      await w.page.getByRole('heading', { name: 'Accounts' }).waitFor();
      await w.page.getByRole('button', { name: 'Review 2 sequences not yet on Strava' }).click();
      await w.page.getByRole('heading', { name: 'Upload' }).waitFor();
      await w.page.getByRole('heading', { name: '3 sequences' }).waitFor();
    });
  },
);
