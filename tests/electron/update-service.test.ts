import { describe, expect, it } from 'vitest';
import { startUpdateService, type Updater } from '../../src/main/update-service';

function fakeUpdater(check: () => Promise<unknown> = () => Promise.resolve(null)) {
  const listeners = new Map<string, () => void>();
  const calls: string[] = [];
  const updater: Updater = {
    checkForUpdates: () => {
      calls.push('check');
      return check();
    },
    downloadUpdate: () => {
      calls.push('download');
      return Promise.resolve([]);
    },
    quitAndInstall: () => {
      calls.push('quitAndInstall');
    },
    on: (event, listener) => listeners.set(event, listener),
  };
  return { updater, calls, emit: (event: string) => listeners.get(event)?.() };
}

function start(updater: Updater, isPackaged = true) {
  const sent: string[] = [];
  const warnings: string[] = [];
  const service = startUpdateService({
    updater,
    isPackaged,
    env: {},
    sendReady: () => sent.push('update:ready'),
    warn: (message) => warnings.push(message),
  });
  return { service, sent, warnings };
}

describe('update service', () => {
  it('never checks when the app is not packaged', () => {
    const fake = fakeUpdater();
    expect(start(fake.updater, false).service).toBeNull();
    expect(fake.calls).toEqual([]);
  });
  it('never checks with MTP_NO_UPDATES=1', () => {
    const fake = fakeUpdater();
    const service = startUpdateService({
      updater: fake.updater,
      isPackaged: true,
      env: { MTP_NO_UPDATES: '1' },
      sendReady: () => undefined,
      warn: () => undefined,
    });
    expect(service).toBeNull();
    expect(fake.calls).toEqual([]);
  });
  it('checks when packaged and downloads an available update', () => {
    const fake = fakeUpdater();
    start(fake.updater);
    fake.emit('update-available');
    expect(fake.calls).toEqual(['check', 'download']);
  });
  it('logs a failed check and sends nothing', async () => {
    const fake = fakeUpdater(() => Promise.reject(new Error('offline')));
    const { sent, warnings } = start(fake.updater);
    await Promise.resolve();
    await Promise.resolve();
    expect(warnings).toEqual(['Could not check for an update.']);
    expect(sent).toEqual([]);
  });
  it('sends update:ready once downloaded, and restart installs it', () => {
    const fake = fakeUpdater();
    const { service, sent } = start(fake.updater);
    fake.emit('update-downloaded');
    expect(sent).toEqual(['update:ready']);
    expect(service?.restart()).toBe(true);
    expect(fake.calls).toContain('quitAndInstall');
  });
  it('answers false to a restart before anything is downloaded, and installs nothing', () => {
    const fake = fakeUpdater();
    const { service } = start(fake.updater);
    expect(service?.restart()).toBe(false);
    expect(fake.calls).not.toContain('quitAndInstall');
  });
  it('does nothing when the user declines', () => {
    const fake = fakeUpdater();
    start(fake.updater);
    fake.emit('update-downloaded');
    expect(fake.calls).not.toContain('quitAndInstall');
  });
});
