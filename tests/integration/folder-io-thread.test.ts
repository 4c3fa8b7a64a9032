import { readFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UploadError } from '../../src/core/errors/upload-error';
import { localFolderIo } from '../../src/core/folder-io/folder-io';
import { FolderIoThread } from '../../src/core/folder-io/folder-io-thread';
import { makeSequenceFolder } from '../support/make-sequence-folder';

let dir: string;
const threads: FolderIoThread[] = [];
const thread = (options: ConstructorParameters<typeof FolderIoThread>[0] = {}) => {
  const io = new FolderIoThread(options);
  threads.push(io);
  return io;
};
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-folder-io-'));
});
afterEach(async () => {
  for (const io of threads.splice(0)) await io.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the folder worker thread', () => {
  it('reads and checks a folder as the calling thread would', async () => {
    const folder = await makeSequenceFolder(dir, { name: 'Threaded', track: { points: 40 } });
    const io = thread();
    expect(await io.readAndCheck(folder)).toEqual(await localFolderIo.readAndCheck(folder));
    expect(await io.readFolder(folder)).toEqual(await localFolderIo.readFolder(folder));
  }, 60_000);

  it('gives the UploadError of a bad folder with its kind and words', async () => {
    const io = thread();
    const missing = join(dir, 'not-there');
    const local = await localFolderIo.readFolder(missing).catch((e: unknown) => e);
    const threaded = await io.readFolder(missing).catch((e: unknown) => e);
    expect(threaded).toBeInstanceOf(UploadError);
    expect((threaded as UploadError).toJSON()).toEqual((local as UploadError).toJSON());
  }, 60_000);

  it('compresses a track into memory and writes the markers in the folder', async () => {
    const folder = await makeSequenceFolder(dir, { name: 'Marked', track: { points: 40 } });
    const io = thread();
    const info = await io.readFolder(folder);
    const track = await io.gzipTrack(info.gpxPath, join(dir, 'copy.gz'), 4 << 20);
    expect(Buffer.isBuffer(track.inMemory)).toBe(true);
    expect(track.inMemory?.subarray(0, 2)).toEqual(Buffer.from([0x1f, 0x8b]));
    // Handed over in a buffer of its own size, not inside zlib's 16 KB output chunk.
    expect(track.inMemory?.buffer.byteLength).toBe(track.bytes);
    await io.markSent(info, { uploadId: '11', activityId: '22' });
    const marker = JSON.parse(await readFile(join(folder, 'upload_strava.json'), 'utf8')) as {
      status: string;
    };
    expect(marker.status).toBe('TRUE');
    expect(await io.readFolder(folder)).toMatchObject({ alreadyOnStrava: true });
  }, 60_000);

  it('fails the calls of a worker that stops, retryably, and starts a fresh one for the next', async () => {
    const io = thread({
      workerUrl: new URL('../support/exiting-folder-worker.ts', import.meta.url),
    });
    for (let attempt = 0; attempt < 2; attempt++) {
      const error = await io.readFolder(dir).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UploadError);
      expect(error).toMatchObject({ kind: 'invalid-folder', retryable: true });
      expect((error as UploadError).message).toMatch(/folder worker stopped \(exit code 9\)/);
    }
  }, 60_000);

  it('refuses calls once closed', async () => {
    const io = thread();
    await io.close();
    await expect(io.readFolder(dir)).rejects.toMatchObject({ retryable: true });
  });
});
