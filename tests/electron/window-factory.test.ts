import { beforeEach, describe, expect, it, vi } from 'vitest';
import { contentSecurityPolicy } from '../../src/main/content-security-policy';
import { externalLinkOrigins } from '../../src/main/external-links';
import { createHardenedWindow, type WindowKind } from '../../src/main/window-factory';
import { authWindowOptions, mainWindowOptions } from '../../src/main/window-options';
import { FakeBrowserWindow, fakeShell, resetFakeElectron } from './support/fake-electron';

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectron);

const appUrl = 'file:///opt/MTP/out/renderer/index.html';
const externalOrigins = externalLinkOrigins('https://mtp.trekview.org');
const mainKind: WindowKind = { role: 'main', appUrl, externalOrigins };
const authKind: WindowKind = {
  role: 'auth',
  signInOrigin: 'https://www.strava.com',
  externalOrigins,
};

const mainWindow = () => {
  createHardenedWindow(mainWindowOptions('/p'), mainKind);
  return FakeBrowserWindow.last();
};
const authWindow = () => {
  createHardenedWindow(authWindowOptions(undefined, 'auth-test'), authKind);
  return FakeBrowserWindow.last();
};

beforeEach(() => resetFakeElectron());

describe('every window', () => {
  it.each([
    ['main', mainWindow],
    ['sign-in', authWindow],
  ])('the %s window denies every permission request and check', (_name, make) => {
    const session = make().webContents.session;
    for (const permission of [
      'media',
      'geolocation',
      'notifications',
      'openExternal',
      'clipboard-read',
    ]) {
      const granted = vi.fn();
      session.permissionRequestHandler?.(null, permission, granted);
      expect(granted).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler?.(null, permission)).toBe(false);
    }
  });

  it.each([
    ['main', mainWindow],
    ['sign-in', authWindow],
  ])(
    'the %s window denies window.open, sending only https Strava/MTPW links to the browser',
    (_name, make) => {
      const contents = make().webContents;
      expect(contents.openWindow('https://www.strava.com/activities/1')).toEqual({
        action: 'deny',
      });
      expect(contents.openWindow('https://mtp.trekview.org/')).toEqual({ action: 'deny' });
      expect(contents.openWindow('https://example.com/')).toEqual({ action: 'deny' });
      expect(contents.openWindow('http://www.strava.com/')).toEqual({ action: 'deny' });
      expect(contents.openWindow('file:///etc/passwd')).toEqual({ action: 'deny' });
      expect(fakeShell.openExternal.mock.calls).toEqual([
        ['https://www.strava.com/activities/1'],
        ['https://mtp.trekview.org/'],
      ]);
    },
  );

  it.each([
    ['main', mainWindow],
    ['sign-in', authWindow],
  ])('the %s window refuses to attach a webview', (_name, make) => {
    expect(
      make().webContents.navigate('will-attach-webview', 'https://www.strava.com/')
        .defaultPrevented,
    ).toBe(true);
  });

  it('refuses weakened options before any window exists', () => {
    const options = mainWindowOptions('/p');
    const weak = { ...options, webPreferences: { ...options.webPreferences, sandbox: false } };
    expect(() => createHardenedWindow(weak, mainKind)).toThrow(/sandbox/);
    expect(FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('an openExternal that fails does not throw', async () => {
    fakeShell.openExternal.mockRejectedValueOnce(new Error('no handler'));
    const contents = mainWindow().webContents;
    expect(contents.openWindow('https://www.strava.com/')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(fakeShell.openExternal).toHaveBeenCalledTimes(1);
  });
});

describe('the main window', () => {
  it('stays on the app page and sends allowed links to the browser', () => {
    const contents = mainWindow().webContents;
    expect(contents.navigate('will-navigate', `${appUrl}#/settings`).defaultPrevented).toBe(false);
    expect(
      contents.navigate('will-navigate', 'https://www.strava.com/athlete').defaultPrevented,
    ).toBe(true);
    expect(contents.navigate('will-navigate', 'https://example.com/').defaultPrevented).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd').defaultPrevented).toBe(true);
    expect(contents.navigate('will-redirect', 'https://example.com/').defaultPrevented).toBe(true);
    expect(fakeShell.openExternal.mock.calls).toEqual([['https://www.strava.com/athlete']]);
  });

  it("puts the CSP on the app page's document, and only there", () => {
    const webRequest = mainWindow().webContents.session.webRequest;
    const answer = (url: string, resourceType: string) => {
      let response: { responseHeaders?: Record<string, string[]> } | undefined;
      webRequest.headersReceived?.(
        { url, resourceType, responseHeaders: { 'content-type': ['text/html'] } },
        (r) => (response = r),
      );
      return response;
    };
    expect(answer(appUrl, 'mainFrame')).toEqual({
      responseHeaders: {
        'content-type': ['text/html'],
        'Content-Security-Policy': [contentSecurityPolicy],
      },
    });
    expect(answer('https://www.strava.com/', 'mainFrame')).toEqual({});
    expect(answer(appUrl, 'script')).toEqual({});
    expect(answer('not a url', 'mainFrame')).toEqual({});
  });
});

describe('the sign-in window', () => {
  it('follows the sign-in site but nothing else', () => {
    const contents = authWindow().webContents;
    expect(
      contents.navigate('will-navigate', 'https://www.strava.com/login').defaultPrevented,
    ).toBe(false);
    expect(contents.navigate('will-navigate', 'javascript:alert(1)').defaultPrevented).toBe(true);
    expect(contents.navigate('will-navigate', 'file:///etc/passwd').defaultPrevented).toBe(true);
    expect(contents.navigate('will-navigate', 'http://example.com/').defaultPrevented).toBe(true);
  });

  it('gives server redirects the same policy as navigations', () => {
    const contents = authWindow().webContents;
    const redirect = (url: string) => contents.navigate('will-redirect', url).defaultPrevented;
    expect(redirect('https://www.strava.com/oauth/accept')).toBe(false);
    expect(redirect('https://accounts.google.com/o/oauth2/auth')).toBe(false);
    expect(redirect('http://example.com/')).toBe(true);
    expect(redirect('http://192.168.1.1/admin')).toBe(true);
    expect(redirect('http://www.strava.com/oauth/accept')).toBe(true);
    expect(redirect('file:///etc/passwd')).toBe(true);
    expect(redirect('javascript:alert(1)')).toBe(true);
    expect(fakeShell.openExternal).not.toHaveBeenCalled();
  });

  it("lets a simulator's plain-http sign-in redirect within its own origin only", () => {
    createHardenedWindow(authWindowOptions(undefined, 'auth-sim'), {
      ...authKind,
      signInOrigin: 'http://127.0.0.1:40123',
    });
    const contents = FakeBrowserWindow.last().webContents;
    const redirect = (url: string) => contents.navigate('will-redirect', url).defaultPrevented;
    expect(redirect('http://127.0.0.1:40123/oauth/accept')).toBe(false);
    expect(redirect('http://127.0.0.1:40124/')).toBe(true);
  });

  it('gets no CSP listener: its pages are the sign-in site', () => {
    expect(authWindow().webContents.session.webRequest.onHeadersReceived).not.toHaveBeenCalled();
  });
});
