import { basename } from 'node:path';
import { mergeTracks } from '../shape/merge-parts';
import { readTrackPoints } from '../shape/read-track-points';
import type { TrackPoints } from '../shape/track-points';

/**
 * Reads the part tracks of a merged item and joins them in part order. Throws
 * UploadError `invalid-gpx` naming the join where a part does not start after the
 * one before it ends.
 */
export async function readMergedTrack(
  parts: readonly { folder: string; gpxPath: string }[],
): Promise<TrackPoints> {
  const tracks = [];
  for (const part of parts) {
    tracks.push({
      label: `"${basename(part.folder)}"`,
      path: part.gpxPath,
      track: await readTrackPoints(part.gpxPath),
    });
  }
  return mergeTracks(tracks);
}
