import { BrowserWindow, shell } from 'electron';
import type { BrowserWindowConstructorOptions, Event, WebContents } from 'electron';
import {
  decideNavigation,
  decideWindowOpen,
  type NavigationContext,
  type NavigationDecision,
} from './navigation-policy';
import { assertHardenedOptions } from './window-security-check';
import { denyAllPermissions, enforceContentSecurityPolicy } from './window-session-hardening';

/** What the window is and where it may go; the same shape the navigation policy reads. */
export type WindowKind = NavigationContext;

// The backstop (web-contents-backstop.ts) asks this at event time: Electron announces a
// window's webContents while the BrowserWindow is still being constructed.
const madeHere = new WeakSet<WebContents>();

/** True for the webContents of a window this factory made (and so polices). */
export function isFactoryWindow(contents: WebContents): boolean {
  return madeHere.has(contents);
}

/**
 * Creates every window of the app. Whatever its page does, a window cannot open
 * another window, attach a <webview>, get a permission, or navigate anywhere its
 * policy refuses; allowed https Strava/MTPW links go to the system browser.
 */
export function createHardenedWindow(
  options: BrowserWindowConstructorOptions,
  kind: WindowKind,
): BrowserWindow {
  assertHardenedOptions(options, kind.role);
  const window = new BrowserWindow(options);
  const contents = window.webContents;
  madeHere.add(contents);

  contents.setWindowOpenHandler(({ url }) => {
    follow(decideWindowOpen(url, kind.externalOrigins));
    return { action: 'deny' };
  });
  const police = (event: Event<{ url: string }>) => {
    const decision = decideNavigation(event.url, kind);
    if (decision === 'allow') return;
    event.preventDefault();
    follow(decision);
  };
  contents.on('will-navigate', police);
  // A server redirect gets the policy of a navigation: a sign-in site may redirect
  // within itself, never to another http host. The sign-in's own redirect (loopback
  // or app.mtp.desktop:) is refused here too and caught by auth-window.ts, which
  // listens to the same events: it is never loaded either way.
  contents.on('will-redirect', police);
  contents.on('will-attach-webview', (event) => event.preventDefault());

  denyAllPermissions(contents.session);
  if (kind.role === 'main') enforceContentSecurityPolicy(contents.session, kind.appUrl);
  return window;
}

function follow(decision: NavigationDecision): void {
  if (typeof decision === 'object') {
    // Opening the browser can fail (no handler); the link was refused in the app either way.
    shell.openExternal(decision.openExternal).catch(() => undefined);
  }
}
