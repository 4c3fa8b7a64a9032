import { EventEmitter } from 'node:events';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ipcContract, type IpcEvent } from '../../src/shared/ipc-contract';

type Handler = (
  event: { senderFrame: { url: string; parent: unknown } | null },
  request: unknown,
) => Promise<unknown>;
const handlers = new Map<string, Handler>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
  },
}));

const { registerIpcHandlers, forwardAppEvents } = await import('../../src/main/ipc-registry');
const { isTrustedSender } = await import('../../src/main/trusted-sender');

const appUrl = 'app://renderer/index.html';
const fromApp = { senderFrame: { url: appUrl, parent: null } };

const snapshot = { seq: 0, items: [] };

describe('IPC registration', () => {
  const calls: Array<[string, unknown]> = [];
  let answer: unknown = snapshot;
  const app = {
    handle: (channel: string, request: unknown) => {
      calls.push([channel, request]);
      return Promise.resolve({ ok: true as const, value: answer });
    },
    onEvent: (listener: (event: IpcEvent) => void) => {
      emitter.on('e', listener);
      return () => emitter.off('e', listener);
    },
  };
  const emitter = new EventEmitter();

  beforeEach(() => {
    handlers.clear();
    calls.length = 0;
    answer = snapshot;
  });

  it('registers exactly the channels of the contract, and removes them', () => {
    const remove = registerIpcHandlers(app, () => appUrl);
    expect([...handlers.keys()].sort()).toEqual(Object.keys(ipcContract).sort());
    remove();
    expect(handlers.size).toBe(0);
  });

  it('passes calls from the app page to the app, which validates them', async () => {
    registerIpcHandlers(app, () => appUrl);
    expect(await handlers.get('queue:get')?.(fromApp, {})).toEqual({ ok: true, value: snapshot });
    expect(calls).toEqual([['queue:get', {}]]);
  });

  it('strips a field no response schema names, such as a token, before the answer leaves', async () => {
    registerIpcHandlers(app, () => appUrl);
    answer = {
      strava: { connected: true, scopes: ['read'], accessToken: 'tok-strava' },
      mtpw: { connected: true, refreshToken: 'tok-mtpw' },
      stravaAppConfigured: true,
      accessToken: 'tok-top',
    };
    const sent = await handlers.get('accounts:get')?.(fromApp, {});
    expect(sent).toEqual({
      ok: true,
      value: {
        strava: { connected: true, scopes: ['read'] },
        mtpw: { connected: true },
        stravaAppConfigured: true,
      },
    });
    expect(JSON.stringify(sent)).not.toContain('tok-');
  });

  it('refuses an answer that does not fit its schema, and says why to the log only', async () => {
    const why: string[] = [];
    registerIpcHandlers(
      app,
      () => appUrl,
      (line) => why.push(line),
    );
    answer = 'answer';
    expect(await handlers.get('queue:get')?.(fromApp, {})).toEqual({
      ok: false,
      error: { kind: 'internal', message: 'Something unexpected went wrong.', retryable: false },
    });
    expect(why).toHaveLength(1);
    expect(why[0]).toContain('queue:get');
  });

  it("drops an error's detail and unknown fields on the way out", async () => {
    const erring = {
      ...app,
      handle: () =>
        Promise.resolve({
          ok: false as const,
          error: {
            kind: 'auth' as const,
            message: 'Sign in again.',
            retryable: false,
            detail: '/home/x',
            token: 't',
          },
        }),
    };
    registerIpcHandlers(erring, () => appUrl);
    expect(await handlers.get('accounts:get')?.(fromApp, {})).toEqual({
      ok: false,
      error: { kind: 'auth', message: 'Sign in again.', retryable: false },
    });
  });

  it.each([
    ['another origin', { url: 'https://evil.example/index.html', parent: null }],
    [
      'a file: page, even the built renderer',
      { url: 'file:///opt/MTP/out/renderer/index.html', parent: null },
    ],
    ['another app: host', { url: 'app://evil/index.html', parent: null }],
    [
      'the app page with a user:password part',
      { url: 'app://x:y@renderer/index.html', parent: null },
    ],
    ['an iframe of the app page', { url: appUrl, parent: {} }],
    ['a sign-in window', { url: 'https://www.strava.com/oauth/authorize?x=1', parent: null }],
    ['no frame at all', null],
  ])('refuses a call from %s without reaching the app', async (_name, frame) => {
    registerIpcHandlers(app, () => appUrl);
    expect(
      await handlers.get('queue:add')?.(
        { senderFrame: frame },
        { paths: ['/'], createMtpw: false },
      ),
    ).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(calls).toEqual([]);
  });

  it('accepts the dev server page by origin only', () => {
    expect(
      isTrustedSender(
        { url: 'http://localhost:5173/index.html', parent: null },
        'http://localhost:5173/',
      ),
    ).toBe(true);
    expect(
      isTrustedSender({ url: 'http://localhost:5174/', parent: null }, 'http://localhost:5173/'),
    ).toBe(false);
    expect(isTrustedSender({ url: 'not a url', parent: null }, appUrl)).toBe(false);
  });

  it('trusts the app:// origin, and a file: page never, even as the configured page', () => {
    expect(isTrustedSender({ url: 'app://renderer/index.html#/queue', parent: null }, appUrl)).toBe(
      true,
    );
    const filePage = 'file:///opt/MTP/out/renderer/index.html';
    expect(isTrustedSender({ url: filePage, parent: null }, filePage)).toBe(false);
  });

  it('pushes each app event to the app window on its own channel, not to a destroyed one', () => {
    const sent: Array<[string, unknown]> = [];
    let destroyed = false;
    const contents = {
      isDestroyed: () => destroyed,
      send: (channel: string, data: unknown) => sent.push([channel, data]),
    };
    forwardAppEvents(app, () => contents as never);
    const delta = { seq: 1, changed: [], removed: [] };
    const previews = { requestId: 'abcdefgh', previews: [], remaining: 0, done: true };
    emitter.emit('e', { name: 'queue:changed', payload: delta });
    emitter.emit('e', { name: 'folders:previewed', payload: previews });
    // Nothing but the contract's events leaves main, whatever the app hands over.
    emitter.emit('e', { name: 'accounts:get', payload: { secret: 'x' } });
    destroyed = true;
    emitter.emit('e', { name: 'queue:changed', payload: delta });
    expect(sent).toEqual([
      ['queue:changed', delta],
      ['folders:previewed', previews],
    ]);
  });
});
