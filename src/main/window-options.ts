import { randomUUID } from 'node:crypto';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';

/**
 * Every window the app opens, with all of its options, in one place: a reviewer
 * checks the security flags here and nowhere else. The window factory refuses
 * options that drop any of them (window-security-check.ts).
 */

/** Dark or light, to paint the window before the page has loaded. */
export type WindowTheme = 'dark' | 'light';

/** The security settings every window shares (ARCHITECTURE.md's checklist). */
const hardenedWebPreferences = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  // Electron's spellchecker fetches dictionaries from Google; nothing here needs it.
  spellcheck: false,
  // Folders are dropped onto the page; a stray drop must never navigate the window to a file.
  navigateOnDragDrop: false,
  safeDialogs: true,
} as const;

/** The app's own window: the React UI, talking to main only through the preload. */
export function mainWindowOptions(
  preloadPath: string,
  theme: WindowTheme = 'light',
): BrowserWindowConstructorOptions {
  return {
    title: 'MTP Strava Uploader',
    width: 1100,
    height: 760,
    minWidth: 800,
    minHeight: 600,
    // Shown on 'ready-to-show', so the user never sees a blank frame.
    show: false,
    backgroundColor: theme === 'dark' ? '#1e1e1e' : '#ffffff',
    webPreferences: {
      preload: preloadPath,
      ...hardenedWebPreferences,
    },
  };
}

/**
 * A sign-in window showing Strava's or MTPW's pages: remote content, so no preload
 * at all, and its own in-memory session so no cookie outlives the sign-in.
 */
export function authWindowOptions(
  parent: BrowserWindow | undefined,
  partition: string,
): BrowserWindowConstructorOptions {
  if (!isEphemeralPartition(partition)) {
    throw new Error(`A sign-in window needs its own in-memory partition, not "${partition}".`);
  }
  return {
    title: 'Sign in',
    ...(parent ? { parent } : {}),
    // A child, not a modal: macOS turns modals into sheets without a close button, and
    // closing the window by hand is how a user cancels a sign-in.
    modal: false,
    width: 520,
    height: 720,
    minWidth: 400,
    minHeight: 500,
    // Shown at once, so a page that never loads can still be closed by hand.
    show: true,
    autoHideMenuBar: true,
    fullscreenable: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      partition,
      ...hardenedWebPreferences,
    },
  };
}

/** A fresh session name for one sign-in: no `persist:` prefix, so Electron keeps it in memory only. */
export function newAuthPartition(): string {
  return `auth-${randomUUID()}`;
}

/** True for a named partition Electron keeps in memory (not the default session, not `persist:`). */
export function isEphemeralPartition(partition: string): boolean {
  return partition.length > 0 && !partition.startsWith('persist:');
}
