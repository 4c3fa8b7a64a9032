import { createReadStream, createWriteStream } from 'node:fs';
import type { WriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { folderFs } from '../folder-fs';
import { promisify } from 'node:util';
import { finished, pipeline } from 'node:stream/promises';
import { isMainThread } from 'node:worker_threads';
import { createGzip, gzip, gzipSync, type ZlibOptions } from 'node:zlib';
import { UploadError, isUploadError } from '../../errors/upload-error';
import { cancelledError, fileLabel, isAbortError } from './gpx-errors';
import { regularFileSize } from './gpx-file-size';

/**
 * zlib's default level 6: on GPX, level 9 took 2-3x as long for a file only about 6%
 * smaller (bench/gpx-check.ts measures both), which the upload does not win back.
 */
const level = 6;

/**
 * Gzips a file as a stream (Strava takes `gpx.gz`, about a tenth of the bytes). The
 * output appears at `target` only once complete: it is written to `target.partial`
 * and renamed, and the partial file is removed when anything fails.
 */
export async function gzipFile(
  source: string,
  target: string,
  options: { signal?: AbortSignal } = {},
): Promise<{ bytesIn: number; bytesOut: number }> {
  if (options.signal?.aborted) throw cancelledError(options.signal.reason);
  await regularFileSize(source);
  return streamGzip(source, target, options.signal);
}

/** gzipFile once the source is known to be a regular file. */
async function streamGzip(
  source: string,
  target: string,
  signal: AbortSignal | undefined,
): Promise<{ bytesIn: number; bytesOut: number }> {
  const partial = `${target}.partial`;
  const gzip = createGzip({ level });
  let output: WriteStream | undefined;
  try {
    output = createWriteStream(partial);
    await pipeline(createReadStream(source), gzip, output, signal ? { signal } : {});
    await rename(partial, target);
    return { bytesIn: gzip.bytesWritten, bytesOut: output.bytesWritten };
  } catch (error) {
    // The partial file may still be opening: wait until its stream is closed, then remove it.
    if (output !== undefined) await finished(output.destroy()).catch(() => undefined);
    await rm(partial, { force: true });
    throw compressError(source, target, error);
  }
}

/**
 * On a main thread through libuv's pool, so the event loop never waits on zlib; in a
 * worker thread (the folder worker) in place, where waiting is the thread's job: no
 * pool hand-off, and zlib's state is freed as the call returns rather than at a GC.
 */
const gzipBuffer: (data: Buffer, options: ZlibOptions) => Promise<Buffer> = isMainThread
  ? promisify(gzip)
  : (data, options) => new Promise((resolve) => resolve(gzipSync(data, options)));

/**
 * Gzips a small file in memory: one read and one compression instead of a stream
 * of chunks and a working copy on disk, which for a track of a few hundred KB cost
 * more CPU than the compression itself.
 */
export async function gzipToBuffer(source: string): Promise<Buffer> {
  await regularFileSize(source);
  return gzipInMemory(source);
}

/** gzipToBuffer once the source is known to be a regular file. */
async function gzipInMemory(source: string): Promise<Buffer> {
  try {
    return await gzipBuffer(await folderFs.readFile(source), { level });
  } catch (error) {
    throw compressError(source, 'memory', error);
  }
}

/** A gzipped track for an upload: in memory when small, else a working copy on disk (`path`). */
export type GzippedTrack = { bytes: number } & (
  { path: string; inMemory?: undefined } | { path?: undefined; inMemory: Buffer }
);

/** Gzips a track for its upload: in memory up to `inMemoryBytes`, else into `workingCopy`; the file is looked at once. */
export async function gzipTrack(
  source: string,
  workingCopy: string,
  inMemoryBytes: number,
): Promise<GzippedTrack> {
  if ((await regularFileSize(source)) <= inMemoryBytes) {
    const inMemory = await gzipInMemory(source);
    return { inMemory, bytes: inMemory.length };
  }
  return { path: workingCopy, bytes: (await streamGzip(source, workingCopy, undefined)).bytesOut };
}

/** Words for a failed compression; the raw error stays in the detail. */
function compressError(source: string, target: string, error: unknown): UploadError {
  if (isUploadError(error)) return error;
  if (isAbortError(error)) return cancelledError(error);
  const detail = error instanceof Error ? error.message : String(error);
  const message =
    target === 'memory'
      ? `${fileLabel(source)} could not be read and compressed; check that the file can be read.`
      : `${fileLabel(source)} could not be compressed into ${fileLabel(target)}; check that the folder can be written and the disk is not full.`;
  return new UploadError(
    {
      kind: 'invalid-folder',
      message,
      retryable: false,
      detail: `${source} → ${target}: ${detail}`,
    },
    { cause: error },
  );
}
