import type { ShapePreview } from '../../shared/shape-request';
import { isUploadError } from '../errors/upload-error';
import { readSequenceFolder } from '../sequence/folder/sequence-folder';
import { readTrackPoints } from '../shape/read-track-points';
import type { ShapeOptions } from '../shape/shape-options';
import { shapeTrack } from '../shape/shape-track';

/** Points the drawing gets: as many as the folder check's shape, enough for a 96 px box. */
export const previewPoints = 120;

/** Evenly spaced indices into a track of `length` points, first and last included. */
export function sampleIndices(length: number, count = previewPoints): number[] {
  if (length <= count) return Array.from({ length }, (_, i) => i);
  return Array.from({ length: count }, (_, k) => Math.round((k * (length - 1)) / (count - 1)));
}

/**
 * What a row's shaping would send, for the preview: the track's drawing points with
 * the range kept, the distance after shaping, and what was dropped, or the reason
 * the track would be refused. Reads the folder's GPX; never writes anything.
 */
export async function shapePreview(folder: string, options: ShapeOptions): Promise<ShapePreview> {
  const info = await readSequenceFolder(folder);
  const track = await readTrackPoints(info.gpxPath);
  const indices = sampleIndices(track.length);
  const points = indices.map((i): [number, number] => [track.lat[i] ?? 0, track.lon[i] ?? 0]);
  try {
    const shaped = shapeTrack(track, options, {
      name: info.name,
      path: info.gpxPath,
      ...(info.transport?.mtpApi ? { transportMethod: info.transport.mtpApi } : {}),
    });
    const first = shaped.kept[0] ?? 0;
    const last = shaped.kept[shaped.kept.length - 1] ?? 0;
    const { summary } = shaped;
    return {
      points,
      kept: indices.map((i) => i >= first && i <= last),
      ...(summary.start ? { keptStart: [summary.start.lat, summary.start.lon] } : {}),
      ...(summary.end ? { keptEnd: [summary.end.lat, summary.end.lon] } : {}),
      distanceM: summary.distanceM,
      pointsAfter: summary.pointsAfter,
      pointsBefore: summary.pointsBefore,
      notes: summary.notes,
    };
  } catch (error) {
    if (!isUploadError(error) || error.kind !== 'invalid-gpx') throw error;
    return {
      points,
      kept: indices.map(() => false),
      pointsAfter: 0,
      pointsBefore: track.length,
      notes: [],
      refusal: error.message,
    };
  }
}
