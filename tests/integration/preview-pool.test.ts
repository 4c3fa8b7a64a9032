import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { previewFolder } from '../../src/core/app/folder-preview';
import { FolderPreviewStream } from '../../src/core/app/folder-preview-stream';
import { PreviewPool } from '../../src/core/app/preview-pool';
import {
  folderPreviewsEventSchema,
  type FolderPreviewsEvent,
  type SequencePreview,
} from '../../src/shared/ipc-contract';
import { makeSequenceFolder } from '../support/make-sequence-folder';

let dir: string;
let mixed: string[];
const pools: PreviewPool[] = [];
const pool = (options: ConstructorParameters<typeof PreviewPool>[0] = {}) => {
  const p = new PreviewPool(options);
  pools.push(p);
  return p;
};
const crashingWorker = new URL('../support/crashing-preview-worker.ts', import.meta.url);

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-pool-'));
  const good = await Promise.all(
    ['Bay paddle', 'Harbour walk', 'Coast ride'].map((name, i) =>
      makeSequenceFolder(dir, { name, track: { points: 50 + i * 10 } }),
    ),
  );
  const plain = await makeSequenceFolder(dir, { name: 'Plain track', plain: true });
  const noGpx = join(dir, 'No track');
  await mkdir(noGpx);
  await writeFile(join(noGpx, 'notes.txt'), 'nothing here');
  const broken = await makeSequenceFolder(dir, { name: 'Broken track' });
  await writeFile(join(broken, 'Broken track.gpx'), '<gpx><trk><trkseg><trkpt lat="1" lon="2"/>');
  const badJson = await makeSequenceFolder(dir, { name: 'Bad json' });
  await writeFile(join(badJson, 'Bad json.json'), '{"sequence": ');
  mixed = [...good, plain, noGpx, broken, badJson, join(dir, 'missing')];
});
afterEach(async () => {
  await Promise.all(pools.splice(0).map((p) => p.close()));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));

describe('the preview worker pool', () => {
  it('answers exactly what the in-process check does, for good and bad folders alike', async () => {
    const p = pool({ size: 2 });
    const inWorkers = await Promise.all(mixed.map((f) => p.preview(f)));
    const inProcess = await Promise.all(mixed.map((f) => previewFolder(f)));
    expect(inWorkers).toEqual(inProcess);
    expect(inWorkers.filter((p) => p.problem).length).toBe(4);
    expect(inWorkers.filter((p) => !p.problem).map((p) => p.name)).toEqual([
      'Bay paddle',
      'Harbour walk',
      'Coast ride',
      'Plain track',
    ]);
  });

  it('survives a worker that dies or throws on one folder: that folder gets a clear problem, the others their previews', async () => {
    const crashes = join(dir, 'crash-me');
    const throws = join(dir, 'throw-me');
    await mkdir(crashes, { recursive: true });
    await mkdir(throws, { recursive: true });
    const p = pool({ size: 1, workerUrl: crashingWorker });
    const previews = await Promise.all(
      [crashes, ...mixed.slice(0, 3), throws, mixed[3]!].map((f) => p.preview(f)),
    );
    expect(previews[0]?.problem).toMatchObject({
      kind: 'invalid-folder',
      message: expect.stringMatching(
        /^Checking "crash-me" stopped the folder checker \(it stopped \(exit code 7\)\)/,
      ),
    });
    expect(previews[4]?.problem?.message).toMatch(
      /^Checking "throw-me" stopped the folder checker \(boom\)/,
    );
    expect(previews.slice(1, 4).map((x) => [x.name, x.problem])).toEqual([
      ['Bay paddle', undefined],
      ['Harbour walk', undefined],
      ['Coast ride', undefined],
    ]);
    expect(previews[5]).toMatchObject({ name: 'Plain track', points: 60 });
  });

  it('starts its workers ahead of the folders when asked, and stops them when idle', async () => {
    const p = pool({ size: 2, idleMs: 300 });
    expect(p.workers).toBe(0);
    p.warm();
    expect(p.workers).toBe(2);
    await vi.waitFor(() => expect(p.workers).toBe(0), { timeout: 5000 });
    expect(await p.preview(mixed[0]!)).toMatchObject({ name: 'Bay paddle' });
  });

  it('gives up on a folder that hangs its worker, and goes on with the rest', async () => {
    const hangs = join(dir, 'hang-me');
    await mkdir(hangs, { recursive: true });
    const p = pool({ size: 1, workerUrl: crashingWorker, timeoutMs: 1500 });
    const [hung, next] = await Promise.all([p.preview(hangs), p.preview(mixed[0]!)]);
    expect(hung?.problem?.message).toMatch(
      /"hang-me" stopped the folder checker \(it took longer than 2 s\)/,
    );
    expect(next).toMatchObject({ name: 'Bay paddle', points: 50 });
  });
});

describe('the folder preview stream', () => {
  /** Every event of one request until its last. */
  const collect = (stream: FolderPreviewStream, requestId: string) =>
    new Promise<FolderPreviewsEvent[]>((resolve) => {
      const events: FolderPreviewsEvent[] = [];
      const stop = stream.subscribe((event) => {
        if (event.requestId !== requestId) return;
        events.push(folderPreviewsEventSchema.parse(event));
        if (event.done) {
          stop();
          resolve(events);
        }
      });
    });

  it('streams previews in batches as they are made, the first alone, with the count still being checked, then a last done event', async () => {
    const many = await mkdtemp(join(dir, 'many-'));
    const folders: string[] = [];
    for (let i = 0; i < 40; i++)
      folders.push(await makeSequenceFolder(many, { name: `seq-${i}`, track: { points: 200 } }));
    const stream = new FolderPreviewStream(pool({ size: 2 }));
    const events = collect(stream, 'request-40');
    stream.start('request-40', [...folders, join(dir, 'missing')]);
    const heard = await events;
    expect(heard.length).toBeGreaterThan(1);
    expect(heard[0]?.previews).toHaveLength(1);
    expect(heard[0]?.remaining).toBeGreaterThan(0);
    const remaining = heard.map((e) => e.remaining);
    expect([...remaining].sort((a, b) => b - a)).toEqual(remaining);
    expect(heard.at(-1)).toMatchObject({ done: true, remaining: 0 });
    expect(heard.filter((e) => e.done)).toHaveLength(1);
    const all = heard.flatMap((e) => e.previews);
    expect(all.map((p) => p.folder).sort()).toEqual([...folders, join(dir, 'missing')].sort());
    expect(all.find((p) => p.name === 'missing')?.problem).toMatchObject({
      kind: 'invalid-folder',
    });
  });

  it('stands a folder of sequences for its subfolders, and checks a folder dropped twice once', async () => {
    const stream = new FolderPreviewStream(pool());
    const events = collect(stream, 'parent-drop');
    stream.start('parent-drop', [dir, mixed[0]!]);
    const previews: SequencePreview[] = (await events).flatMap((e) => e.previews);
    const names = previews.map((p) => p.name);
    expect(names).toContain('Bay paddle');
    expect(names).toContain('No track');
    expect(names.filter((n) => n === 'Bay paddle')).toHaveLength(1);
    expect(names).not.toContain(join(dir).split('/').pop());
  });

  it('refuses a request id that is still running', () => {
    const stream = new FolderPreviewStream(pool());
    stream.start('same-id-1', [mixed[0]!]);
    expect(() => stream.start('same-id-1', [mixed[1]!])).toThrow(/already being checked/);
  });
});
