import { describe, expect, it, vi } from 'vitest';
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
  webUtils: { getPathForFile: () => '/dropped' },
}));

await import('../../src/preload/preload');
const mtp = exposed.get('mtp') as MtpApi;

describe('the preload', () => {
  it('exposes one function per channel of the contract, each invoking only its own channel', async () => {
    for (const channel of Object.keys(ipcContract))
      expect(typeof mtp[channel as 'queue:get']).toBe('function');
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
    expect(Object.keys(ipcEvents).sort()).toEqual(['folders:previewed', 'queue:changed']);
    for (const name of ['accounts:get', 'ELECTRON_BROWSER_REQUIRE', '__proto__', 'toString'])
      expect(() => mtp.on(name as 'queue:changed', () => undefined)).toThrow(/Unknown event/);
    expect([...listeners.keys()]).toEqual(['queue:changed']);
  });
});
