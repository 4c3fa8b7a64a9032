import { isAllowedExternal } from './external-links';

/** What to do with a navigation or a new window: let it happen, refuse it, or refuse it and open the link in the browser. */
export type NavigationDecision = 'allow' | 'deny' | { openExternal: string };

/**
 * Where a window may go. The main window shows only the app's page; a sign-in
 * window follows the sign-in site (https anywhere, plus the sign-in page's own origin,
 * which is plain http for the simulator).
 */
export type NavigationContext =
  | { role: 'main'; appUrl: string; externalOrigins: readonly string[] }
  | { role: 'auth'; signInOrigin: string; externalOrigins: readonly string[] };

/** Decides a `will-navigate` (or server redirect) in a window; pure, so it is tested without Electron. */
export function decideNavigation(rawUrl: string, context: NavigationContext): NavigationDecision {
  const url = parseUrl(rawUrl);
  if (!url || url.username !== '' || url.password !== '') return 'deny';
  if (context.role === 'main') {
    if (isAppPage(url, context.appUrl)) return 'allow';
  } else if (
    url.protocol === 'https:' ||
    (url.protocol === 'http:' && url.origin === context.signInOrigin)
  ) {
    return 'allow';
  }
  return decideWindowOpen(url.href, context.externalOrigins);
}

/** Decides a `window.open` or `target=_blank` link: never a new window, at most the system browser. */
export function decideWindowOpen(
  rawUrl: string,
  externalOrigins: readonly string[],
): 'deny' | { openExternal: string } {
  const url = parseUrl(rawUrl);
  return url && isAllowedExternal(url.href, externalOrigins) ? { openExternal: url.href } : 'deny';
}

/**
 * True for the app's own page. A dev server has a real origin, so its whole origin
 * counts. file: pages (and custom schemes, to Node's URL) have an opaque origin: only
 * the page itself counts, with any #route, never a neighbouring file.
 */
export function isAppPage(url: URL, appUrl: string): boolean {
  const app = parseUrl(appUrl);
  if (!app || url.protocol !== app.protocol) return false;
  if (url.username !== '' || url.password !== '') return false;
  if (app.origin !== 'null') return url.origin === app.origin;
  return withoutHash(url) === withoutHash(app);
}

function withoutHash(url: URL): string {
  const copy = new URL(url.href);
  copy.hash = '';
  return copy.href;
}

function parseUrl(raw: string): URL | undefined {
  try {
    return new URL(raw);
  } catch {
    return undefined;
  }
}
