import { createReadStream } from 'node:fs';
import { isUploadError } from '../errors/upload-error';
import { cancelledError, isAbortError, unreadableFile } from '../sequence/gpx/gpx-errors';
import type { TrackPoints } from './track-points';
import { TrackSaxReader } from './track-sax-reader';

/** The check's read size: few parser calls, flat memory. */
const chunkBytes = 64 * 1024;

/**
 * Reads the track points of a GPX that checkGpx has passed, streaming the file through
 * the SAX parser. Throws an UploadError: `invalid-gpx` for a bad track, `invalid-folder`
 * for a file that cannot be read, `cancelled` when the signal fires.
 */
export async function readTrackPoints(
  path: string,
  options: { signal?: AbortSignal } = {},
): Promise<TrackPoints> {
  const { signal } = options;
  if (signal?.aborted) throw cancelledError(signal.reason);
  const reader = new TrackSaxReader(path);
  const stream = createReadStream(path, {
    encoding: 'utf8',
    highWaterMark: chunkBytes,
    ...(signal === undefined ? {} : { signal }),
  });
  try {
    for await (const chunk of stream as AsyncIterable<string>) reader.write(chunk);
    return reader.end();
  } catch (error) {
    if (isUploadError(error)) throw error;
    if (isAbortError(error)) throw cancelledError(error);
    throw unreadableFile(path, error);
  }
}
