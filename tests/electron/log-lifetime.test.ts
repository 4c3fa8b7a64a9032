import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { closeLogIfStartFails, flushLogBeforeQuit } from '../../src/main/log-lifetime';

/** Electron's app as far as quitting goes: will-quit listeners, and quit. */
function quittingApp() {
  const app = Object.assign(new EventEmitter(), { quit: vi.fn() });
  const willQuit = () => {
    const event = { preventDefault: vi.fn() };
    app.emit('will-quit', event);
    return event;
  };
  return { app, willQuit };
}

describe('the log at quit', () => {
  it('holds the quit until the log is closed, then lets it through', async () => {
    const { app, willQuit } = quittingApp();
    let closeLog = () => undefined as void;
    const close = vi.fn(() => new Promise<void>((resolve) => (closeLog = resolve)));
    flushLogBeforeQuit(app, { close });
    expect(willQuit().preventDefault).toHaveBeenCalledTimes(1);
    expect(close).toHaveBeenCalledTimes(1);
    await Promise.resolve();
    expect(app.quit).not.toHaveBeenCalled();
    closeLog();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
    expect(willQuit().preventDefault).not.toHaveBeenCalled();
  });

  it('quits anyway when the log cannot be closed (a disk that hangs)', async () => {
    const { app, willQuit } = quittingApp();
    flushLogBeforeQuit(app, { close: () => new Promise<void>(() => undefined) }, 5);
    willQuit();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalledTimes(1));
  });
});

describe('the log when a start fails', () => {
  it('is closed before the failure goes on, and the failure is the same', async () => {
    const steps: string[] = [];
    const close = vi.fn(() => {
      steps.push('closed');
      return Promise.resolve();
    });
    const failure = new Error('no keychain');
    await expect(closeLogIfStartFails({ close }, () => Promise.reject(failure))).rejects.toBe(
      failure,
    );
    expect(steps).toEqual(['closed']);
  });

  it('is given up on when it cannot be closed, so the failure is still explained', async () => {
    const failure = new Error('no keychain');
    const hangs = { close: () => new Promise<void>(() => undefined) };
    await expect(closeLogIfStartFails(hangs, () => Promise.reject(failure), 5)).rejects.toBe(
      failure,
    );
  });

  it('stays open when the start succeeds', async () => {
    const close = vi.fn(() => Promise.resolve());
    await closeLogIfStartFails({ close }, () => Promise.resolve());
    expect(close).not.toHaveBeenCalled();
  });
});
