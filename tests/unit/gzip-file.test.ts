import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UploadError } from '../../src/core/errors/upload-error';
import { isUploadError } from '../../src/core/errors/upload-error';
import { gzipFile, gzipToBuffer } from '../../src/core/sequence/gpx/gzip-file';
import { writeGpxFile } from '../support/generate-gpx';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gzip-file-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const failure = async (promise: Promise<unknown>): Promise<UploadError> => {
  const error: unknown = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(isUploadError(error)).toBe(true);
  return error as UploadError;
};

const partials = async (folder: string) =>
  (await readdir(folder)).filter((name) => name.endsWith('.partial'));

describe('gzipFile', () => {
  it('compresses a GPX that gunzips back to the same bytes, leaving no partial file', async () => {
    const source = join(dir, 'track.gpx');
    await writeGpxFile(source, { points: 5000 });
    const target = join(dir, 'track.gpx.gz');
    const result = await gzipFile(source, target);
    const original = await readFile(source);
    const packed = await readFile(target);
    expect(gunzipSync(packed).equals(original)).toBe(true);
    expect(result).toEqual({ bytesIn: original.length, bytesOut: packed.length });
    expect(packed.length).toBeLessThan(original.length / 5);
    expect(await partials(dir)).toEqual([]);
  });

  it('replaces an older target', async () => {
    const source = join(dir, 'again.gpx');
    const target = join(dir, 'again.gpx.gz');
    await writeGpxFile(source, { points: 10 });
    await writeFile(target, 'stale');
    await gzipFile(source, target);
    expect(gunzipSync(await readFile(target)).equals(await readFile(source))).toBe(true);
  });

  it('compresses an empty file', async () => {
    const source = join(dir, 'empty.gpx');
    await writeFile(source, '');
    const result = await gzipFile(source, join(dir, 'empty.gpx.gz'));
    expect(result.bytesIn).toBe(0);
    expect(gunzipSync(await readFile(join(dir, 'empty.gpx.gz'))).length).toBe(0);
  });

  it('fails on a missing source without leaving a partial or a target', async () => {
    const folder = await mkdtemp(join(dir, 'missing-'));
    const target = join(folder, 'gone.gpx.gz');
    const error = await failure(gzipFile(join(folder, 'gone.gpx'), target));
    expect(error).toMatchObject({ kind: 'invalid-folder', retryable: false });
    expect(error.message).toContain('"gone.gpx" was not found');
    expect(await readdir(folder)).toEqual([]);
  });

  it('fails on a folder as source', async () => {
    const folder = await mkdtemp(join(dir, 'folder-'));
    await mkdir(join(folder, 'x.gpx'));
    const error = await failure(gzipFile(join(folder, 'x.gpx'), join(folder, 'x.gpx.gz')));
    expect(error.message).toContain('is a folder');
    expect(await partials(folder)).toEqual([]);
  });

  it('fails when the target folder does not exist', async () => {
    const source = join(dir, 'ok.gpx');
    await writeGpxFile(source, { points: 10 });
    const target = join(dir, 'no-such-folder', 'ok.gpx.gz');
    const error = await failure(gzipFile(source, target));
    expect(error).toMatchObject({ kind: 'invalid-folder', retryable: false });
    expect(error.message).toContain('could not be compressed into "ok.gpx.gz"');
    expect(existsSync(`${target}.partial`)).toBe(false);
  });

  it('stops when cancelled, removing the partial file', async () => {
    const folder = await mkdtemp(join(dir, 'abort-'));
    const source = join(folder, 'big.gpx');
    await writeGpxFile(source, { points: 50_000 });
    const controller = new AbortController();
    const pending = gzipFile(source, join(folder, 'big.gpx.gz'), { signal: controller.signal });
    controller.abort();
    const error = await failure(pending);
    expect(error.kind).toBe('cancelled');
    expect((await readdir(folder)).sort()).toEqual(['big.gpx']);
    expect((await stat(source)).size).toBeGreaterThan(0);
  });

  it('refuses to start with an aborted signal', async () => {
    const source = join(dir, 'ok.gpx');
    const error = await failure(
      gzipFile(source, join(dir, 'never.gz'), { signal: AbortSignal.abort() }),
    );
    expect(error.kind).toBe('cancelled');
    expect(existsSync(join(dir, 'never.gz'))).toBe(false);
  });
});

describe('gzipToBuffer', () => {
  it('compresses a small track in memory to bytes that gunzip back to the file', async () => {
    const source = join(dir, 'small.gpx');
    await writeGpxFile(source, { points: 200 });
    const packed = await gzipToBuffer(source);
    expect(gunzipSync(packed).equals(await readFile(source))).toBe(true);
  });

  it('fails on a missing source with the message the disk path gives', async () => {
    const error = await failure(gzipToBuffer(join(dir, 'nowhere.gpx')));
    expect(error).toMatchObject({ kind: 'invalid-folder', retryable: false });
    expect(error.message).toContain('"nowhere.gpx" was not found');
  });
});
