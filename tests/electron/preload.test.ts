import { describe, expect, it, vi } from 'vitest';
import { dropGrantChannel } from '../../src/shared/drop-grant';
import { ipcContract, ipcEvents, type MtpApi } from '../../src/shared/ipc-contract';

const exposed = new Map<string, unknown>();
const listeners = new Map<string, Set<(event: unknown, payload: unknown) => void>>();
const invoked: Array<[string, unknown]> = [];

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => exposed.set(key, api) },
  ipcRenderer: {
    invoke: (channel: string, request: unknown) => {
      invoked.push([channel, request]);
      return Promise.resolve({ ok: true, value: null });
    },
    on: (channel: string, handler: (event: unknown, payload: unknown) => void) => {
      if (!listeners.has(channel)) listeners.set(channel, new Set());
      listeners.get(channel)?.add(handler);
    },
    removeListener: (channel: string, handler: (event: unknown, payload: unknown) => void) =>
      listeners.get(channel)?.delete(handler),
  },
  webUtils: {
    // A File the user dropped has a path; one made by script has none; a non-File throws.
    getPathForFile: (file: { dropped?: string }) => {
      if (typeof file !== 'object' || file === null) throw new TypeError('not a File');
      return file.dropped ?? '';
    },
  },
}));

await import('../../src/preload/preload');
const mtp = exposed.get('mtp') as MtpApi;

describe('the preload', () => {
  it('grants a drop on its own channel, with only the paths Electron found for the Files', async () => {
    invoked.length = 0;
    const files = [{ dropped: '/home/u/Harbour walk' }, { name: 'made by script' }, 'a string'];
    await mtp.grantDropped?.(files as unknown as File[]);
    expect(invoked).toEqual([[dropGrantChannel, { paths: ['/home/u/Harbour walk'] }]]);
    // Nothing really dropped: main is not asked at all.
    invoked.length = 0;
    expect(await mtp.grantDropped?.([{ name: 'forged' }] as unknown as File[])).toEqual({
      ok: true,
      value: { paths: [] },
    });
    expect(invoked).toEqual([]);
    // The grant channel is no function of the contract's loop.
    expect(Object.keys(ipcContract)).not.toContain(dropGrantChannel);
    expect((mtp as unknown as Record<string, unknown>)[dropGrantChannel]).toBeUndefined();
  });

  it('exposes one function per channel of the contract, each invoking only its own channel', async () => {
    for (const channel of Object.keys(ipcContract))
      expect(typeof mtp[channel as 'queue:get']).toBe('function');
    invoked.length = 0;
    await mtp['queue:get']({});
    expect(invoked).toEqual([['queue:get', {}]]);
  });

  it('lets the page listen to the contract’s pushed events only, and stop listening', () => {
    const heard: unknown[] = [];
    const stop = mtp.on('queue:changed', (payload) => heard.push(payload));
    for (const handler of listeners.get('queue:changed') ?? [])
      handler({ sender: 'x' }, { seq: 1 });
    stop();
    expect(listeners.get('queue:changed')?.size).toBe(0);
    // The Electron event object never reaches the page, only the payload.
    expect(heard).toEqual([{ seq: 1 }]);
    expect(Object.keys(ipcEvents).sort()).toEqual([
      'app:navigate',
      'folders:previewed',
      'queue:changed',
      'update:ready',
      'watch:changed',
    ]);
    for (const name of ['accounts:get', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'toString'])
      expect(() => mtp.on(name as 'queue:changed', () => undefined)).toThrow(/Unknown event/);
    expect([...listeners.keys()]).toEqual(['queue:changed']);
  });
});
