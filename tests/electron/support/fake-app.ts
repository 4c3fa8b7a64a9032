import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

/** A stand-in for Electron's `app`, passed by hand to the functions that take one. */
export class FakeApp extends EventEmitter {
  constructor(private readonly gotLock = true) {
    super();
  }

  readonly requestSingleInstanceLock = vi.fn(() => this.gotLock);
  readonly quit = vi.fn();
  readonly setAsDefaultProtocolClient = vi.fn(
    (_protocol: string, _path?: string, _args?: string[]) => true,
  );

  /** Fires `second-instance` as Windows and Linux do when the app is launched again. */
  secondInstance(argv: string[]): void {
    this.emit('second-instance', { preventDefault: () => undefined }, argv, '/home/user');
  }

  /** Fires macOS `open-url`; returns whether the handler called preventDefault. */
  openUrl(url: string): boolean {
    let prevented = false;
    this.emit('open-url', { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}
