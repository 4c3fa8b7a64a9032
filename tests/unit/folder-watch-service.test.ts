import { mkdir, mkdtemp, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  FolderWatchService,
  type FolderWatchDeps,
  type WatchStatus,
} from '../../src/core/app/folder-watch-service';
import { makeSequenceFolder } from '../support/make-sequence-folder';

let work: string | undefined;
let service: FolderWatchService | undefined;
afterEach(async () => {
  await service?.close();
  service = undefined;
  if (work) await rm(work, { recursive: true, force: true });
  work = undefined;
});

/** A watch over a fresh folder with short times; `queued` is every folder handed to the queue. */
async function start(
  known: (folder: string) => boolean = () => false,
  more: Partial<FolderWatchDeps> = {},
  before?: (root: string) => Promise<unknown>,
) {
  work = await mkdtemp(join(tmpdir(), 'mtp-watch-'));
  const root = join(work, 'sequences');
  await mkdir(root);
  await before?.(root);
  const queued: string[] = [];
  const notices: WatchStatus[] = [];
  service = new FolderWatchService({
    queue: (folders) => queued.push(...folders),
    known,
    stableMs: 300,
    checkMs: 50,
    ...more,
  });
  service.subscribe((status) => notices.push(status));
  await service.setFolder(root);
  return { root, queued, notices, service };
}

/** File events that never report a change, as when they are lost: only the watch's own listings find folders. */
const silentEvents = () => ({ ready: Promise.resolve(), close: () => Promise.resolve() });

const waitFor = <T>(check: () => T) => vi.waitFor(check, { timeout: 10_000, interval: 50 });

describe('the folder watch', () => {
  it('queues a folder once its JSON and GPX both exist and hold still, and only once', async () => {
    const { root, queued, service } = await start();
    const folder = join(root, 'Harbour walk');
    await mkdir(folder);
    await writeFile(join(folder, 'Harbour walk.json'), '{"sequence":');
    // Only the JSON so far: nothing is queued, however long it waits.
    await new Promise((r) => setTimeout(r, 600));
    expect(queued).toEqual([]);
    await rm(folder, { recursive: true });
    await makeSequenceFolder(root, { name: 'Harbour walk' });
    await waitFor(() => expect(queued).toEqual([folder]));
    // A later change to a queued folder is not a new sequence.
    const gpx = join(folder, 'Harbour walk.gpx');
    await writeFile(gpx, `${await readFile(gpx, 'utf8')}\n`);
    await makeSequenceFolder(root, { name: 'Coast ride' });
    await waitFor(() => expect(queued).toHaveLength(2));
    expect(queued).toEqual([folder, join(root, 'Coast ride')]);
    expect(service.status().queued.map((q) => q.folder)).toEqual(queued);
  });

  it('skips folders already on Strava and folders the journal knows', async () => {
    const { root, queued } = await start((folder) => folder.endsWith('Known walk'));
    const done = await makeSequenceFolder(root, { name: 'Done walk' });
    await writeFile(
      join(done, 'upload_strava.json'),
      JSON.stringify({ sequence: 'Done walk', status: 'TRUE' }),
    );
    await makeSequenceFolder(root, { name: 'Known walk' });
    await makeSequenceFolder(root, { name: 'New walk' });
    await waitFor(() => expect(queued).toEqual([join(root, 'New walk')]));
  });

  it('says so when the folder disappears, resumes when it is back, and keeps what it queued', async () => {
    const { root, queued, notices, service } = await start();
    await makeSequenceFolder(root, { name: 'First walk' });
    await waitFor(() => expect(queued).toHaveLength(1));
    const away = `${root}-away`;
    await rename(root, away);
    await waitFor(() => expect(service.status().state).toBe('unavailable'));
    expect(service.status().notice).toMatch(/is not there.*resumes when it is back/);
    await makeSequenceFolder(away, { name: 'Second walk' });
    await rename(away, root);
    await waitFor(() => expect(queued).toHaveLength(2));
    expect(queued).toEqual([join(root, 'First walk'), join(root, 'Second walk')]);
    expect(service.status()).toMatchObject({
      state: 'watching',
      notice: expect.stringMatching(/back/),
    });
    expect(service.status().queued).toHaveLength(2);
    expect(notices.some((n) => n.state === 'unavailable')).toBe(true);
  });

  it('stops when the folder is set to none', async () => {
    const { root, queued, service } = await start();
    await service.setFolder(undefined);
    expect(service.status()).toEqual({ state: 'off', queued: [] });
    await makeSequenceFolder(root, { name: 'Late walk' });
    await new Promise((r) => setTimeout(r, 600));
    expect(queued).toEqual([]);
  });

  it('finds a folder made while the file events were starting (chokidar lists, then watches)', async () => {
    const { root, queued } = await start(
      () => false,
      { events: silentEvents },
      (dir) => makeSequenceFolder(dir, { name: 'Early walk' }),
    );
    await waitFor(() => expect(queued).toEqual([join(root, 'Early walk')]));
  });

  it('lists the folder as soon as it starts, whatever the clock says', async () => {
    let t = 0;
    const now = () => (t += 100);
    const { root, queued } = await start(
      () => false,
      { events: silentEvents, now },
      (dir) => makeSequenceFolder(dir, { name: 'Dawn walk' }),
    );
    await waitFor(() => expect(queued).toEqual([join(root, 'Dawn walk')]));
  });

  it('lists the folder again now and then, for folders whose file events were lost', async () => {
    const { root, queued } = await start(() => false, { events: silentEvents, rescanMs: 200 });
    await makeSequenceFolder(root, { name: 'Missed walk' });
    await waitFor(() => expect(queued).toEqual([join(root, 'Missed walk')]));
  });
});
