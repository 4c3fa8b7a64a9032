import type { BrowserWindow } from 'electron';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mtpwRedirectTarget, stravaRedirectTarget } from '../../src/core/auth/redirect-targets';
import { buildMtpwAuthorizeUrl, parseMtpwRedirect } from '../../src/core/mtpw/mtpw-authorize';
import type { RedirectTarget } from '../../src/core/ports';
import {
  buildStravaAuthorizeUrl,
  parseStravaRedirect,
} from '../../src/core/strava/strava-authorize';
import { createWindowAuthBrowser } from '../../src/main/auth-window';
import { externalLinkOrigins } from '../../src/main/external-links';
import { defaultSignInTimeoutMs } from '../../src/main/redirect-wait';
import { FakeBrowserWindow, FakeWebContents, resetFakeElectron } from './support/fake-electron';
import { flush, track } from './support/promise-state';

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectron);

const timeoutMs = 60_000;
const redirectUri = 'http://localhost:4711/exchange_token';
const externalOrigins = externalLinkOrigins('https://mtp.trekview.org');
const browser = createWindowAuthBrowser({ parent: () => undefined, externalOrigins, timeoutMs });

/** Starts a Strava sign-in in the window, as the account service does. */
function startStrava(signal?: AbortSignal) {
  const request = buildStravaAuthorizeUrl({
    oauthBase: 'https://www.strava.com/oauth',
    clientId: '54321',
    redirectUri,
  });
  const redirect = browser.open(request.url, stravaRedirectTarget(redirectUri), signal);
  const window = FakeBrowserWindow.last();
  return { ...request, redirect, window, contents: window.webContents };
}

function startMtpw() {
  const request = buildMtpwAuthorizeUrl({ baseUrl: 'https://mtp.trekview.org', clientId: 'desk' });
  const redirect = browser.open(request.url, mtpwRedirectTarget);
  const window = FakeBrowserWindow.last();
  return { ...request, redirect, window, contents: window.webContents };
}

const stravaRedirect = (query: string) => `${redirectUri}?${query}`;

beforeEach(() => resetFakeElectron());
afterEach(() => vi.useRealTimers());

describe('the sign-in window', () => {
  it('is a hardened child window on a fresh in-memory partition, loading the authorize page', async () => {
    const parent = { id: 7 } as unknown as BrowserWindow;
    const withParent = createWindowAuthBrowser({ parent: () => parent, externalOrigins });
    const request = buildStravaAuthorizeUrl({
      oauthBase: 'https://www.strava.com/oauth',
      clientId: '1',
      redirectUri,
    });
    const pending = withParent.open(request.url, stravaRedirectTarget(redirectUri));
    const first = FakeBrowserWindow.last();
    const other = startStrava();

    const prefs = first.options.webPreferences;
    expect(first.options.parent).toBe(parent);
    expect(prefs).not.toHaveProperty('preload');
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(prefs?.partition).toMatch(/^auth-/);
    expect(other.window.options.webPreferences?.partition).not.toBe(prefs?.partition);
    expect(first.webContents.loadURL).toHaveBeenCalledWith(request.url.href);
    expect(first.webContents.session.webRequest.beforeRequest?.filter).toEqual({
      urls: ['<all_urls>'],
    });
    first.close();
    other.window.close();
    await expect(pending).rejects.toMatchObject({ kind: 'cancelled' });
    await expect(other.redirect).rejects.toMatchObject({ kind: 'cancelled' });
  });

  it.each(['will-redirect', 'will-navigate'] as const)(
    'catches the Strava redirect on %s, cancels it, closes itself, and the grant parses',
    async (eventName) => {
      const { redirect, contents, window, state } = startStrava();
      const event = contents.navigate(
        eventName,
        stravaRedirect(`state=${state}&code=abc&scope=read,activity:write,activity:read_all`),
      );
      expect(event.defaultPrevented).toBe(true);
      const url = await redirect;
      expect(window.isDestroyed()).toBe(true);
      expect(parseStravaRedirect(url, state)).toEqual({
        code: 'abc',
        scopes: ['read', 'activity:write', 'activity:read_all'],
      });
    },
  );

  it('catches the redirect as a request, cancels exactly that one, and cleans the session up', async () => {
    const { redirect, contents, window, state } = startStrava();
    const webRequest = contents.session.webRequest;
    expect(webRequest.request('https://www.strava.com/oauth/authorize?x=1')).toEqual({});
    expect(webRequest.request('https://d3nn82uaxijpm6.cloudfront.net/app.js', 'script')).toEqual(
      {},
    );
    expect(
      webRequest.request(stravaRedirect(`state=${state}&code=abc&scope=activity:write`)),
    ).toEqual({
      cancel: true,
    });
    expect(parseStravaRedirect(await redirect, state).code).toBe('abc');
    expect(window.isDestroyed()).toBe(true);
    expect(webRequest.onBeforeRequest).toHaveBeenLastCalledWith(null);
    expect(contents.session.clearStorageData).toHaveBeenCalled();
  });

  it('settles once: a second sighting of the redirect changes nothing', async () => {
    const { redirect, contents, state } = startStrava();
    contents.navigate(
      'will-redirect',
      stravaRedirect(`state=${state}&code=first&scope=activity:write`),
    );
    contents.navigate(
      'will-navigate',
      stravaRedirect(`state=${state}&code=second&scope=activity:write`),
    );
    expect(parseStravaRedirect(await redirect, state).code).toBe('first');
  });

  it('catches the MTPW redirect on any host and the token parses', async () => {
    const { redirect, contents, window, state } = startMtpw();
    contents.navigate('will-redirect', `app.mtp.desktop://test#access_token=tok&state=${state}`);
    expect(parseMtpwRedirect(await redirect, state)).toEqual({ accessToken: 'tok' });
    expect(window.isDestroyed()).toBe(true);
  });

  it('falls back to did-fail-load when the custom scheme fails to load', async () => {
    const { redirect, contents, state } = startMtpw();
    contents.failLoad(
      `app.mtp.desktop://app#access_token=tok&state=${state}`,
      -302,
      'ERR_UNKNOWN_URL_SCHEME',
    );
    expect(parseMtpwRedirect(await redirect, state).accessToken).toBe('tok');
  });

  it('falls back to did-navigate', async () => {
    const { redirect, contents, state } = startStrava();
    contents.emit(
      'did-navigate',
      {},
      stravaRedirect(`state=${state}&code=abc&scope=activity:write`),
      200,
      'OK',
    );
    expect(parseStravaRedirect(await redirect, state).code).toBe('abc');
  });

  it('hands a wrong state to the caller, whose check refuses it (auth)', async () => {
    const { redirect, contents, state } = startStrava();
    contents.navigate(
      'will-redirect',
      stravaRedirect(`state=${state}x&code=abc&scope=activity:write`),
    );
    const url = await redirect;
    expect(() => parseStravaRedirect(url, state)).toThrow(
      expect.objectContaining({ kind: 'auth' }),
    );
  });

  it('hands a grant without activity:write to the caller, whose check refuses it (scope)', async () => {
    const { redirect, contents, state } = startStrava();
    contents.navigate(
      'will-redirect',
      stravaRedirect(`state=${state}&code=abc&scope=read,activity:read_all`),
    );
    const url = await redirect;
    expect(() => parseStravaRedirect(url, state)).toThrow(
      expect.objectContaining({ kind: 'scope' }),
    );
  });

  it('hands access_denied to the caller, whose check calls it cancelled', async () => {
    const { redirect, contents, state } = startStrava();
    contents.navigate('will-redirect', stravaRedirect(`state=${state}&error=access_denied`));
    const url = await redirect;
    expect(() => parseStravaRedirect(url, state)).toThrow(
      expect.objectContaining({ kind: 'cancelled' }),
    );
  });

  it.each([
    'http://localhost.evil.com:4711/exchange_token?state=s&code=abc&scope=activity:write',
    'http://127.0.0.1.nip.io:4711/exchange_token?state=s&code=abc&scope=activity:write',
    'http://localhost:4711/exchange_token/../x?state=s&code=abc',
    'http://localhost:4711/exchange_tokenX?state=s&code=abc',
    'http://localhost:4712/exchange_token?state=s&code=abc',
    'https://localhost:4711/exchange_token?state=s&code=abc',
    'http://localhost:4711@evil.com/exchange_token?state=s&code=abc',
    'app.mtp.desktop://app#access_token=t&state=s',
  ])(
    'does not catch the look-alike %s: the window stays open, then times out',
    async (lookAlike) => {
      vi.useFakeTimers();
      const { redirect, contents, window } = startStrava();
      const watched = track(redirect);
      const outcome = expect(redirect).rejects.toMatchObject({ kind: 'timeout', retryable: true });

      contents.navigate('will-redirect', lookAlike);
      contents.navigate('will-navigate', lookAlike);
      expect(contents.session.webRequest.request(lookAlike)).toEqual({});
      contents.emit('did-navigate', {}, lookAlike, 200, 'OK');
      await flush();
      expect(watched.settled).toBe(false);
      expect(window.isDestroyed()).toBe(false);

      await vi.advanceTimersByTimeAsync(timeoutMs);
      await outcome;
      expect(window.isDestroyed()).toBe(true);
    },
  );

  it('rejects with cancelled when the user closes the window', async () => {
    const { redirect, window, contents } = startStrava();
    window.close();
    await expect(redirect).rejects.toMatchObject({
      kind: 'cancelled',
      message: expect.stringMatching(/window was closed/),
    });
    expect(contents.session.webRequest.beforeRequest).toBeNull();
  });

  it('times out after the given time, closes the window, and says what may be wrong', async () => {
    vi.useFakeTimers();
    const { redirect, window } = startStrava();
    const outcome = expect(redirect).rejects.toMatchObject({
      kind: 'timeout',
      message: expect.stringMatching(
        /Limit of connected athletes exceeded.*your own Strava API app.*Sign in with your browser/s,
      ),
    });
    await vi.advanceTimersByTimeAsync(timeoutMs - 1);
    expect(window.isDestroyed()).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await outcome;
    expect(window.isDestroyed()).toBe(true);
  });

  it('waits five minutes unless told otherwise; an MTPW timeout does not talk about Strava', async () => {
    vi.useFakeTimers();
    const plain = createWindowAuthBrowser({ parent: () => undefined, externalOrigins });
    const { url } = buildMtpwAuthorizeUrl({ baseUrl: 'https://mtp.trekview.org', clientId: 'd' });
    const redirect = plain.open(url, mtpwRedirectTarget);
    const outcome = expect(redirect).rejects.toSatisfy(
      (e: { kind: string; message: string }) =>
        e.kind === 'timeout' && e.message.includes('5 minutes') && !e.message.includes('Strava'),
    );
    expect(defaultSignInTimeoutMs).toBe(300_000);
    await vi.advanceTimersByTimeAsync(defaultSignInTimeoutMs);
    await outcome;
  });

  it('is cancelled by the AbortSignal, closing the window', async () => {
    const controller = new AbortController();
    const { redirect, window } = startStrava(controller.signal);
    controller.abort();
    await expect(redirect).rejects.toMatchObject({ kind: 'cancelled' });
    expect(window.isDestroyed()).toBe(true);
  });

  it('opens no window when the signal is already aborted', async () => {
    const target: RedirectTarget = { matches: () => true };
    await expect(
      browser.open(new URL('https://www.strava.com/oauth/authorize'), target, AbortSignal.abort()),
    ).rejects.toMatchObject({ kind: 'cancelled' });
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('fails as a network error when the page cannot load, ignoring subframes and aborts', async () => {
    const { redirect, contents, window } = startStrava();
    const watched = track(redirect);
    contents.failLoad('https://www.strava.com/ads', -105, 'ERR_NAME_NOT_RESOLVED', false);
    contents.failLoad('https://www.strava.com/login', -3, 'ERR_ABORTED');
    await flush();
    expect(watched.settled).toBe(false);
    contents.failLoad('https://www.strava.com/oauth/authorize', -106, 'ERR_INTERNET_DISCONNECTED');
    await expect(redirect).rejects.toMatchObject({
      kind: 'network',
      retryable: true,
      detail: 'ERR_INTERNET_DISCONNECTED (-106)',
    });
    expect(window.isDestroyed()).toBe(true);
  });

  it('survives a loadURL that rejects (Electron does when the redirect is cancelled)', async () => {
    FakeWebContents.rejectNextLoad = new Error('ERR_ABORTED (-3) loading the authorize page');
    const { redirect, contents, state } = startStrava();
    expect(contents.loadURL).toHaveBeenCalledTimes(1);
    await flush();
    contents.navigate(
      'will-redirect',
      stravaRedirect(`state=${state}&code=c&scope=activity:write`),
    );
    expect(parseStravaRedirect(await redirect, state).code).toBe('c');
  });
});
