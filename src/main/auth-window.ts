import type { BrowserWindow, Event } from 'electron';
import { UploadError } from '../core/errors/upload-error';
import type { AuthBrowser, RedirectTarget } from '../core/ports';
import { matchRedirect } from './redirect-matcher';
import { windowTimeoutMessage } from './redirect-timeout-message';
import { createRedirectWait, defaultSignInTimeoutMs } from './redirect-wait';
import { watchSignInPages } from './sign-in-page-watch';
import { createHardenedWindow } from './window-factory';
import { authWindowOptions, newAuthPartition } from './window-options';

/** Chromium's net::ERR_ABORTED: a navigation we (or the page) cancelled, not a failure. */
const navigationAborted = -3;

/** What the sign-in window needs from the app. */
export interface WindowAuthBrowserDeps {
  /** The main window, parent of each sign-in window (none in tests or before it exists). */
  parent: () => BrowserWindow | undefined;
  /** Origins whose https links may open in the system browser (external-links.ts). */
  externalOrigins: readonly string[];
  /** How long to wait for the redirect; five minutes unless told. */
  timeoutMs?: number;
}

/**
 * The default sign-in: a child window on its own in-memory session loads the
 * authorize page, and main catches the redirect before anything loads it. The caller
 * checks `state` and scopes (parseStravaRedirect / parseMtpwRedirect).
 */
export function createWindowAuthBrowser(deps: WindowAuthBrowserDeps): AuthBrowser {
  return { open: (url, target, signal) => openSignInWindow(deps, url, target, signal) };
}

function openSignInWindow(
  deps: WindowAuthBrowserDeps,
  authorizeUrl: URL,
  target: RedirectTarget,
  signal: AbortSignal | undefined,
): Promise<URL> {
  if (signal?.aborted) {
    return Promise.reject(
      new UploadError({ kind: 'cancelled', message: 'Sign-in cancelled.', retryable: true }),
    );
  }
  const timeoutMs = deps.timeoutMs ?? defaultSignInTimeoutMs;
  const window = createHardenedWindow(authWindowOptions(deps.parent(), newAuthPartition()), {
    role: 'auth',
    signInOrigin: authorizeUrl.origin,
    externalOrigins: deps.externalOrigins,
  });
  const contents = window.webContents;
  const session = contents.session;
  const wait = createRedirectWait({
    timeoutMs,
    timeoutMessage: windowTimeoutMessage(authorizeUrl, timeoutMs),
    signal,
    onSettled: () => {
      session.webRequest.onBeforeRequest(null);
      if (!window.isDestroyed()) window.close();
      // The partition is in memory, but Electron keeps it for the app's life: empty it.
      session.clearStorageData().catch(() => undefined);
    },
  });
  const cancelAndCatch = (event: Event<{ url: string }>) => {
    const redirect = matchRedirect(target, event.url);
    if (!redirect) return;
    event.preventDefault();
    wait.resolve(redirect);
  };

  // Four ways to see the redirect, because which one fires depends on how it is sent
  // (a 302, a script setting location, a form post) and on the scheme: whichever
  // comes first wins. Each cancels the navigation or request first, so the redirect
  // never reaches the network, and only then settles (which closes the window).
  contents.on('will-redirect', cancelAndCatch);
  contents.on('will-navigate', cancelAndCatch);
  // This session belongs to this sign-in alone, so it may watch all of its requests;
  // webRequest patterns can express neither the exact path nor a custom scheme.
  session.webRequest.onBeforeRequest({ urls: ['<all_urls>'] }, (details, callback) => {
    const redirect = matchRedirect(target, details.url);
    callback(redirect ? { cancel: true } : {});
    if (redirect) wait.resolve(redirect);
  });
  // Fallbacks: an unknown scheme fails to load, and a redirect that slipped through
  // still shows up as a navigation.
  contents.on('did-navigate', (_event, url) => {
    const redirect = matchRedirect(target, url);
    if (redirect) wait.resolve(redirect);
  });
  contents.on('did-fail-load', (_event, code, description, url, isMainFrame) => {
    const redirect = matchRedirect(target, url);
    if (redirect) {
      wait.resolve(redirect);
      return;
    }
    if (!isMainFrame || code === navigationAborted) return;
    wait.reject(
      new UploadError({
        kind: 'network',
        message:
          'The sign-in page could not be loaded. Check your internet connection and try again.',
        retryable: true,
        detail: `${description} (${code})`,
      }),
    );
  });
  // A refusal page (the athlete cap) closes the window at once; closed later, it still explains.
  const pages = watchSignInPages(contents, (refusal) => wait.reject(refusal));
  window.on('closed', () =>
    wait.reject(
      pages.last() ??
        new UploadError({
          kind: 'cancelled',
          message: 'Sign-in cancelled: the sign-in window was closed.',
          retryable: true,
        }),
    ),
  );

  // loadURL also rejects when we cancel the redirect; did-fail-load reports real failures.
  contents.loadURL(authorizeUrl.href).catch(() => undefined);
  return wait.promise;
}
