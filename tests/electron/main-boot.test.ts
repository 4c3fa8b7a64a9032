import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { mtpwRedirectTarget } from '../../src/core/auth/redirect-targets';
import * as electron from './support/fake-electron';
import * as mainProcess from './support/fake-main-process';
import { mainRig } from './support/main-rig';
import { loadAutoUpdater } from '../../src/main/auto-updater';
// Vitest keeps a mocked module's first instance across vi.resetModules, and the fakes
// above must be that instance: importing the mocks here makes their factories run now.
import 'electron';
import '../../src/core/app/create-app';
import '../../src/core/secrets/keytar-secret-store';
import '../../src/main/electron-state-store';
import '../../src/main/auto-updater';

/**
 * main.ts itself, started on the fake Electron: what happens before `ready`, which
 * page the window loads, how a failed start ends, and what the sign-ins may open.
 * The keychain, electron-store and the core app are stand-ins (support/main-rig.ts).
 */
vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectron);
vi.mock(
  '../../src/core/app/create-app',
  async () => (await import('./support/main-rig')).fakeCreateApp,
);
vi.mock('../../src/core/secrets/keytar-secret-store', async () => {
  const { mainRig } = await import('./support/main-rig');
  return { createKeytarSecretStore: () => mainRig.keychain(), keychainService: 'test' };
});
// The real electron-updater requires the real Electron, whose index.js downloads the binary when it is missing.
const updater = vi.hoisted(() => ({
  checkForUpdates: vi.fn(() => Promise.resolve(null)),
  downloadUpdate: vi.fn(() => Promise.resolve([])),
  quitAndInstall: vi.fn(),
  on: vi.fn(),
}));
vi.mock('../../src/main/auto-updater', () => ({
  loadAutoUpdater: vi.fn(() => Promise.resolve(updater)),
}));
vi.mock('../../src/main/electron-state-store', async () => {
  const { memoryStateStore } = await import('../support/pipeline-harness');
  return { createElectronStateStore: () => memoryStateStore() };
});

const envNames = [
  'ELECTRON_RENDERER_URL',
  'STRAVA_BASE_URL',
  'MTPW_BASE_URL',
  'STRAVA_CLIENT_ID',
  'STRAVA_CLIENT_SECRET',
  'MTP_NO_UPDATES',
  'VITEST',
];
const savedEnv = Object.fromEntries(envNames.map((n) => [n, process.env[n]]));
let userData: string;

beforeEach(async () => {
  for (const name of envNames) if (name !== 'VITEST') delete process.env[name];
  userData = await mkdtemp(join(tmpdir(), 'mtp-main-boot-'));
});
afterEach(async () => {
  for (const name of envNames) {
    if (savedEnv[name] === undefined) delete process.env[name];
    else process.env[name] = savedEnv[name];
  }
  await rm(userData, { recursive: true, force: true });
});

/** Loads a fresh main.ts on fresh fakes; `ready()` then lets Electron's `ready` fire. */
async function boot(options: { packaged?: boolean } = {}) {
  vi.resetModules();
  const main = mainProcess;
  electron.resetFakeElectron();
  main.fakeMainApp.isPackaged = options.packaged ?? false;
  main.fakeMainApp.paths.set('userData', userData);
  main.fakeMainApp.paths.set('home', userData);
  mainRig.deps = undefined;
  mainRig.keychain.mockClear();
  mainRig.resume.mockClear();
  vi.mocked(loadAutoUpdater).mockClear();
  updater.checkForUpdates.mockClear();
  await import('../../src/main/main');
  const ready = async () => {
    main.fakeMainApp.ready();
    await vi.waitFor(
      () => {
        const started = mainRig.resume.mock.calls.length > 0;
        const failed = main.fakeMainApp.exit.mock.calls.length > 0;
        if (!started && !failed) throw new Error('still starting');
      },
      { timeout: 15_000 },
    );
  };
  return { ...electron, ...main, mainRig, ready };
}

/** Every line under the logs folder at this moment. */
function logText(): string {
  const dir = join(userData, 'logs');
  const files = existsSync(dir) ? readdirSync(dir) : [];
  return files.map((f) => readFileSync(join(dir, f), 'utf8')).join('\n');
}

describe('main.ts before ready', () => {
  it('registers app:// as standard and secure, and installs the web-contents backstop', async () => {
    const rig = await boot();
    expect(rig.fakeMainApp.isReady).toBe(false);
    expect(rig.fakeProtocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    expect(rig.fakeMainApp.listenerCount('web-contents-created')).toBe(1);
    expect(rig.FakeBrowserWindow.instances).toHaveLength(0);
  });
});

describe('after the computer sleeps', () => {
  it('wakes the queue when Electron’s powerMonitor says the system resumed', async () => {
    const rig = await boot();
    await rig.ready();
    await vi.waitFor(() => expect(rig.fakePowerMonitor.listenerCount('resume')).toBe(1));
    rig.mainRig.wake.mockClear();
    rig.fakePowerMonitor.emit('resume');
    expect(rig.mainRig.wake).toHaveBeenCalledTimes(1);
  });
});

describe('the batch notification', () => {
  it('says what the batch did, and a click brings the window forward on the Queue', async () => {
    const rig = await boot();
    await rig.ready();
    rig.FakeNotification.supported = true;
    rig.mainRig.announce.mockClear();
    rig.mainRig.deps?.onBatchFinished?.({ done: 2, failed: 1 });
    const [notification] = rig.FakeNotification.shown;
    expect(notification?.options.body).toBe('2 uploaded, 1 need attention.');
    notification?.emit('click');
    expect(rig.FakeBrowserWindow.last().focus).toHaveBeenCalled();
    expect(rig.mainRig.announce).toHaveBeenCalledWith({
      name: 'app:navigate',
      payload: { screen: 'queue' },
    });
  });

  it('is not shown when the user turned batch notifications off in Settings', async () => {
    const rig = await boot();
    await rig.ready();
    rig.FakeNotification.supported = true;
    rig.mainRig.batchNotifications = false;
    try {
      rig.mainRig.deps?.onBatchFinished?.({ done: 2, failed: 0 });
      expect(rig.FakeNotification.shown).toHaveLength(0);
    } finally {
      rig.mainRig.batchNotifications = true;
    }
  });
});

describe('the page the main window loads', () => {
  it('is app://renderer/index.html, served from the built renderer folder only', async () => {
    const rig = await boot();
    await rig.ready();
    const window = rig.FakeBrowserWindow.last();
    expect(window.webContents.loadURL).toHaveBeenCalledWith('app://renderer/index.html');
    const page = await rig.fakeProtocol.fetch('app://renderer/index.html');
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');
    expect((await rig.fakeProtocol.fetch('app://renderer/..%2f..%2fpackage.json')).status).toBe(
      400,
    );
  });

  it('ignores ELECTRON_RENDERER_URL in a packaged app', async () => {
    process.env.ELECTRON_RENDERER_URL = 'https://evil.example/';
    const rig = await boot({ packaged: true });
    await rig.ready();
    expect(rig.FakeBrowserWindow.last().webContents.loadURL).toHaveBeenCalledWith(
      'app://renderer/index.html',
    );
  });

  it('honours ELECTRON_RENDERER_URL (the dev server) in an unpackaged run', async () => {
    process.env.ELECTRON_RENDERER_URL = 'http://localhost:5173/';
    const rig = await boot();
    await rig.ready();
    expect(rig.FakeBrowserWindow.last().webContents.loadURL).toHaveBeenCalledWith(
      'http://localhost:5173/',
    );
  });
});

describe('updates', () => {
  it('a packaged app checks for updates once its window is up', async () => {
    delete process.env.VITEST;
    const rig = await boot({ packaged: true });
    await rig.ready();
    await vi.waitFor(() => expect(updater.checkForUpdates).toHaveBeenCalledTimes(1));
    expect(loadAutoUpdater).toHaveBeenCalledTimes(1);
  });

  it('with MTP_NO_UPDATES=1 a packaged app never loads the updater', async () => {
    delete process.env.VITEST;
    process.env.MTP_NO_UPDATES = '1';
    const rig = await boot({ packaged: true });
    await rig.ready();
    // The updater is decided on in the same step that listens for the computer waking.
    await vi.waitFor(() => expect(rig.fakePowerMonitor.listenerCount('resume')).toBe(1));
    expect(loadAutoUpdater).not.toHaveBeenCalled();
  });
});

describe('a start that fails', () => {
  const expectExplainedExit = (rig: Awaited<ReturnType<typeof boot>>, message: RegExp) => {
    expect(rig.fakeDialog.showErrorBox).toHaveBeenCalledTimes(1);
    const [title, content] = rig.fakeDialog.showErrorBox.mock.calls[0] ?? [];
    expect(title).toBe('MTP Strava Uploader could not start');
    expect(content).toMatch(message);
    expect(content).not.toMatch(/\n\s+at /);
    expect(rig.fakeMainApp.releaseSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(rig.fakeMainApp.exit).toHaveBeenCalledWith(1);
  };

  it('explains a keychain library that cannot load, and logs the linker message', async () => {
    const rig = await boot();
    rig.mainRig.keychain.mockImplementationOnce(() => {
      throw new Error(
        'libsecret-1.so.0: cannot open shared object file: No such file or directory',
      );
    });
    await rig.ready();
    expectExplainedExit(rig, /system keychain could not be opened.*libsecret/);
    expect(logText()).toContain('libsecret-1.so.0: cannot open shared object file');
  });

  it('explains a bad settings.env', async () => {
    await writeFile(join(userData, 'settings.env'), 'STRAVA_CLIENT_ID=not-a-number\n');
    const rig = await boot({ packaged: true });
    await rig.ready();
    expectExplainedExit(rig, /These settings are not valid: STRAVA_CLIENT_ID/);
    expect(rig.FakeBrowserWindow.instances).toHaveLength(0);
  });

  it('explains a locked keychain met while resuming the queue', async () => {
    const rig = await boot();
    // main.ts was loaded afresh: its errors are of its own UploadError class.
    const { UploadError } = await import('../../src/core/errors/upload-error');
    rig.mainRig.resume.mockImplementationOnce(() => {
      rig.mainRig.deps?.logger.info('Resuming 3 items.');
      return Promise.reject(
        new UploadError({
          kind: 'config',
          message: 'The system keychain could not be used. Make sure it is unlocked.',
          retryable: true,
          detail: 'Cannot create an item in a locked collection',
        }),
      );
    });
    // Electron's exit ends the process there and then: what the log has by then is all it keeps.
    let logAtExit = '';
    rig.fakeMainApp.exit.mockImplementationOnce(() => {
      logAtExit = logText();
    });
    await rig.ready();
    expectExplainedExit(rig, /keychain could not be used/);
    expect(logAtExit).toContain('locked collection');
    expect(logAtExit).toContain('Resuming 3 items.');
  });
});

describe('sign-ins in the system browser', () => {
  it('open only the configured Strava and MTPW sites', async () => {
    const rig = await boot({ packaged: true });
    await rig.ready();
    const signIn = rig.mainRig.deps?.signIn;
    await signIn?.openExternal('https://www.strava.com/oauth/authorize?state=x');
    await expect(
      signIn?.openExternal('https://evil.example/oauth/authorize'),
    ).rejects.toMatchObject({
      kind: 'invalid-input',
    });
    await expect(
      signIn?.protocol.open(new URL('file:///etc/passwd'), mtpwRedirectTarget),
    ).rejects.toMatchObject({ kind: 'invalid-input' });
    await expect(
      signIn?.openExternal('http://127.0.0.1:4000/oauth/authorize'),
    ).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(rig.fakeShell.openExternal.mock.calls).toEqual([
      ['https://www.strava.com/oauth/authorize?state=x'],
    ]);
  });

  it('open the loopback simulator over http in an unpackaged run', async () => {
    process.env.STRAVA_BASE_URL = 'http://127.0.0.1:4000';
    const rig = await boot();
    await rig.ready();
    await rig.mainRig.deps?.signIn.openExternal('http://127.0.0.1:4000/oauth/authorize?state=x');
    expect(rig.fakeShell.openExternal).toHaveBeenCalledWith(
      'http://127.0.0.1:4000/oauth/authorize?state=x',
    );
  });
});

describe('the log', () => {
  it('masks the client secret from the settings and every secret createApp announces', async () => {
    process.env.STRAVA_CLIENT_ID = '777';
    process.env.STRAVA_CLIENT_SECRET = 'plain-settings-secret';
    const rig = await boot();
    await rig.ready();
    const deps = rig.mainRig.deps;
    deps?.onSecret?.('plain-token-value');
    deps?.logger.warn('careless', { a: 'plain-settings-secret', b: 'plain-token-value' });
    await vi.waitFor(() => expect(logText()).toContain('careless'));
    const text = logText();
    expect(text).not.toContain('plain-settings-secret');
    expect(text).not.toContain('plain-token-value');
  });

  it('holds a quit until the lines logged just before it are on disk', async () => {
    const rig = await boot();
    await rig.ready();
    rig.mainRig.deps?.logger.info('The last line before quitting.');
    let logAtQuit = '';
    rig.fakeMainApp.quit.mockImplementationOnce(() => {
      logAtQuit = logText();
    });
    const preventDefault = vi.fn();
    rig.fakeMainApp.emit('will-quit', { preventDefault });
    expect(preventDefault).toHaveBeenCalledTimes(1);
    await vi.waitFor(() => expect(rig.fakeMainApp.quit).toHaveBeenCalledTimes(1));
    expect(logAtQuit).toContain('The last line before quitting.');
    // The quit that follows goes ahead.
    const again = vi.fn();
    rig.fakeMainApp.emit('will-quit', { preventDefault: again });
    expect(again).not.toHaveBeenCalled();
  });
});
