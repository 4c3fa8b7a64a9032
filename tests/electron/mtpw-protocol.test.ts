import { resolve } from 'node:path';
import type { App } from 'electron';
import { describe, expect, expectTypeOf, it, vi } from 'vitest';
import {
  mtpwProtocol,
  registerMtpwProtocol,
  type OpenUrlApp,
  type ProtocolClientApp,
} from '../../src/main/mtpw-protocol';
import { requestSingleInstance, type SingleInstanceApp } from '../../src/main/single-instance';
import { FakeApp } from './support/fake-app';

describe('registering app.mtp.desktop with the OS', () => {
  it('names the scheme MTPW redirects to', () => {
    expect(mtpwProtocol).toBe('app.mtp.desktop');
  });

  it('registers the packaged app as it is', () => {
    const app = new FakeApp();
    expect(
      registerMtpwProtocol(app, {
        defaultApp: false,
        execPath: '/opt/MTP/mtp',
        argv: ['/opt/MTP/mtp'],
      }),
    ).toBe(true);
    expect(app.setAsDefaultProtocolClient.mock.calls).toEqual([['app.mtp.desktop']]);
  });

  it('in development, registers Electron with the entry script, so the OS starts the app and not bare Electron', () => {
    const app = new FakeApp();
    registerMtpwProtocol(app, {
      defaultApp: true,
      execPath: '/work/node_modules/electron/dist/electron',
      argv: ['/work/node_modules/electron/dist/electron', 'out/main/main.js'],
    });
    expect(app.setAsDefaultProtocolClient.mock.calls).toEqual([
      [
        'app.mtp.desktop',
        '/work/node_modules/electron/dist/electron',
        [resolve('out/main/main.js')],
      ],
    ]);
  });

  it('in development without an entry script, registers nothing', () => {
    const app = new FakeApp();
    expect(
      registerMtpwProtocol(app, { defaultApp: true, execPath: 'electron', argv: ['electron'] }),
    ).toBe(false);
    expect(app.setAsDefaultProtocolClient).not.toHaveBeenCalled();
  });
});

describe('one instance', () => {
  it('quits the second instance at once', () => {
    const app = new FakeApp(false);
    const onSecond = vi.fn();
    expect(requestSingleInstance(app, onSecond)).toBe(false);
    expect(app.quit).toHaveBeenCalled();
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('the first instance gets the second one’s arguments and comes to the front', () => {
    const app = new FakeApp(true);
    const onSecond = vi.fn();
    const window = {
      isDestroyed: () => false,
      isMinimized: () => false,
      restore: vi.fn(),
      show: vi.fn(),
      focus: vi.fn(),
    };
    expect(requestSingleInstance(app, onSecond, () => window)).toBe(true);
    app.secondInstance(['/opt/MTP/mtp', 'app.mtp.desktop://app#access_token=t']);
    expect(onSecond).toHaveBeenCalledWith(['/opt/MTP/mtp', 'app.mtp.desktop://app#access_token=t']);
    expect(window.show).toHaveBeenCalled();
    expect(window.focus).toHaveBeenCalled();
    expect(window.restore).not.toHaveBeenCalled();
    expect(app.quit).not.toHaveBeenCalled();
  });

  it('works with no main window, or a destroyed one', () => {
    const app = new FakeApp(true);
    const onSecond = vi.fn();
    const gone = {
      isDestroyed: () => true,
      isMinimized: () => false,
      restore: vi.fn(),
      show: vi.fn(),
      focus: vi.fn(),
    };
    requestSingleInstance(app, onSecond, () => gone);
    app.secondInstance(['x']);
    expect(gone.focus).not.toHaveBeenCalled();
    expect(onSecond).toHaveBeenCalledWith(['x']);
  });
});

// Electron's own app fits the narrow interfaces: checked by tsc in the typecheck step, not at run time.
expectTypeOf<App>().toExtend<SingleInstanceApp>();
expectTypeOf<App>().toExtend<OpenUrlApp>();
expectTypeOf<App>().toExtend<ProtocolClientApp>();
expectTypeOf<NodeJS.Process>().toExtend<Parameters<typeof registerMtpwProtocol>[1]>();
