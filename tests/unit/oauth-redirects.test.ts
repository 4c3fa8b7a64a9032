import { describe, expect, it } from 'vitest';
import {
  buildStravaAuthorizeUrl,
  parseStravaRedirect,
} from '../../src/core/strava/strava-authorize';
import { buildMtpwAuthorizeUrl, parseMtpwRedirect } from '../../src/core/mtpw/mtpw-authorize';

const strava = () =>
  buildStravaAuthorizeUrl({
    oauthBase: 'https://www.strava.com/oauth',
    clientId: '54321',
    redirectUri: 'http://localhost:4711/exchange_token',
  });

describe('Strava authorize URL and redirect', () => {
  it('asks for the documented parameters with a fresh random state', () => {
    const a = strava();
    const b = strava();
    expect(a.url.origin + a.url.pathname).toBe('https://www.strava.com/oauth/authorize');
    expect(Object.fromEntries(a.url.searchParams)).toEqual({
      client_id: '54321',
      redirect_uri: 'http://localhost:4711/exchange_token',
      response_type: 'code',
      approval_prompt: 'auto',
      scope: 'read,activity:write,activity:read_all',
      state: a.state,
    });
    expect(a.state).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(a.state).not.toBe(b.state);
  });

  it('returns the code and granted scopes of a good redirect', () => {
    const { state } = strava();
    const url = new URL(
      `http://localhost:4711/exchange_token?state=${state}&code=abc&scope=read,activity:write`,
    );
    expect(parseStravaRedirect(url, state)).toEqual({
      code: 'abc',
      scopes: ['read', 'activity:write'],
    });
  });

  it.each([
    ['a wrong state', (s: string) => `state=${s}x&code=abc&scope=activity:write`, 'auth'],
    ['an empty state', () => `state=&code=abc&scope=activity:write`, 'auth'],
    ['access denied', (s: string) => `state=${s}&error=access_denied`, 'cancelled'],
    [
      'no activity:write',
      (s: string) => `state=${s}&code=abc&scope=read,activity:read_all`,
      'scope',
    ],
    ['no code', (s: string) => `state=${s}&scope=activity:write`, 'auth'],
  ])('refuses %s', (_name, query, kind) => {
    const { state } = strava();
    const url = new URL(`http://localhost:4711/exchange_token?${query(state)}`);
    expect(() => parseStravaRedirect(url, state)).toThrow(expect.objectContaining({ kind }));
  });

  it('turns bad settings into a typed error', () => {
    expect(() =>
      buildStravaAuthorizeUrl({ oauthBase: 'ftp://x', clientId: 'abc', redirectUri: 'nope' }),
    ).toThrow(expect.objectContaining({ kind: 'invalid-input' }));
  });
});

describe('MTPW authorize URL and redirect', () => {
  it('uses the implicit grant with the desktop scheme and a state', () => {
    const { url, state } = buildMtpwAuthorizeUrl({
      baseUrl: 'https://mtp.trekview.org/',
      clientId: 'desk',
    });
    expect(url.origin + url.pathname).toBe('https://mtp.trekview.org/accounts/authorize/');
    expect(Object.fromEntries(url.searchParams)).toEqual({
      response_type: 'token',
      client_id: 'desk',
      redirect_uri: 'app.mtp.desktop://app',
      state,
    });
  });

  it('reads the token from the fragment, on any host of the scheme', () => {
    const { state } = buildMtpwAuthorizeUrl({
      baseUrl: 'https://mtp.trekview.org',
      clientId: 'desk',
    });
    for (const host of ['app', 'test']) {
      const url = new URL(
        `app.mtp.desktop://${host}#access_token=tok123&token_type=Bearer&state=${state}`,
      );
      expect(parseMtpwRedirect(url, state)).toEqual({ accessToken: 'tok123' });
    }
  });

  it.each([
    ['another scheme', (s: string) => `https://evil.example/#access_token=t&state=${s}`, 'auth'],
    ['a wrong state', (s: string) => `app.mtp.desktop://app#access_token=t&state=${s}x`, 'auth'],
    [
      'a denial',
      (s: string) => `app.mtp.desktop://app#error=access_denied&state=${s}`,
      'cancelled',
    ],
    ['no token', (s: string) => `app.mtp.desktop://app#state=${s}`, 'auth'],
  ])('refuses %s', (_name, make, kind) => {
    const { state } = buildMtpwAuthorizeUrl({
      baseUrl: 'https://mtp.trekview.org',
      clientId: 'desk',
    });
    expect(() => parseMtpwRedirect(new URL(make(state)), state)).toThrow(
      expect.objectContaining({ kind }),
    );
  });
});
