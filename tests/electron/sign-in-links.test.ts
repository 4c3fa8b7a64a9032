import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  guardSignInOpener,
  isAllowedSignInUrl,
  signInLinkPolicy,
} from '../../src/main/sign-in-links';
import { fakeShell, resetFakeElectron } from './support/fake-electron';

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectron);

const sites = ['https://www.strava.com/oauth', 'https://mtp.trekview.org'];
const packaged = signInLinkPolicy(sites, false);
const simSites = ['http://127.0.0.1:40123/oauth', 'http://127.0.0.1:40123'];

beforeEach(() => resetFakeElectron());

describe('sign-in URLs for the system browser', () => {
  it.each([
    ['https://www.strava.com/oauth/authorize?client_id=1&state=x', true],
    ['https://mtp.trekview.org/accounts/authorize/?state=x', true],
    ['http://www.strava.com/oauth/authorize', false],
    ['https://strava.com/oauth/authorize', false],
    ['https://www.strava.com.evil.example/oauth/authorize', false],
    ['https://evil.example/?https://www.strava.com/oauth', false],
    ['https://user:pw@www.strava.com/oauth/authorize', false],
    ['https://www.strava.com:8443/oauth/authorize', false],
    ['file:///etc/passwd', false],
    ['app.mtp.desktop://app#access_token=x', false],
    ['ms-settings:', false],
    ['http://127.0.0.1:40123/oauth/authorize', false],
    ['', false],
  ])('%s → %s', (url, allowed) => {
    expect(isAllowedSignInUrl(url, packaged)).toBe(allowed);
  });

  it('allows the loopback simulator over http only when told (unpackaged runs)', () => {
    const url = 'http://127.0.0.1:40123/oauth/authorize';
    expect(isAllowedSignInUrl(url, signInLinkPolicy(simSites, true))).toBe(true);
    expect(isAllowedSignInUrl(url, signInLinkPolicy(simSites, false))).toBe(false);
    expect(
      isAllowedSignInUrl(
        'http://10.0.0.5:40123/oauth',
        signInLinkPolicy(['http://10.0.0.5:40123'], true),
      ),
    ).toBe(false);
  });

  it('opens an allowed URL in the browser and refuses the rest without touching shell.openExternal', async () => {
    const open = guardSignInOpener((url) => fakeShell.openExternal(url), packaged);
    await open('https://www.strava.com/oauth/authorize?state=x');
    await expect(open('https://evil.example/oauth/authorize')).rejects.toMatchObject({
      kind: 'invalid-input',
      message: expect.stringMatching(/not Strava or Map the Paths/),
    });
    expect(fakeShell.openExternal.mock.calls).toEqual([
      ['https://www.strava.com/oauth/authorize?state=x'],
    ]);
  });
});
