import { beforeEach, describe, expect, it, vi } from 'vitest';
import { externalLinkOrigins } from '../../src/main/external-links';
import { installWebContentsBackstop } from '../../src/main/web-contents-backstop';
import { createHardenedWindow } from '../../src/main/window-factory';
import { mainWindowOptions } from '../../src/main/window-options';
import {
  FakeBrowserWindow,
  FakeWebContents,
  fakeSession,
  fakeShell,
  resetFakeElectron,
} from './support/fake-electron';
import { fakeMainApp } from './support/fake-main-process';

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectron);

const appUrl = 'app://renderer/index.html';
const externalOrigins = externalLinkOrigins('https://mtp.trekview.org');

/** A webContents Electron made outside the window factory (a bug, a library, devtools). */
function strayContents(): FakeWebContents {
  const contents = new FakeWebContents(fakeSession.defaultSession);
  fakeMainApp.emit('web-contents-created', { preventDefault: () => undefined }, contents);
  return contents;
}

beforeEach(() => {
  resetFakeElectron();
  installWebContentsBackstop(fakeMainApp);
});

describe('the web-contents backstop', () => {
  it('denies window.open, webviews and every navigation to a webContents the factory did not make', () => {
    const contents = strayContents();
    expect(contents.openWindow('https://www.strava.com/')).toEqual({ action: 'deny' });
    expect(contents.navigate('will-navigate', 'https://example.com/').defaultPrevented).toBe(true);
    expect(contents.navigate('will-navigate', appUrl).defaultPrevented).toBe(true);
    expect(contents.navigate('will-redirect', 'https://example.com/').defaultPrevented).toBe(true);
    expect(contents.navigate('will-attach-webview', 'https://example.com/').defaultPrevented).toBe(
      true,
    );
    expect(fakeShell.openExternal).not.toHaveBeenCalled();
  });

  it('leaves a factory window to its own policy, even though Electron announces it before the factory has it', () => {
    createHardenedWindow(mainWindowOptions('/p'), { role: 'main', appUrl, externalOrigins });
    const contents = FakeBrowserWindow.last().webContents;
    expect(contents.navigate('will-navigate', `${appUrl}#/queue`).defaultPrevented).toBe(false);
    expect(contents.navigate('will-navigate', 'https://example.com/').defaultPrevented).toBe(true);
    // The factory's window-open handler replaced the backstop's: allowed links still go out.
    expect(contents.openWindow('https://www.strava.com/athlete')).toEqual({ action: 'deny' });
    expect(fakeShell.openExternal).toHaveBeenCalledWith('https://www.strava.com/athlete');
  });
});
