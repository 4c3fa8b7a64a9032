import type { Session } from 'electron';
import { withContentSecurityPolicy } from './content-security-policy';
import { isAppPage } from './navigation-policy';

/**
 * Denies every permission (camera, notifications, geolocation, openExternal, …) both
 * when a page asks and when it merely checks. The app needs none, and a sign-in page
 * must not be able to launch protocol handlers through the OS.
 */
export function denyAllPermissions(session: Session): void {
  session.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  session.setPermissionCheckHandler(() => false);
}

/**
 * Puts the CSP header on the app page's document responses. webRequest allows one
 * listener per event and session, so this is the only onHeadersReceived of the
 * main window's session.
 */
export function enforceContentSecurityPolicy(session: Session, appUrl: string): void {
  session.webRequest.onHeadersReceived((details, callback) => {
    if (details.resourceType === 'mainFrame' && isAppPageUrl(details.url, appUrl)) {
      callback({ responseHeaders: withContentSecurityPolicy(details.responseHeaders) });
    } else {
      callback({});
    }
  });
}

function isAppPageUrl(rawUrl: string, appUrl: string): boolean {
  try {
    return isAppPage(new URL(rawUrl), appUrl);
  } catch {
    return false;
  }
}
