import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import { chromiumPresent, seriousViolations, startWorld, type E2eWorld } from './e2e-world';

let w: E2eWorld;
beforeAll(async () => {
  if (!chromiumPresent) return;
  w = await startWorld();
}, 120_000);
afterAll(async () => w?.close());

// What main pushes besides the queue: the notification's click, and a downloaded update.
describeWhen(chromiumPresent, skipReasons.chromium)('events from main', () => {
  it('opens the Queue when main asks (a click on the batch notification)', async () => {
    await w.page.getByRole('heading', { name: 'Accounts' }).waitFor();
    w.announce({ name: 'app:navigate', payload: { screen: 'queue' } });
    await w.page.getByRole('heading', { name: 'Queue' }).waitFor();
    expect(await w.page.getByRole('heading', { name: 'Accounts' }).count()).toBe(0);
  });

  it('offers "Restart to update" once an update is downloaded, and Later hides it', async () => {
    const restart = w.page.getByRole('button', { name: 'Restart to update' });
    expect(await restart.count()).toBe(0);
    w.announce({ name: 'update:ready', payload: {} });
    await restart.waitFor();
    // The harness has no updater: the banner says so instead of failing silently.
    await restart.click();
    await w.page.getByText('The update is not ready any more.').waitFor();
    await w.page.getByRole('button', { name: 'Later' }).click();
    await restart.waitFor({ state: 'detached' });
  });

  it('offers Export diagnostics and Open log folder in Settings (desktop-only: the harness says so)', async () => {
    await w.page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
    const help = w.page
      .locator('section')
      .filter({ has: w.page.getByRole('heading', { name: 'Getting help' }) });
    await help.getByRole('button', { name: 'Export diagnostics…' }).click();
    await help.getByText('Only the desktop app can do this.').waitFor();
    await help.getByRole('button', { name: 'Open log folder' }).click();
    await help.getByText('Only the desktop app can do this.').waitFor();
    expect(await seriousViolations(w.page)).toEqual([]);
  });
});
