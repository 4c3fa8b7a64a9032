import { mkdir, mkdtemp, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { registerAppScheme, serveRenderer } from '../../src/main/app-protocol';
import { contentSecurityPolicy } from '../../src/main/content-security-policy';
import { isInside, resolveRendererFile } from '../../src/main/renderer-file-path';
import { fakeMainApp, fakeProtocol } from './support/fake-main-process';
import { resetFakeElectron } from './support/fake-electron';

vi.mock('electron', async () => (await import('./support/fake-electron')).fakeElectron);

const root = '/opt/MTP/resources/app.asar/out/renderer';

describe('resolving an app:// request to a file of the renderer', () => {
  it.each([
    ['app://renderer/index.html', 'index.html'],
    ['app://renderer/', 'index.html'],
    ['app://renderer', 'index.html'],
    ['app://renderer/assets/index-abc.js?v=1#x', 'assets/index-abc.js'],
    ['app://renderer/assets/my%20font.woff2', 'assets/my font.woff2'],
    // The URL parser folds these before we see them: they stay inside.
    ['app://renderer/../../etc/passwd', 'etc/passwd'],
    ['app://renderer/%2e%2e/%2e%2e/etc/passwd', 'etc/passwd'],
    ['app://renderer/assets/.%2E/index.html', 'index.html'],
  ])('%s is %s in the folder', (url, file) => {
    expect(resolveRendererFile(url, root)).toEqual({ ok: true, path: join(root, file) });
  });

  it.each([
    ['an encoded slash climbing out', 'app://renderer/..%2f..%2fetc%2fpasswd'],
    ['an encoded .. and slash', 'app://renderer/%2e%2e%2f%2e%2e%2fetc/passwd'],
    ['an encoded backslash', 'app://renderer/..%5c..%5cetc%5cpasswd'],
    ['a raw backslash', 'app://renderer/assets\\..\\..\\x'],
    ['an encoded NUL', 'app://renderer/index.html%00.png'],
    ['a drive letter', 'app://renderer/C:%5cWindows%5cwin.ini'],
    ['a broken escape', 'app://renderer/%E0%A4%A'],
    ['another host', 'app://evil/index.html'],
    ['a user:password part', 'app://x:y@renderer/index.html'],
    ['a port', 'app://renderer:8080/index.html'],
    ['another scheme', 'file:///etc/passwd'],
    ['not a URL', 'not a url'],
  ])('refuses %s', (_name, url) => {
    expect(resolveRendererFile(url, root)).toEqual({ ok: false, status: 400 });
  });

  it('knows inside from outside', () => {
    expect(isInside(root, join(root, 'a/b'))).toBe(true);
    expect(isInside(root, root)).toBe(true);
    expect(isInside(root, `${root}-evil/x`)).toBe(false);
    expect(isInside(root, join(root, '..', 'x'))).toBe(false);
  });
});

describe('the app:// scheme through the fake Electron', () => {
  let dir: string;
  let rendererDir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'mtp-app-scheme-'));
    rendererDir = join(dir, 'renderer');
    await mkdir(join(rendererDir, 'assets'), { recursive: true });
    await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>app</title>');
    await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
    await writeFile(join(dir, 'secret.txt'), 'outside the renderer');
    await symlink(join(dir, 'secret.txt'), join(rendererDir, 'assets', 'leak.txt'));
  });
  afterAll(() => rm(dir, { recursive: true, force: true }));
  beforeEach(() => {
    resetFakeElectron();
    serveRenderer(fakeProtocol, rendererDir);
  });

  it('is registered standard and secure, and only before ready', () => {
    registerAppScheme(fakeProtocol);
    expect(fakeProtocol.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true } },
    ]);
    fakeMainApp.ready();
    expect(() => registerAppScheme(fakeProtocol)).toThrow(/after ready/);
  });

  it('serves the page with its CSP header, and scripts with their type', async () => {
    const page = await fakeProtocol.fetch('app://renderer/index.html');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(await page.text()).toContain('<title>app</title>');
    const script = await fakeProtocol.fetch('app://renderer/assets/app.js');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(script.headers.get('content-security-policy')).toBeNull();
  });

  it.each([
    ['an encoded traversal', 'app://renderer/..%2fsecret.txt', 400],
    ['an encoded traversal from a subfolder', 'app://renderer/assets/..%2f..%2fsecret.txt', 400],
    ['a symlink leading out', 'app://renderer/assets/leak.txt', 404],
    ['a missing file', 'app://renderer/nothing.js', 404],
    ['a folder', 'app://renderer/assets', 404],
  ])('refuses %s', async (_name, url, status) => {
    const response = await fakeProtocol.fetch(url);
    expect(response.status).toBe(status);
    expect(await response.text()).not.toContain('outside the renderer');
  });

  it('answers only GET and HEAD', async () => {
    expect((await fakeProtocol.fetch('app://renderer/index.html', 'POST')).status).toBe(405);
    const head = await fakeProtocol.fetch('app://renderer/index.html', 'HEAD');
    expect(head.status).toBe(200);
    expect(await head.text()).toBe('');
  });
});
