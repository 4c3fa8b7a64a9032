import type { RedirectTarget } from '../ports';
import { isMtpwRedirect } from '../mtpw/mtpw-authorize';

/**
 * Matches exactly the Strava redirect we registered: same scheme, host, port and
 * path. URL parsing first, so look-alikes (`localhost.evil.com`, userinfo tricks,
 * `/exchange_tokenX`) never match.
 */
export function stravaRedirectTarget(redirectUri: string): RedirectTarget {
  const expected = new URL(redirectUri);
  return {
    matches: (url) =>
      url.protocol === expected.protocol &&
      url.hostname === expected.hostname &&
      url.port === expected.port &&
      url.pathname === expected.pathname &&
      url.username === '' &&
      url.password === '',
  };
}

/** MTPW redirects to `app.mtp.desktop://<any host>#access_token=…`. */
export const mtpwRedirectTarget: RedirectTarget = { matches: (url) => isMtpwRedirect(url) };
