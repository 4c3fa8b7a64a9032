import { describe, expect, it } from 'vitest';
import {
  externalLinkOrigins,
  isAllowedExternal,
  stravaWebOrigins,
} from '../../src/main/external-links';
import {
  decideNavigation,
  decideWindowOpen,
  type NavigationContext,
} from '../../src/main/navigation-policy';

const externalOrigins = externalLinkOrigins('https://mtp.trekview.org');
const filePage: NavigationContext = {
  role: 'main',
  appUrl: 'file:///opt/MTP/resources/app.asar/out/renderer/index.html',
  externalOrigins,
};
const appPage: NavigationContext = {
  role: 'main',
  appUrl: 'app://renderer/index.html',
  externalOrigins,
};
const devServer: NavigationContext = {
  role: 'main',
  appUrl: 'http://localhost:5173/',
  externalOrigins,
};
const signIn: NavigationContext = {
  role: 'auth',
  signInOrigin: 'https://www.strava.com',
  externalOrigins,
};
const simSignIn: NavigationContext = {
  role: 'auth',
  signInOrigin: 'http://127.0.0.1:40123',
  externalOrigins,
};

describe('the main window navigation policy', () => {
  it.each([
    ['the app page itself', filePage, filePage.appUrl, 'allow'],
    ['the app page with a #route', filePage, `${filePage.appUrl}#/settings`, 'allow'],
    [
      'another file next to the app page',
      filePage,
      'file:///opt/MTP/resources/app.asar/out/renderer/x.html',
      'deny',
    ],
    ['any other file', filePage, 'file:///etc/passwd', 'deny'],
    ['the app:// page with a #route', appPage, 'app://renderer/index.html#/queue', 'allow'],
    ['another app:// file', appPage, 'app://renderer/other.html', 'deny'],
    ['another app:// host', appPage, 'app://evil/index.html', 'deny'],
    ['a file: copy of the app page', appPage, 'file:///opt/MTP/out/renderer/index.html', 'deny'],
    ['the dev server page', devServer, 'http://localhost:5173/index.html', 'allow'],
    ['the dev server on another port', devServer, 'http://localhost:5174/', 'deny'],
    ['the dev server with userinfo', devServer, 'http://evil@localhost:5173/', 'deny'],
    ['javascript:', filePage, 'javascript:alert(1)', 'deny'],
    ['data:', filePage, 'data:text/html,<script>alert(1)</script>', 'deny'],
    ['blob:', filePage, 'blob:https://www.strava.com/1234', 'deny'],
    ['about:blank', filePage, 'about:blank', 'deny'],
    ['plain http Strava', filePage, 'http://www.strava.com/activities/1', 'deny'],
    ['another https site', filePage, 'https://example.com/', 'deny'],
    ['a Strava look-alike', filePage, 'https://www.strava.com.evil.com/', 'deny'],
    ['Strava on another port', filePage, 'https://www.strava.com:8443/', 'deny'],
    ['not a URL', filePage, 'not a url', 'deny'],
    ['the MTPW scheme', filePage, 'app.mtp.desktop://app#access_token=x', 'deny'],
  ])('%s', (_name, context, url, decision) => {
    expect(decideNavigation(url, context)).toEqual(decision);
  });

  it.each([
    'https://www.strava.com/activities/8319193780',
    'https://strava.com/settings/api',
    'https://mtp.trekview.org/sequence/abc',
  ])('sends %s to the system browser', (url) => {
    expect(decideNavigation(url, filePage)).toEqual({ openExternal: url });
  });

  it('never sends a link with a user:password part to the browser', () => {
    expect(decideNavigation('https://user:pw@www.strava.com/', filePage)).toBe('deny');
  });
});

describe('the sign-in window navigation policy', () => {
  it.each([
    ['Strava login', signIn, 'https://www.strava.com/login', 'allow'],
    [
      'another https page of the sign-in flow',
      signIn,
      'https://accounts.google.com/o/oauth2',
      'allow',
    ],
    ['plain http elsewhere', signIn, 'http://example.com/', 'deny'],
    ["the simulator's own http origin", simSignIn, 'http://127.0.0.1:40123/oauth/accept', 'allow'],
    ['another local port', simSignIn, 'http://127.0.0.1:40124/', 'deny'],
    ['javascript:', signIn, 'javascript:alert(1)', 'deny'],
    ['file:', signIn, 'file:///etc/passwd', 'deny'],
    ['data:', signIn, 'data:text/html,hi', 'deny'],
    ['a custom scheme', signIn, 'app.mtp.desktop://app#access_token=x', 'deny'],
  ])('%s', (_name, context, url, decision) => {
    expect(decideNavigation(url, context)).toEqual(decision);
  });
});

describe('window.open', () => {
  it('never opens a window; allowed https links go to the system browser', () => {
    expect(decideWindowOpen('https://www.strava.com/dashboard', externalOrigins)).toEqual({
      openExternal: 'https://www.strava.com/dashboard',
    });
    expect(decideWindowOpen(filePage.appUrl, externalOrigins)).toBe('deny');
    expect(decideWindowOpen('https://example.com/', externalOrigins)).toBe('deny');
    expect(decideWindowOpen('javascript:alert(1)', externalOrigins)).toBe('deny');
    expect(decideWindowOpen('', externalOrigins)).toBe('deny');
  });
});

describe('external links', () => {
  it('lists Strava and an https MTPW', () => {
    expect(stravaWebOrigins).toEqual(['https://www.strava.com', 'https://strava.com']);
    expect(externalOrigins).toEqual([
      'https://www.strava.com',
      'https://strava.com',
      'https://mtp.trekview.org',
    ]);
  });

  it('leaves out a plain http MTPW (the simulator)', () => {
    expect(externalLinkOrigins('http://127.0.0.1:4000')).toEqual([...stravaWebOrigins]);
    expect(externalLinkOrigins('not a url')).toEqual([...stravaWebOrigins]);
  });

  it.each([
    ['https://www.strava.com/activities/1', true],
    ['HTTPS://WWW.STRAVA.COM/activities/1', true],
    ['https://www.strava.com:443/x', true],
    ['http://www.strava.com/', false],
    ['https://www.strava.com.evil.com/', false],
    ['https://evil.com/?https://www.strava.com', false],
    ['https://www.strava.com@evil.com/', false],
    ['https://x:y@www.strava.com/', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['ms-settings:', false],
    ['', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedExternal(url, stravaWebOrigins)).toBe(allowed);
  });
});
