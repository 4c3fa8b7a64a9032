import { EventEmitter } from 'node:events';
import type { BrowserWindowConstructorOptions } from 'electron';
import { vi } from 'vitest';
import {
  fakeDialog,
  fakeIpcMain,
  fakeMainApp,
  fakePowerMonitor,
  FakeNotification,
  fakeProtocol,
  resetFakeMainProcess,
} from './fake-main-process';

/**
 * A stand-in for the parts of Electron that src/main uses, for `vi.mock('electron')`:
 * the binary cannot be downloaded on build machines. Windows record their options
 * and handlers so tests can fire Electron's events at them by hand.
 */

type RequestListener = (
  details: { url: string; resourceType: string },
  callback: (response: { cancel?: boolean }) => void,
) => void;
type HeadersListener = (
  details: { url: string; resourceType: string; responseHeaders?: Record<string, string[]> },
  callback: (response: { responseHeaders?: Record<string, string[]> }) => void,
) => void;
type PermissionRequestHandler = (
  contents: unknown,
  permission: string,
  callback: (granted: boolean) => void,
) => void;
type PermissionCheckHandler = (contents: unknown, permission: string) => boolean;
type WindowOpenHandler = (details: { url: string }) => { action: 'allow' | 'deny' };

export class FakeWebRequest {
  beforeRequest: { filter: { urls: string[] }; listener: RequestListener } | null = null;
  headersReceived: HeadersListener | null = null;

  readonly onBeforeRequest = vi.fn(
    (filter: { urls: string[] } | null, listener?: RequestListener | null) => {
      this.beforeRequest = filter && listener ? { filter, listener } : null;
    },
  );

  readonly onHeadersReceived = vi.fn((listener: HeadersListener | null) => {
    this.headersReceived = listener;
  });

  /** Sends a request through the listener, as Chromium would; returns what it answered. */
  request(url: string, resourceType = 'mainFrame'): { cancel?: boolean } | undefined {
    let answer: { cancel?: boolean } | undefined;
    this.beforeRequest?.listener({ url, resourceType }, (response) => (answer = response));
    return answer;
  }
}

export class FakeSession {
  readonly webRequest = new FakeWebRequest();
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: PermissionCheckHandler | null = null;

  constructor(readonly partition: string) {}

  readonly setPermissionRequestHandler = vi.fn((handler: PermissionRequestHandler | null) => {
    this.permissionRequestHandler = handler;
  });

  readonly setPermissionCheckHandler = vi.fn((handler: PermissionCheckHandler | null) => {
    this.permissionCheckHandler = handler;
  });

  readonly clearStorageData = vi.fn(() => Promise.resolve());
}

const sessions = new Map<string, FakeSession>();

export const fakeSession = {
  defaultSession: new FakeSession(''),
  fromPartition(partition: string): FakeSession {
    let session = sessions.get(partition);
    if (!session) {
      session = new FakeSession(partition);
      sessions.set(partition, session);
    }
    return session;
  },
};

/** An Electron navigation event: the params plus preventDefault. */
export interface FakeNavigationEvent {
  url: string;
  isMainFrame: boolean;
  isSameDocument: boolean;
  defaultPrevented: boolean;
  preventDefault: () => void;
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler: WindowOpenHandler | null = null;

  constructor(readonly session: FakeSession) {
    super();
  }

  readonly setWindowOpenHandler = vi.fn((handler: WindowOpenHandler) => {
    this.windowOpenHandler = handler;
  });

  /** When set, the next loadURL rejects with it, as Electron's does when a navigation is cancelled. */
  static rejectNextLoad: Error | null = null;

  readonly loadURL = vi.fn((_url: string) => {
    const error = FakeWebContents.rejectNextLoad;
    FakeWebContents.rejectNextLoad = null;
    return error ? Promise.reject(error) : Promise.resolve();
  });

  /** Fires `will-navigate`, `will-redirect` or `will-attach-webview` the way Electron 45 does. */
  navigate(
    name: 'will-navigate' | 'will-redirect' | 'will-attach-webview',
    url: string,
  ): FakeNavigationEvent {
    const event: FakeNavigationEvent = {
      url,
      isMainFrame: true,
      isSameDocument: false,
      defaultPrevented: false,
      preventDefault: () => {
        event.defaultPrevented = true;
      },
    };
    this.emit(name, event, url, false, true, 1, 1);
    return event;
  }

  /** Fires `did-fail-load` with Electron's argument order. */
  failLoad(url: string, code: number, description: string, isMainFrame = true): void {
    this.emit(
      'did-fail-load',
      { preventDefault: () => undefined },
      code,
      description,
      url,
      isMainFrame,
      1,
      1,
    );
  }

  /** The visible text of the page shown last (what `executeJavaScript` reads), see showPage. */
  pageText = '';

  readonly executeJavaScript = vi.fn((_code: string, _userGesture?: boolean) =>
    Promise.resolve<unknown>(this.pageText),
  );

  /** Shows a page as Electron reports it: `did-navigate` with its HTTP status, then `did-finish-load`. */
  showPage(url: string, status: number, text: string): void {
    this.pageText = text;
    this.emit('did-navigate', { preventDefault: () => undefined }, url, status, '');
    this.emit('did-finish-load', { preventDefault: () => undefined });
  }

  /** Asks the window-open handler about a `window.open(url)`. */
  openWindow(url: string): { action: 'allow' | 'deny' } | undefined {
    return this.windowOpenHandler?.({ url });
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static readonly instances: FakeBrowserWindow[] = [];
  readonly webContents: FakeWebContents;
  private destroyed = false;

  constructor(readonly options: BrowserWindowConstructorOptions = {}) {
    super();
    const partition = options.webPreferences?.partition;
    const session = partition ? fakeSession.fromPartition(partition) : fakeSession.defaultSession;
    this.webContents = new FakeWebContents(session);
    FakeBrowserWindow.instances.push(this);
    // Electron announces the new contents while the window is still being made.
    fakeMainApp.emit('web-contents-created', { preventDefault: () => undefined }, this.webContents);
  }

  /** The most recently created window. */
  static last(): FakeBrowserWindow {
    const window = FakeBrowserWindow.instances.at(-1);
    if (!window) throw new Error('no window was created');
    return window;
  }

  readonly close = vi.fn(() => {
    if (this.destroyed) return;
    this.destroyed = true;
    this.emit('close');
    this.emit('closed');
  });

  isDestroyed(): boolean {
    return this.destroyed;
  }

  /** Loads the page in the window's contents, as BrowserWindow.loadURL does. */
  loadURL(url: string): Promise<void> {
    return this.webContents.loadURL(url);
  }

  readonly show = vi.fn();
  readonly focus = vi.fn();
  readonly restore = vi.fn();
  readonly isMinimized = vi.fn(() => false);
}

export const fakeShell = {
  openExternal: vi.fn((_url: string) => Promise.resolve()),
};

/** Forgets every window, session and call between tests. */
export function resetFakeElectron(): void {
  FakeBrowserWindow.instances.length = 0;
  FakeWebContents.rejectNextLoad = null;
  sessions.clear();
  fakeSession.defaultSession = new FakeSession('');
  fakeShell.openExternal.mockReset();
  fakeShell.openExternal.mockImplementation(() => Promise.resolve());
  resetFakeMainProcess();
}

/** What `vi.mock('electron', …)` returns. */
export const fakeElectron = {
  app: fakeMainApp,
  BrowserWindow: FakeBrowserWindow,
  dialog: fakeDialog,
  ipcMain: fakeIpcMain,
  nativeTheme: { shouldUseDarkColors: false },
  Notification: FakeNotification,
  powerMonitor: fakePowerMonitor,
  protocol: fakeProtocol,
  session: fakeSession,
  shell: fakeShell,
};
