import type { Event } from 'electron';

/** The part of Electron's `app` that keeps one instance running. */
export interface SingleInstanceApp {
  requestSingleInstanceLock(): boolean;
  quit(): void;
  on(
    event: 'second-instance',
    listener: (event: Event, argv: string[], workingDirectory: string) => void,
  ): unknown;
}

/** The part of a BrowserWindow brought to the front when the app is started again. */
export interface FocusableWindow {
  isDestroyed(): boolean;
  isMinimized(): boolean;
  restore(): void;
  show(): void;
  focus(): void;
}

/**
 * Keeps one instance: a second launch quits at once, and the first one comes to the
 * front and gets the second's arguments. On Windows and Linux, that is how an
 * `app.mtp.desktop://` sign-in redirect from the browser arrives.
 * Returns false when this process is the second one and is quitting.
 */
export function requestSingleInstance(
  app: SingleInstanceApp,
  onSecondInstance: (argv: string[]) => void,
  mainWindow?: () => FocusableWindow | undefined,
): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', (_event, argv) => {
    const window = mainWindow?.();
    if (window && !window.isDestroyed()) {
      if (window.isMinimized()) window.restore();
      window.show();
      window.focus();
    }
    onSecondInstance(argv);
  });
  return true;
}
