import { mkdir, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { dropGrantChannel } from '../../src/shared/drop-grant';
import type { IpcEvent, QueueSnapshot } from '../../src/shared/ipc-contract';
import { startAppHarness, type AppHarness } from '../support/app-harness';
import { makeSequenceFolder } from '../support/make-sequence-folder';

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

const { registerDropGrant, registerIpcHandlers } = await import('../../src/main/ipc-registry');

const appUrl = 'app://renderer/index.html';
const fromApp = { senderFrame: { url: appUrl, parent: null } };

let h: AppHarness | undefined;
afterEach(async () => {
  handlers.clear();
  await h?.close();
  h = undefined;
});

/** The real core over the simulator behind main's registry, with nothing granted yet. */
async function start() {
  const harness = await startAppHarness({ grantDir: false });
  h = harness;
  registerIpcHandlers(harness.app, () => appUrl);
  registerDropGrant(harness.app, () => appUrl);
  const events: IpcEvent[] = [];
  harness.app.onEvent((event) => events.push(event));
  const call = (channel: string, request: unknown, sender: object = fromApp) => {
    const handler = handlers.get(channel);
    if (!handler) throw new Error(`no handler for ${channel}`);
    return handler(sender as never, request);
  };
  const folders = join(harness.dir, 'user');
  await mkdir(folders);
  // Somewhere the user never chose, holding a sequence a forged request might aim at.
  const secret = await makeSequenceFolder(join(harness.dir, 'elsewhere'), {
    name: 'Private ride',
    track: { points: 20 },
  });
  return { harness, call, events, folders, secret };
}

/** Resolves with the previews of one request once its last event came. */
const previewsOf = (harness: AppHarness, requestId: string) =>
  new Promise<string[]>((resolve) => {
    const names: string[] = [];
    const stop = harness.app.onEvent((event) => {
      if (event.name !== 'folders:previewed' || event.payload.requestId !== requestId) return;
      names.push(...event.payload.previews.map((p) => p.name));
      if (event.payload.done) {
        stop();
        resolve(names);
      }
    });
  });

const refused = { ok: false, error: { kind: 'invalid-input', retryable: false } };

describe('paths over IPC: only what the user granted', () => {
  it('refuses a forged path to folders:inspect and queue:add, and reads or writes nothing there', async () => {
    const { harness, call, events, secret, folders } = await start();
    const before = await readdir(secret);
    const forged = [secret, join(folders, '..', 'elsewhere'), '/etc'];
    for (const path of forged) {
      const inspect = await call('folders:inspect', { requestId: 'forged-01', paths: [path] });
      expect(inspect).toMatchObject(refused);
      expect(JSON.stringify(inspect)).toMatch(/only open folders you chose or dropped/);
      expect(JSON.stringify(inspect)).not.toContain(harness.dir);
      expect(await call('queue:add', { paths: [path], createMtpw: false })).toMatchObject(refused);
    }
    // A granted folder does not carry a forged one in with it.
    harness.chosen.push(folders);
    await call('folders:choose', {});
    expect(await call('queue:add', { paths: [folders, secret], createMtpw: false })).toMatchObject(
      refused,
    );

    const queue = (await call('queue:get', {})) as { ok: true; value: QueueSnapshot };
    expect(queue.value.items).toEqual([]);
    expect(events.filter((e) => e.name === 'folders:previewed')).toEqual([]);
    expect(await readdir(secret)).toEqual(before);
  });

  it('takes a folder chosen in the dialog, and the sequences inside it', async () => {
    const { harness, call, folders } = await start();
    const walk = await makeSequenceFolder(folders, { name: 'Harbour walk', track: { points: 20 } });
    await makeSequenceFolder(folders, { name: 'Coast ride', track: { points: 20 } });
    harness.chosen.push(folders);
    expect(await call('folders:choose', {})).toEqual({ ok: true, value: { paths: [folders] } });
    // The chosen parent holds sequences: its children are checked, then one is queued by its own path.
    const previews = previewsOf(harness, 'chosen-01');
    expect(await call('folders:inspect', { requestId: 'chosen-01', paths: [folders] })).toEqual({
      ok: true,
      value: { requestId: 'chosen-01' },
    });
    expect((await previews).sort()).toEqual(['Coast ride', 'Harbour walk']);
    expect(await call('queue:add', { paths: [walk], createMtpw: false })).toMatchObject({
      ok: true,
    });
    const queue = (await call('queue:get', {})) as { ok: true; value: QueueSnapshot };
    expect(queue.value.items.map((i) => i.folder)).toEqual([walk]);
  });

  it('takes a dropped folder granted through the preload’s channel, from the app page only', async () => {
    const { harness, call, folders } = await start();
    const dropped = await makeSequenceFolder(folders, {
      name: 'Bay paddle',
      track: { points: 20 },
    });
    const stranger = { senderFrame: { url: 'https://evil.example/', parent: null } };
    expect(await call(dropGrantChannel, { paths: [dropped] }, stranger)).toMatchObject(refused);
    expect(await call('queue:add', { paths: [dropped], createMtpw: false })).toMatchObject(refused);
    // The channel is the preload's, not the contract's: the generic entry point does not know it.
    expect(await harness.app.handle(dropGrantChannel, { paths: [dropped] })).toMatchObject({
      ok: false,
      error: { message: 'Unknown request.' },
    });
    expect(await call(dropGrantChannel, { paths: 'not a list' })).toMatchObject(refused);

    expect(await call(dropGrantChannel, { paths: [dropped] })).toEqual({
      ok: true,
      value: { paths: [dropped] },
    });
    const previews = previewsOf(harness, 'dropped-1');
    await call('folders:inspect', { requestId: 'dropped-1', paths: [dropped] });
    expect(await previews).toEqual(['Bay paddle']);
    expect(await call('queue:add', { paths: [dropped], createMtpw: false })).toMatchObject({
      ok: true,
    });
  });
});
