import type { BrowserWindow } from 'electron';
import { describe, expect, it } from 'vitest';
import {
  authWindowOptions,
  isEphemeralPartition,
  mainWindowOptions,
  newAuthPartition,
} from '../../src/main/window-options';
import { assertHardenedOptions } from '../../src/main/window-security-check';

const parent = { id: 1 } as unknown as BrowserWindow;

const isolation = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  spellcheck: false,
  navigateOnDragDrop: false,
};

describe('the main window', () => {
  const options = mainWindowOptions('/app/out/preload/index.cjs');

  it('is isolated: sandbox, context isolation, no Node, web security, no webview', () => {
    expect(options.webPreferences).toMatchObject(isolation);
    expect(options.webPreferences?.preload).toBe('/app/out/preload/index.cjs');
  });

  it('uses the default session (no partition) and its size', () => {
    expect(options.webPreferences?.partition).toBeUndefined();
    expect(options).toMatchObject({
      width: 1100,
      height: 760,
      minWidth: 800,
      minHeight: 600,
      show: false,
    });
  });

  it('paints the theme colour before the page loads', () => {
    expect(mainWindowOptions('/p', 'dark').backgroundColor).toBe('#1e1e1e');
    expect(mainWindowOptions('/p', 'light').backgroundColor).toBe('#ffffff');
  });

  it('passes the factory check', () => {
    expect(() => assertHardenedOptions(options, 'main')).not.toThrow();
  });
});

describe('the sign-in window', () => {
  const partition = newAuthPartition();
  const options = authWindowOptions(parent, partition);

  it('is isolated like the main window and has no preload at all', () => {
    expect(options.webPreferences).toMatchObject(isolation);
    expect(options.webPreferences).not.toHaveProperty('preload');
  });

  it('lives in its own in-memory partition, fresh for every sign-in', () => {
    expect(options.webPreferences?.partition).toBe(partition);
    expect(partition).toMatch(/^auth-[0-9a-f-]{36}$/);
    expect(partition.startsWith('persist:')).toBe(false);
    expect(newAuthPartition()).not.toBe(partition);
  });

  it('is a child of the main window that can be closed by hand', () => {
    expect(options.parent).toBe(parent);
    expect(options.modal).toBe(false);
    expect(options.show).toBe(true);
    expect(options).toMatchObject({ width: 520, height: 720 });
    expect(authWindowOptions(undefined, partition)).not.toHaveProperty('parent');
  });

  it('refuses a persistent or default partition', () => {
    expect(() => authWindowOptions(parent, 'persist:auth')).toThrow(/in-memory partition/);
    expect(() => authWindowOptions(parent, '')).toThrow(/in-memory partition/);
    expect(isEphemeralPartition('auth-1')).toBe(true);
    expect(isEphemeralPartition('persist:auth-1')).toBe(false);
  });

  it('passes the factory check', () => {
    expect(() => assertHardenedOptions(options, 'auth')).not.toThrow();
  });
});

describe('the factory check refuses weakened options', () => {
  const main = mainWindowOptions('/p');
  const auth = authWindowOptions(undefined, 'auth-x');

  it.each([
    ['contextIsolation off', { contextIsolation: false }, /contextIsolation/],
    ['sandbox off', { sandbox: false }, /sandbox/],
    ['sandbox left unset', { sandbox: undefined }, /sandbox/],
    ['Node on', { nodeIntegration: true }, /nodeIntegration must be false/],
    ['Node in workers', { nodeIntegrationInWorker: true }, /nodeIntegrationInWorker/],
    ['Node in subframes', { nodeIntegrationInSubFrames: true }, /nodeIntegrationInSubFrames/],
    ['web security off', { webSecurity: false }, /webSecurity/],
    ['webview on', { webviewTag: true }, /webviewTag/],
    ['insecure content', { allowRunningInsecureContent: true }, /insecure content/],
    ['experimental features', { experimentalFeatures: true }, /experimentalFeatures/],
    ['Blink features', { enableBlinkFeatures: 'CSSVariables' }, /enableBlinkFeatures/],
  ])('%s', (_name, change, message) => {
    const options = { ...main, webPreferences: { ...main.webPreferences, ...change } };
    expect(() => assertHardenedOptions(options, 'main')).toThrow(message);
  });

  it('a sign-in window with a preload or a persistent partition', () => {
    const withPreload = { ...auth, webPreferences: { ...auth.webPreferences, preload: '/p' } };
    expect(() => assertHardenedOptions(withPreload, 'auth')).toThrow(/no preload/);
    const persistent = {
      ...auth,
      webPreferences: { ...auth.webPreferences, partition: 'persist:x' },
    };
    expect(() => assertHardenedOptions(persistent, 'auth')).toThrow(/in-memory partition/);
    const shared = { ...auth, webPreferences: { ...auth.webPreferences, partition: undefined } };
    expect(() => assertHardenedOptions(shared, 'auth')).toThrow(/in-memory partition/);
  });

  it('no options at all', () => {
    expect(() => assertHardenedOptions({}, 'main')).toThrow(/Refusing to open a main window/);
  });
});
