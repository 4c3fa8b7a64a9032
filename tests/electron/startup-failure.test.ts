import { describe, expect, it, vi } from 'vitest';
import { UploadError } from '../../src/core/errors/upload-error';
import { startOrExplain } from '../../src/main/startup-failure';
import { fakeDialog, fakeMainApp, resetFakeMainProcess } from './support/fake-main-process';

function host() {
  resetFakeMainProcess();
  const lines: string[] = [];
  return {
    lines,
    host: {
      app: fakeMainApp,
      dialog: fakeDialog,
      logPath: '/home/u/.config/MTP/logs/app.log',
      log: (l: string) => lines.push(l),
    },
  };
}

describe('a start that fails', () => {
  it('shows the typed error in a native dialog, logs the stack, releases the lock and exits', async () => {
    const { lines, host: h } = host();
    const error = new UploadError({
      kind: 'config',
      message: 'These settings are not valid: STRAVA_CLIENT_ID. Check your .env file.',
      retryable: false,
      detail: 'STRAVA_CLIENT_ID: a Strava Client ID is a number',
    });
    await startOrExplain(() => Promise.reject(error), h);
    expect(fakeDialog.showErrorBox).toHaveBeenCalledWith(
      'MTP Strava Uploader could not start',
      error.message,
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('a Strava Client ID is a number');
    expect(lines[0]).toContain('UploadError');
    expect(fakeMainApp.releaseSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(fakeMainApp.exit).toHaveBeenCalledWith(1);
  });

  it('says something human for a bug, and keeps the stack out of the dialog', async () => {
    const { lines, host: h } = host();
    await startOrExplain(
      () => Promise.reject(new TypeError("Cannot read properties of undefined (reading 'x')")),
      h,
    );
    const [, content] = fakeDialog.showErrorBox.mock.calls[0] ?? [];
    expect(content).toMatch(/Something unexpected went wrong.*\/logs\/app\.log$/);
    expect(content).not.toMatch(/TypeError|at .*:\d+/);
    expect(lines[0]).toMatch(/TypeError/);
    expect(fakeMainApp.exit).toHaveBeenCalledWith(1);
  });

  it('still shows the dialog and quits when the log cannot be written', async () => {
    resetFakeMainProcess();
    const h = {
      app: fakeMainApp,
      dialog: fakeDialog,
      logPath: '/ro/logs/app.log',
      log: () => {
        throw new Error('EROFS');
      },
    };
    await startOrExplain(() => Promise.reject(new Error('boom')), h);
    expect(fakeDialog.showErrorBox).toHaveBeenCalledTimes(1);
    expect(fakeMainApp.exit).toHaveBeenCalledWith(1);
  });

  it('does nothing of the sort when the start succeeds', async () => {
    const { lines, host: h } = host();
    const start = vi.fn(() => Promise.resolve());
    await startOrExplain(start, h);
    expect(start).toHaveBeenCalledTimes(1);
    expect(lines).toEqual([]);
    expect(fakeDialog.showErrorBox).not.toHaveBeenCalled();
    expect(fakeMainApp.exit).not.toHaveBeenCalled();
  });
});
