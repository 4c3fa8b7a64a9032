import { describe, expect, it } from 'vitest';
import { mtpwRedirectTarget, stravaRedirectTarget } from '../../src/core/auth/redirect-targets';
import { matchRedirect } from '../../src/main/redirect-matcher';

const strava = stravaRedirectTarget('http://localhost:4711/exchange_token');
const query = '?state=s&code=c&scope=read,activity:write';

describe('the Strava redirect matcher', () => {
  it.each([
    `http://localhost:4711/exchange_token${query}`,
    'http://localhost:4711/exchange_token',
    'http://LOCALHOST:4711/exchange_token?state=s',
    'http://localhost:4711/exchange_token?state=s#x',
    // The browser resolves dot segments before it requests anything: this IS the redirect path.
    'http://localhost:4711/x/../exchange_token?state=s',
  ])('catches %s', (url) => {
    expect(matchRedirect(strava, url)?.href).toBe(new URL(url).href);
  });

  it.each([
    ['a look-alike host', `http://localhost.evil.com:4711/exchange_token${query}`],
    ['a wildcard-DNS look-alike', `http://127.0.0.1.nip.io:4711/exchange_token${query}`],
    ['127.0.0.1 for localhost', `http://127.0.0.1:4711/exchange_token${query}`],
    ['IPv6 loopback for localhost', `http://[::1]:4711/exchange_token${query}`],
    ['a path that leaves it', `http://localhost:4711/exchange_token/../x${query}`],
    ['a longer path', `http://localhost:4711/exchange_tokenX${query}`],
    ['a sub-path', `http://localhost:4711/exchange_token/x${query}`],
    ['a trailing slash', `http://localhost:4711/exchange_token/${query}`],
    ['an encoded path', `http://localhost:4711/exchange%5Ftoken${query}`],
    ['another case of path', `http://localhost:4711/Exchange_Token${query}`],
    ['another port', `http://localhost:4712/exchange_token${query}`],
    ['the default port', `http://localhost/exchange_token${query}`],
    ['https for http', `https://localhost:4711/exchange_token${query}`],
    ['ws for http', `ws://localhost:4711/exchange_token${query}`],
    ['a userinfo trick', `http://localhost:4711@evil.com/exchange_token${query}`],
    ['userinfo before the right host', `http://evil.com@localhost:4711/exchange_token${query}`],
    [
      'the redirect in the query of another site',
      `https://evil.com/?u=http://localhost:4711/exchange_token`,
    ],
    ['the MTPW scheme', 'app.mtp.desktop://app#access_token=t&state=s'],
    ['not a URL', 'localhost:4711/exchange_token'],
    ['an empty string', ''],
  ])('ignores %s', (_name, url) => {
    expect(matchRedirect(strava, url)).toBeUndefined();
  });
});

describe('the MTPW redirect matcher', () => {
  it.each([
    'app.mtp.desktop://app#access_token=t&state=s',
    'app.mtp.desktop://test#access_token=t&state=s',
    'APP.MTP.DESKTOP://app#access_token=t',
    'app.mtp.desktop:app',
  ])('catches %s, whatever the host', (url) => {
    expect(matchRedirect(mtpwRedirectTarget, url)?.protocol).toBe('app.mtp.desktop:');
  });

  it.each([
    'app.mtp.desktop.evil://app#access_token=t',
    'evil.app.mtp.desktop://app#access_token=t',
    'app-mtp-desktop://app#access_token=t',
    'https://app.mtp.desktop/#access_token=t',
    'http://localhost:4711/exchange_token?state=s&code=c',
    'not a url',
  ])('ignores %s', (url) => {
    expect(matchRedirect(mtpwRedirectTarget, url)).toBeUndefined();
  });
});
