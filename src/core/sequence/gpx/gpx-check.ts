import { open } from 'node:fs/promises';
import { folderFs } from '../folder-fs';
import { createReadStream } from 'node:fs';
import { isUploadError } from '../../errors/upload-error';
import { regularFileSize } from './gpx-file-size';
import { cancelledError, fileLabel, invalidGpx, isAbortError, unreadableFile } from './gpx-errors';
import type { GpxCheckOptions, GpxReport } from './gpx-report';
import type { GpxReadResult } from './gpx-sax-reader';
import { GpxSaxReader } from './gpx-sax-reader';
import { gpxWarnings } from './gpx-warnings';

export type { GpxCheckOptions, GpxReport } from './gpx-report';

/** Read size: 64 KiB keeps the parser busy with few calls while memory stays flat. */
const chunkBytes = 64 * 1024;

/**
 * Checks a GPX file the way Strava will, before anything is sent: a SAX parser reads
 * it (never a DOM; a file past 256 KiB is streamed, so memory does not grow with it),
 * stops at the first fault Strava would refuse, and describes a good track for the UI.
 * Throws an UploadError: `invalid-gpx` for a bad track, `invalid-folder` for a file
 * that cannot be read, `cancelled` when the signal fires.
 */
export async function checkGpx(path: string, options: GpxCheckOptions = {}): Promise<GpxReport> {
  const gapSeconds = options.gapSeconds ?? 30;
  const shapePoints = options.shapePoints ?? 64;
  const { signal } = options;
  if (signal?.aborted) throw cancelledError(signal.reason);

  const bytes = await regularFileSize(path);
  if (bytes === 0) {
    throw invalidGpx(path, `${fileLabel(path)} is empty; Strava needs a track with timed points.`);
  }

  const reader = new GpxSaxReader(path, { gapSeconds, shapePoints });
  const read =
    bytes <= wholeFileBytes
      ? await readWhole(path, reader, signal)
      : await readStreamed(path, reader, signal);
  return judge(path, bytes, read, gapSeconds);
}

/** A small track is read in one call: a stream costs more file operations than it saves. */
const wholeFileBytes = 256 * 1024;

const utf16Refused = (path: string) =>
  invalidGpx(
    path,
    `${fileLabel(path)} is saved as UTF-16 text; GPX tracks are read as UTF-8. Save it as UTF-8 and try again.`,
  );

/** A UTF-16 byte-order mark: legal XML, but not the UTF-8 every GPX tool writes. */
const hasUtf16Mark = (head: Uint8Array): boolean =>
  head.length >= 2 &&
  ((head[0] === 0xfe && head[1] === 0xff) || (head[0] === 0xff && head[1] === 0xfe));

/** Reads a small file whole and parses it. */
async function readWhole(
  path: string,
  reader: GpxSaxReader,
  signal: AbortSignal | undefined,
): Promise<GpxReadResult> {
  const data = await folderFs.readFile(path).catch((error: unknown) => {
    throw unreadableFile(path, error);
  });
  if (signal?.aborted) throw cancelledError(signal.reason);
  if (hasUtf16Mark(data)) throw utf16Refused(path);
  reader.write(data.toString('utf8'));
  return reader.end();
}

/** Streams a larger file through the parser, stopping at the first fault. */
async function readStreamed(
  path: string,
  reader: GpxSaxReader,
  signal: AbortSignal | undefined,
): Promise<GpxReadResult> {
  if (await isUtf16(path)) throw utf16Refused(path);
  const stream = createReadStream(path, {
    encoding: 'utf8',
    highWaterMark: chunkBytes,
    ...(signal === undefined ? {} : { signal }),
  });
  try {
    // Leaving the loop by a throw destroys the stream: reading stops at the verdict.
    for await (const chunk of stream as AsyncIterable<string>) reader.write(chunk);
    return reader.end();
  } catch (error) {
    if (isUploadError(error)) throw error;
    if (isAbortError(error)) throw cancelledError(error);
    throw unreadableFile(path, error);
  }
}

/** Picks the points Strava will read, refuses too few, and writes the report. */
function judge(path: string, bytes: number, read: GpxReadResult, gapSeconds: number): GpxReport {
  const routePoints =
    read.track.points === 0 && (read.route.points > 0 || read.routeError !== undefined);
  if (routePoints && read.routeError !== undefined) throw read.routeError;
  if (routePoints) {
    // Strava makes activities from recorded tracks; a planned route is refused after upload.
    throw invalidGpx(
      path,
      `${fileLabel(path)} holds a planned route (<rte>) but no recorded track (<trk>); Strava needs a track with a time on every point.`,
    );
  }
  const stats = routePoints ? read.route : read.track;
  const what = routePoints ? 'route point' : 'track point';
  if (stats.points < 2) {
    const found = stats.points === 0 ? `has no ${what}s` : `has only 1 ${what}`;
    throw invalidGpx(
      path,
      `${fileLabel(path)} ${found}; Strava needs at least 2 points with a time.`,
    );
  }
  const report: GpxReport = {
    file: path,
    bytes,
    version: read.version,
    pointKind: routePoints ? 'rtept' : 'trkpt',
    tracks: routePoints ? read.routes : read.tracks,
    segments: routePoints ? read.routes : read.segments,
    points: stats.points,
    startTime: new Date(stats.minMs).toISOString(),
    endTime: new Date(stats.maxMs).toISOString(),
    durationS: (stats.maxMs - stats.minMs) / 1000,
    distanceM: stats.distanceM,
    hasElevation: stats.withElevation > 0,
    gaps: stats.gaps,
    gapCount: stats.gapCount,
    backwardsTimes: stats.backwardsTimes,
    repeatedTimes: stats.repeatedTimes,
    shape: stats.shapeSample(),
    warnings: gpxWarnings(stats, { gapSeconds, routePoints }),
  };
  if (read.creator !== undefined) report.creator = read.creator;
  if (read.name !== undefined) report.name = read.name;
  return report;
}

/** Whether a larger file starts with a UTF-16 byte-order mark. */
async function isUtf16(path: string): Promise<boolean> {
  // The first open of the file: a file we may not read is said so here, in words.
  const handle = await open(path, 'r').catch((error: unknown) => {
    throw unreadableFile(path, error);
  });
  try {
    const { buffer, bytesRead } = await handle.read(Buffer.alloc(2), 0, 2, 0);
    return hasUtf16Mark(buffer.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}
