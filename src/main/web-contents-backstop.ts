import type { Event, WebContents } from 'electron';
import { isFactoryWindow } from './window-factory';

/** The part of Electron's `app` that announces every new webContents. */
export interface WebContentsSource {
  on(
    event: 'web-contents-created',
    listener: (event: Event, contents: WebContents) => void,
  ): unknown;
}

/**
 * A backstop under the window factory: any webContents the factory did not make
 * (a bug, a library, a future devtools-like window) may open no window, attach no
 * <webview> and navigate nowhere. Factory windows keep their own policy: the check
 * runs when an event fires, as a window's contents are announced before the factory
 * has them. Install before `ready`, so no webContents is ever created without it.
 */
export function installWebContentsBackstop(app: WebContentsSource): void {
  app.on('web-contents-created', (_event, contents) => {
    const stray = () => !isFactoryWindow(contents);
    const refuse = (event: Event) => {
      if (stray()) event.preventDefault();
    };
    // The factory sets its own handler right after creation, which replaces this one.
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    contents.on('will-navigate', refuse);
    contents.on('will-redirect', refuse);
    contents.on('will-frame-navigate', refuse);
    // No window of this app has a <webview>, factory-made or not.
    contents.on('will-attach-webview', (event) => event.preventDefault());
  });
}
