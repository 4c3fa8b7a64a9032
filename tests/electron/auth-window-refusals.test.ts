import { beforeEach, describe, expect, it, vi } from 'vitest';
import { mtpwRedirectTarget, stravaRedirectTarget } from '../../src/core/auth/redirect-targets';
import { buildMtpwAuthorizeUrl } from '../../src/core/mtpw/mtpw-authorize';
import { buildStravaAuthorizeUrl } from '../../src/core/strava/strava-authorize';
import { createWindowAuthBrowser } from '../../src/main/auth-window';
import { externalLinkOrigins } from '../../src/main/external-links';
import { athleteCapPage } from '../../src/sim/authorize-page';
import { inactiveApplication } from '../../src/sim/faults';
import { FakeBrowserWindow, resetFakeElectron } from './support/fake-electron';
import { flush, track } from './support/promise-state';

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectron);

const redirectUri = 'http://localhost:4711/exchange_token';
const authorize = 'https://www.strava.com/oauth/authorize';
const browser = createWindowAuthBrowser({
  parent: () => undefined,
  externalOrigins: externalLinkOrigins('https://mtp.trekview.org'),
  timeoutMs: 60_000,
});

/** The simulator's athlete-cap page as a browser shows it: its text, not its markup. */
const capText = athleteCapPage()
  .replace(/<[^>]+>/g, ' ')
  .replace(/\s+/g, ' ');

function startStrava() {
  const request = buildStravaAuthorizeUrl({
    oauthBase: 'https://www.strava.com/oauth',
    clientId: '54321',
    redirectUri,
  });
  const redirect = browser.open(request.url, stravaRedirectTarget(redirectUri));
  const window = FakeBrowserWindow.last();
  return { redirect, window, contents: window.webContents };
}

beforeEach(() => resetFakeElectron());

describe('the sign-in window meets a refusal page', () => {
  it("closes at once on Strava's athlete-cap page (403) and explains the cap", async () => {
    const { redirect, window, contents } = startStrava();
    contents.showPage(authorize, 403, capText);
    await expect(redirect).rejects.toMatchObject({
      kind: 'athlete-cap',
      retryable: false,
      message: expect.stringMatching(/as many athletes connected as Strava allows.*of your own/s),
    });
    expect(window.isDestroyed()).toBe(true);
  });

  it('recognises the cap by its words even when the status is not 403', async () => {
    const { redirect, contents } = startStrava();
    contents.showPage(authorize, 200, capText);
    await expect(redirect).rejects.toMatchObject({ kind: 'athlete-cap' });
  });

  it('closed by hand on the cap page, it says the same, not "cancelled"', async () => {
    const { redirect, window, contents } = startStrava();
    // The status is known before the page has finished loading; the user closes it then.
    contents.emit('did-navigate', {}, authorize, 403, 'Forbidden');
    window.close();
    await expect(redirect).rejects.toMatchObject({ kind: 'athlete-cap' });
  });

  it('gives an inactive Strava app its own message', async () => {
    const { redirect, window, contents } = startStrava();
    contents.showPage(authorize, 403, inactiveApplication().body);
    await expect(redirect).rejects.toMatchObject({
      kind: 'app-inactive',
      message: expect.stringMatching(/switched this Strava API app off/),
    });
    expect(window.isDestroyed()).toBe(true);
  });

  it("gives Map the Paths' 403 its own message", async () => {
    const { url } = buildMtpwAuthorizeUrl({ baseUrl: 'https://mtp.trekview.org', clientId: 'd' });
    const redirect = browser.open(url, mtpwRedirectTarget);
    FakeBrowserWindow.last().webContents.showPage(
      url.href,
      403,
      JSON.stringify({ detail: 'Authentication credentials were not provided.' }),
    );
    await expect(redirect).rejects.toMatchObject({
      kind: 'mtpw',
      message: expect.stringMatching(/Map the Paths refused the sign-in/),
    });
  });

  it('leaves an ordinary page open: the authorize page itself is no refusal', async () => {
    const { redirect, window, contents } = startStrava();
    const watched = track(redirect);
    contents.showPage(authorize, 200, 'Authorize MTP Strava Uploader to connect to Strava');
    await flush();
    expect(watched.settled).toBe(false);
    expect(window.isDestroyed()).toBe(false);
    window.close();
    await expect(redirect).rejects.toMatchObject({ kind: 'cancelled' });
  });
});
