import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import {
  chromiumPresent,
  dropFolders,
  screenshot,
  seriousViolations,
  startWorld,
  type E2eWorld,
  popupFrom,
} from './e2e-world';

/** The user's own Strava API app: the simulator knows it; `.env` has no app at all. */
const ownApp = { clientId: '67890', clientSecret: 'b0'.repeat(20) };

let w: E2eWorld;
beforeAll(async () => {
  if (!chromiumPresent) return;
  w = await startWorld({
    sim: { otherApps: [ownApp] },
    env: { STRAVA_CLIENT_ID: undefined, STRAVA_CLIENT_SECRET: undefined },
  });
  // A step that cannot happen names its locator well within the test's own timeout.
  w.page.setDefaultTimeout(8_000);
}, 120_000);
afterAll(async () => w?.close());

const openSettings = async () => {
  await w.page.getByRole('navigation').getByRole('button', { name: 'Settings' }).click();
  await w.page.getByRole('heading', { name: 'Settings', level: 1 }).waitFor();
};
const card = (title: string) =>
  w.page.locator('section').filter({ has: w.page.getByRole('heading', { name: title }) });

// One user's session: each test starts where the previous one ended, and the page is never reloaded.
describeWhen(chromiumPresent, skipReasons.chromium)('Settings, in Chromium', () => {
  it('enters a Strava API app, refusing a Client ID that is not a number, and signs in with it at once', async () => {
    await openSettings();
    const app = card('Strava API app');
    expect(
      await app.getByRole('link', { name: 'strava.com/settings/api' }).getAttribute('href'),
    ).toBe('https://www.strava.com/settings/api');
    await app.getByLabel('Client ID').fill('abc');
    await app.getByLabel('Client Secret').fill(ownApp.clientSecret);
    await app.getByRole('button', { name: 'Save' }).click();
    await app.getByText('The Client ID is a number, such as 123456.').waitFor();
    await app.getByLabel('Client ID').fill(ownApp.clientId);
    await app.getByRole('button', { name: 'Save' }).click();
    await app.getByText(/A secret is saved/).waitFor();

    await w.page.getByRole('navigation').getByRole('button', { name: 'Accounts' }).click();
    const signIn = await popupFrom(
      w.page,
      w.page.getByRole('button', { name: /^Connect$/ }).first(),
    );
    expect(new URL(signIn.url()).searchParams.get('client_id')).toBe(ownApp.clientId);
    await signIn.getByRole('button', { name: 'Authorize' }).click();
    await w.page
      .getByText(/Connected as/)
      .first()
      .waitFor();
    expect(w.sim.tokenCalls()).toContainEqual({
      clientId: ownApp.clientId,
      grantType: 'authorization_code',
    });
  });

  it('refuses concurrency 9 next to the field, saves 1, and the queue runs one upload at a time', async () => {
    await openSettings();
    const uploads = card('Uploads');
    const field = uploads.getByLabel('Uploads at once');
    await field.fill('9');
    await uploads.getByRole('button', { name: 'Save' }).click();
    await uploads.getByText('At most 4 uploads run at once.').waitFor();
    expect(await field.getAttribute('aria-invalid')).toBe('true');
    await field.fill('1');
    await uploads.getByRole('button', { name: 'Add a privacy zone' }).click();
    await uploads.getByLabel(/^Latitude/).fill('51.5');
    await uploads.getByLabel(/^Longitude/).fill('-0.12');
    await uploads.getByRole('button', { name: 'Save' }).click();
    await uploads.getByText('Saved.').waitFor();

    // Held unanswered, the first upload shows whether a second one starts beside it. The
    // hold is long, so a slow machine still looks at the queue while it lasts.
    w.sim.faults.add('POST /api/v3/uploads', { type: 'stall', ms: 10_000 }, { times: 1 });
    await w.page.getByRole('navigation').getByRole('button', { name: 'Upload' }).click();
    await dropFolders(w.page, ['Bay paddle', 'Harbour walk']);
    await w.page.getByRole('button', { name: /Upload 2 sequences/ }).click();
    await w.page.getByRole('heading', { name: 'Queue' }).waitFor();
    // The folder worker starts with the first read: through tsx, on a loaded machine, that takes seconds.
    await expect
      .poll(() => w.sim.state().requests['POST /api/v3/uploads'] ?? 0, { timeout: 30_000 })
      .toBe(1);
    const stages = await w.page.evaluate<string[]>(
      "window.mtp['queue:get']({}).then((a) => (a.ok ? a.value.items.map((i) => i.stage) : []))",
    );
    expect(stages.sort()).toEqual(['queued', 'uploading']);
  });

  it('switches to the dark theme at once, and back to the system', async () => {
    await openSettings();
    const appearance = card('Appearance');
    const background = () =>
      w.page.evaluate<string>('getComputedStyle(document.body).backgroundColor');
    const theme = () =>
      w.page.evaluate<string>("document.documentElement.dataset.theme ?? 'system'");
    const light = await background();
    await appearance.getByLabel('Dark').check();
    await expect.poll(theme).toBe('dark');
    expect(await background()).not.toBe(light);
    await w.page.evaluate("document.querySelector('h1')?.scrollIntoView()");
    await screenshot(w.page, 'settings');
    expect(await seriousViolations(w.page)).toEqual([]);
    await appearance.getByLabel('Same as the system').check();
    await expect.poll(theme).toBe('system');
  });

  it('refuses an http address for a server, next to its field', async () => {
    const mtpw = card('Map the Paths');
    await mtpw.getByText('Advanced: server addresses').click();
    await mtpw.getByLabel('Map the Paths server').fill('http://mtp.example.org');
    await mtpw.getByRole('button', { name: 'Save' }).click();
    await mtpw.getByText('Use an https:// address: plain http is not private.').waitFor();
  });
});
