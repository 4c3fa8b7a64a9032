import { randomBytes } from 'node:crypto';
import { open, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { UploadError } from '../errors/upload-error';
import { fixName } from './track-points';
import type { TrackPoints } from './track-points';

/** Text is handed to the file in pieces of about this size: few writes, flat memory. */
const flushChars = 64 * 1024;

/** What the working copy says besides its points. */
export interface TrackGpxOptions {
  /** The track's name, written in `<metadata>` and `<trk>`. */
  name?: string;
}

const escapeXml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * A number as GPX's xsd:decimal wants it: the shortest text that reads back as the
 * same number, but never in exponent form (`1e-7`), which xsd:decimal does not allow.
 */
export function decimalText(n: number): string {
  const text = String(n);
  if (!text.includes('e')) return text;
  // Below a micrometre nothing is meant; a value that rounds to nothing is a plain 0.
  const fixed = n.toFixed(12).replace(/\.?0+$/, '');
  return fixed === '-0' ? '0' : fixed;
}

/** An instant as an ISO 8601 UTC time; whole seconds without a fraction, as most GPX has them. */
export function gpxTimeText(ms: number): string {
  return new Date(ms).toISOString().replace('.000Z', 'Z');
}

function pointText(track: TrackPoints, i: number): string {
  const ele = track.ele[i] ?? Number.NaN;
  const fix = fixName(track.fix[i] ?? 0);
  return (
    `      <trkpt lat="${decimalText(track.lat[i] ?? 0)}" lon="${decimalText(track.lon[i] ?? 0)}">` +
    (Number.isNaN(ele) ? '' : `<ele>${decimalText(ele)}</ele>`) +
    `<time>${gpxTimeText(track.timeMs[i] ?? 0)}</time>` +
    (fix === undefined ? '' : `<fix>${fix}</fix>`) +
    '</trkpt>\n'
  );
}

function header(name: string | undefined): string {
  const named = name === undefined ? '' : `<name>${escapeXml(name)}</name>`;
  return (
    '<?xml version="1.0" encoding="UTF-8"?>\n' +
    '<gpx version="1.1" creator="MTP Strava Uploader" xmlns="http://www.topografix.com/GPX/1/1">\n' +
    (named === '' ? '' : `  <metadata>${named}</metadata>\n`) +
    `  <trk>${named}\n    <trkseg>\n`
  );
}

/**
 * Writes the kept points of a (shaped) track as a GPX 1.1 working copy at `path`, atomically:
 * the text goes to a temporary file next to it, is flushed to disk, then renamed, so a
 * crash leaves the old file or the whole new one. A new `<trkseg>` starts wherever the
 * kept points change segment. The sequence folder's own GPX is never touched: the
 * caller names a path in its work folder.
 */
export async function writeTrackGpx(
  path: string,
  track: TrackPoints,
  kept: Uint32Array,
  options: TrackGpxOptions = {},
): Promise<void> {
  const temporary = join(
    dirname(path),
    `.${basename(path)}.${randomBytes(6).toString('hex')}.partial`,
  );
  try {
    const handle = await open(temporary, 'wx', 0o600);
    try {
      let text = header(options.name);
      let segment = kept.length > 0 ? track.segment[kept[0] ?? 0] : undefined;
      for (const i of kept) {
        if (track.segment[i] !== segment) {
          segment = track.segment[i];
          text += '    </trkseg>\n    <trkseg>\n';
        }
        text += pointText(track, i);
        if (text.length >= flushChars) {
          await handle.write(text);
          text = '';
        }
      }
      await handle.write(`${text}    </trkseg>\n  </trk>\n</gpx>\n`);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temporary, path);
  } catch (error) {
    await rm(temporary, { force: true });
    throw new UploadError(
      {
        kind: 'invalid-folder',
        message: `The shaped copy of the track could not be written to ${path}.`,
        retryable: true,
        detail: error instanceof Error ? error.message : String(error),
      },
      { cause: error },
    );
  }
}
