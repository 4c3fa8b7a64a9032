import type { RedirectTarget } from '../core/ports';

/**
 * The redirect, when a URL seen by Electron (a navigation, a server redirect, a
 * request) is the one the sign-in waits for. Electron hands over raw strings; anything
 * that does not parse as a URL is not a redirect. The target decides the rest (see
 * core's redirect-targets.ts: exact scheme, host, port and path for Strava, the
 * `app.mtp.desktop:` scheme for MTPW).
 */
export function matchRedirect(target: RedirectTarget, rawUrl: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    return undefined;
  }
  return target.matches(url) ? url : undefined;
}
