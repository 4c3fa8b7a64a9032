import type { Page } from 'playwright';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { chromiumPresent, startWorld, type E2eWorld, popupFrom } from './e2e-world';

let w: E2eWorld;
beforeAll(async () => {
  if (!chromiumPresent) return;
  w = await startWorld();
}, 120_000);
afterAll(async () => w?.close());

/** Clicks Connect on the Strava card and waits for the sign-in popup. */
async function connectStrava(): Promise<Page> {
  return popupFrom(w.page, w.page.getByRole('button', { name: /^Connect$/ }).first());
}

describeWhen(chromiumPresent, skipReasons.chromium)(
  "Strava's refusals during sign-in, in Chromium against the simulator",
  () => {
    it('closes the popup on the athlete-cap page, explains the cap and opens the own-app form', async () => {
      await w.page.getByRole('heading', { name: 'Accounts' }).waitFor();
      w.sim.config.athleteCap = true;
      const popup = await connectStrava();
      const closed = popup.waitForEvent('close');
      await popup.getByRole('button', { name: 'Authorize' }).click();
      await closed;
      const alert = w.page.getByRole('alert').filter({ hasText: /as many athletes/ });
      await alert.waitFor();
      expect(await alert.textContent()).toMatch(/Limit of connected athletes exceeded/);
      expect(await alert.textContent()).not.toMatch(/cancelled/i);
      // The bring-your-own-app form is open (the first-run one, or the one behind the card's link).
      await w.page
        .getByLabel(/Client ID/)
        .first()
        .waitFor();
      expect(await w.page.getByText(/^Connected as/).count()).toBe(0);
    });

    it('gives an inactive Strava app its own words', async () => {
      w.sim.config.athleteCap = false;
      w.sim.config.inactive = true;
      const opened = w.page.waitForEvent('popup');
      await w.page
        .getByRole('button', { name: /^Connect$/ })
        .first()
        .click();
      const popup = await opened;
      // The refusal comes with the page itself, so the popup may be gone before anyone waits.
      await expect.poll(() => popup.isClosed(), { timeout: 10_000 }).toBe(true);
      await w.page
        .getByRole('alert')
        .filter({ hasText: /switched this Strava API app off/ })
        .waitFor();
      w.sim.config.inactive = false;
    });
  },
);
