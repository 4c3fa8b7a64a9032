import { resolve } from 'node:path';
import type { Event } from 'electron';
import { mtpwRedirectScheme } from '../core/mtpw/mtpw-authorize';
import type { ProtocolRedirectInbox } from './redirect-inbox';

/** The scheme MTPW redirects to, as the OS knows it (no colon). */
export const mtpwProtocol = mtpwRedirectScheme.replace(/:$/, '');

/** The part of Electron's `app` that registers a protocol handler. */
export interface ProtocolClientApp {
  setAsDefaultProtocolClient(protocol: string, path?: string, args?: string[]): boolean;
}

/** How this process was started (Node's `process`, as Electron extends it). */
export interface LaunchInfo {
  readonly defaultApp?: boolean;
  readonly execPath: string;
  readonly argv: readonly string[];
}

/**
 * Registers `app.mtp.desktop` with the OS for "Sign in with your browser". In
 * development (`electron .`) the OS would start bare Electron, so it is told to pass
 * the app's entry script too. Packaged builds also declare the scheme in
 * electron-builder's `protocols` (Linux picks it up from the .desktop file).
 */
export function registerMtpwProtocol(
  app: ProtocolClientApp,
  launch: LaunchInfo = process,
): boolean {
  if (!launch.defaultApp) return app.setAsDefaultProtocolClient(mtpwProtocol);
  const entryScript = launch.argv[1];
  if (entryScript === undefined) return false;
  return app.setAsDefaultProtocolClient(mtpwProtocol, launch.execPath, [resolve(entryScript)]);
}

/**
 * The `app.mtp.desktop:` URL among a second instance's arguments (Windows and
 * Linux pass it on the command line, among Chromium's own switches), if any.
 */
export function findMtpwUrl(argv: readonly string[]): string | undefined {
  return argv.find((arg) => {
    try {
      return new URL(arg).protocol === mtpwRedirectScheme;
    } catch {
      return false;
    }
  });
}

/** The part of Electron's `app` that announces URLs opened with the app on macOS. */
export interface OpenUrlApp {
  on(event: 'open-url', listener: (event: Event, url: string) => void): unknown;
}

/** Sends macOS `open-url` events to the inbox (Windows and Linux use second-instance instead). */
export function listenForOpenUrl(app: OpenUrlApp, inbox: ProtocolRedirectInbox): void {
  app.on('open-url', (event, url) => {
    // Handled here: the OS must not look for another handler.
    event.preventDefault();
    inbox.deliver(url);
  });
}
