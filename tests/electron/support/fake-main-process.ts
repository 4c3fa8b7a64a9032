import { EventEmitter } from 'node:events';
import { vi } from 'vitest';
import { FakeApp } from './fake-app';

/**
 * Stand-ins for the app-wide parts of Electron that main.ts uses (app, protocol,
 * dialog, ipcMain, …), for `vi.mock('electron')` through fake-electron.ts.
 */

type ProtocolHandler = (request: Request) => Response | Promise<Response>;
interface PrivilegedScheme {
  scheme: string;
  privileges?: Record<string, boolean>;
}

/** Electron's `app` as main.ts sees it: ready on demand, packaged or not, with paths. */
export class FakeMainApp extends FakeApp {
  isPackaged = false;
  isReady = false;
  readonly paths = new Map<string, string>();
  private readyNow: () => void = () => undefined;
  private readyPromise = this.freshReady();

  readonly whenReady = vi.fn(() => this.readyPromise);
  readonly getPath = vi.fn((name: string) => {
    const path = this.paths.get(name);
    if (!path) throw new Error(`no fake path for ${name}`);
    return path;
  });
  readonly releaseSingleInstanceLock = vi.fn();
  readonly exit = vi.fn((_code?: number) => undefined);

  /** Fires `ready`, as Electron does once it has started. */
  ready(): void {
    this.isReady = true;
    this.readyNow();
  }

  /** Back to a fresh, not-ready, unpackaged app with no listeners. */
  reset(): void {
    this.removeAllListeners();
    this.isPackaged = false;
    this.isReady = false;
    this.paths.clear();
    this.readyPromise = this.freshReady();
    for (const mock of [this.whenReady, this.releaseSingleInstanceLock, this.exit, this.quit])
      mock.mockClear();
  }

  private freshReady(): Promise<void> {
    return new Promise<void>((resolve) => (this.readyNow = resolve));
  }
}

export const fakeMainApp = new FakeMainApp();

/** Electron's `protocol`: remembers privileged schemes and handlers, and can send a request through one. */
export class FakeProtocol {
  readonly privileged: PrivilegedScheme[] = [];
  readonly handlers = new Map<string, ProtocolHandler>();

  readonly registerSchemesAsPrivileged = vi.fn((schemes: PrivilegedScheme[]) => {
    // Electron ignores (and logs) a registration after ready; make that loud here.
    if (fakeMainApp.isReady) throw new Error('registerSchemesAsPrivileged after ready');
    this.privileged.push(...schemes);
  });

  readonly handle = vi.fn((scheme: string, handler: ProtocolHandler) => {
    this.handlers.set(scheme, handler);
  });

  /** Sends a request to the handler of its scheme, as Chromium would. */
  async fetch(url: string, method = 'GET'): Promise<Response> {
    const handler = this.handlers.get(new URL(url).protocol.replace(/:$/, ''));
    if (!handler) throw new Error(`no handler for ${url}`);
    return handler(new Request(url, { method }));
  }

  reset(): void {
    this.privileged.length = 0;
    this.handlers.clear();
    this.registerSchemesAsPrivileged.mockClear();
    this.handle.mockClear();
  }
}

export const fakeProtocol = new FakeProtocol();

export const fakeDialog = {
  showErrorBox: vi.fn((_title: string, _content: string) => undefined),
  showOpenDialog: vi.fn(() => Promise.resolve({ canceled: true, filePaths: [] as string[] })),
};

export const fakeIpcMain = {
  handle: vi.fn(),
  removeHandler: vi.fn(),
};

/** Electron's powerMonitor: tests emit 'resume' as the OS does after sleep. */
export const fakePowerMonitor = new EventEmitter();

/** Notifications: unsupported unless a test turns them on; each one shown is kept, to click. */
export class FakeNotification extends EventEmitter {
  static supported = false;
  static readonly shown: FakeNotification[] = [];
  static isSupported(): boolean {
    return FakeNotification.supported;
  }
  constructor(readonly options: { title: string; body: string }) {
    super();
  }
  show(): void {
    FakeNotification.shown.push(this);
  }
}

/** Forgets the app-wide fakes' state between tests. */
export function resetFakeMainProcess(): void {
  fakeMainApp.reset();
  fakePowerMonitor.removeAllListeners();
  FakeNotification.supported = false;
  FakeNotification.shown.length = 0;
  fakeProtocol.reset();
  fakeDialog.showErrorBox.mockClear();
  fakeDialog.showOpenDialog.mockClear();
  fakeIpcMain.handle.mockClear();
  fakeIpcMain.removeHandler.mockClear();
}
