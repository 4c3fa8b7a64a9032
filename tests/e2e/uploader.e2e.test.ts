import type { Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import {
  chromiumPresent,
  dropFolders,
  screenshot,
  seriousViolations,
  startWorld,
  type E2eWorld,
  popupFrom,
} from './e2e-world';

let w: E2eWorld;
beforeAll(async () => {
  if (!chromiumPresent) return;
  w = await startWorld();
}, 120_000);
afterAll(async () => w?.close());

/** Clicks a button that opens a sign-in popup, then acts in the popup. */
async function inPopup(label: RegExp, act: (popup: Page) => Promise<void>): Promise<void> {
  await act(await popupFrom(w.page, w.page.getByRole('button', { name: label }).first()));
}

// One user's session, step by step: each test starts where the previous one ended.
describeWhen(chromiumPresent, skipReasons.chromium)(
  'the uploader in Chromium, against the simulator',
  () => {
    it('explains a Strava sign-in without upload permission, and stays disconnected', async () => {
      await w.page.getByRole('heading', { name: 'Accounts' }).waitFor();
      await inPopup(/^Connect$/, async (popup) => {
        await popup.getByLabel(/Upload your activities/).uncheck();
        await popup.getByRole('button', { name: 'Authorize' }).click();
      });
      await w.page
        .getByText(/without permission to upload/)
        .first()
        .waitFor();
      expect(await w.page.getByText('Connected as').count()).toBe(0);
    });

    it('connects Strava and Map the Paths by clicking Authorize', async () => {
      await inPopup(/^Connect$/, (popup) =>
        popup.getByRole('button', { name: 'Authorize' }).click(),
      );
      await w.page
        .getByText(/Connected as/)
        .first()
        .waitFor();
      await inPopup(/^Connect$/, (popup) =>
        popup.getByRole('button', { name: 'Authorize' }).click(),
      );
      await w.page.getByText('Not connected yet.').waitFor({ state: 'detached' });
      expect(await seriousViolations(w.page)).toEqual([]);
      await screenshot(w.page, 'accounts');
    });

    it('checks dropped folders at once and shows a bad folder’s problem', async () => {
      await w.page
        .getByRole('link', { name: 'Upload' })
        .or(w.page.getByRole('button', { name: 'Upload' }))
        .first()
        .click();
      await dropFolders(w.page, ['Bay paddle', 'Harbour walk', 'Coast ride', 'Broken track']);
      await w.page
        .getByText(/has no time/)
        .first()
        .waitFor();
      await w.page.getByRole('button', { name: /Upload 3 sequences/ }).waitFor();
      expect(await seriousViolations(w.page)).toEqual([]);
      await screenshot(w.page, 'upload');
    });

    it(
      'uploads them, shows each done, and opens the activity on Strava',
      { timeout: 60_000 },
      async () => {
        await w.page.getByRole('button', { name: /Upload 3 sequences/ }).click();
        await w.page.getByRole('heading', { name: 'Queue' }).waitFor();
        await expect
          .poll(() => w.page.getByText('Done', { exact: true }).count(), { timeout: 30_000 })
          .toBe(3);
        expect(w.sim.state().activities).toHaveLength(3);
        expect(w.sim.state().mtpw.sequences.filter((s) => s.strava)).toHaveLength(2);
        expect(await seriousViolations(w.page)).toEqual([]);
        await screenshot(w.page, 'queue');
        const popup = w.page.waitForEvent('popup');
        await w.page
          .getByRole('button', { name: /^Open .* on Strava$/ })
          .first()
          .click();
        const opened = await popup;
        expect(opened.url()).toMatch(new RegExp(`^${w.sim.url}/activities/\\d+$`));
        expect(w.sim.state().activities.map((a) => a.id)).toContain(opened.url().split('/').pop());
      },
    );

    it(
      'shows an injected failure with its reason, and a Retry that succeeds without a duplicate',
      { timeout: 60_000 },
      async () => {
        await makeSequenceFolder(w.folders, {
          name: 'Outage walk',
          transportType: 'Earth',
          transportMethod: 'Walk',
          track: { points: 40, start: Date.UTC(2022, 1, 1) },
        });
        w.sim.faults.add('POST /api/v3/uploads', { type: 'status', status: 500 }, { times: 4 });
        await w.page
          .getByRole('link', { name: 'Upload' })
          .or(w.page.getByRole('button', { name: 'Upload' }))
          .first()
          .click();
        await dropFolders(w.page, ['Outage walk']);
        await w.page.getByRole('button', { name: /Upload 1 sequence/ }).click();
        // The automatic retries are spent before the row fails and offers Retry.
        const retry = w.page.getByRole('button', { name: 'Retry Outage walk' });
        await retry.waitFor({ timeout: 30_000 });
        const row = w.page.locator('.queue-row', { has: retry });
        await expect
          .poll(() => row.locator('.queue-detail.problem').textContent())
          .toMatch(/Strava is having trouble/);
        expect(await row.getByText(/^Failed/).count()).toBeGreaterThan(0);
        await screenshot(w.page, 'queue-failed');
        await retry.click();
        await expect
          .poll(() => w.page.getByText('Done', { exact: true }).count(), { timeout: 30_000 })
          .toBe(4);
        expect(w.sim.state().activities).toHaveLength(4);
      },
    );

    it('shows when Strava’s rate limit lets uploads go on', async () => {
      const used = w.sim.state().rateLimit.usage[0];
      w.sim.config.rateLimits = { overall: [used + 1, 2000], read: [100, 1000] };
      for (const name of ['Late one', 'Late two']) {
        await makeSequenceFolder(w.folders, {
          name,
          transportType: 'Earth',
          transportMethod: 'Walk',
          track: { points: 30, start: Date.UTC(2022, 2, name.length) },
        });
      }
      await w.page
        .getByRole('link', { name: 'Upload' })
        .or(w.page.getByRole('button', { name: 'Upload' }))
        .first()
        .click();
      await dropFolders(w.page, ['Late one', 'Late two']);
      await w.page.getByRole('button', { name: /Upload 2 sequences/ }).click();
      await w.page
        .getByText(/limit for this quarter hour is reached/)
        .first()
        .waitFor({ timeout: 30_000 });
      // The limit was lowered under the client: the one refusal that taught it is all it gets.
      expect(w.sim.state().rateLimitRefusals).toBeLessThanOrEqual(1);
      await screenshot(w.page, 'queue-rate-limited');
    });
  },
);
