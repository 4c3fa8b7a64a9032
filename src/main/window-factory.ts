import { BrowserWindow, shell } from 'electron';
import type { BrowserWindowConstructorOptions, Event } from 'electron';
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
  // The app's page never follows a server redirect elsewhere; sign-in sites redirect
  // all the time, and the sign-in window catches its own redirect (auth-window.ts).
  if (kind.role === 'main') contents.on('will-redirect', police);
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
