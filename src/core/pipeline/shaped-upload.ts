import { UploadError } from '../errors/upload-error';
import { renderName } from '../shape/name-template';
import { readTrackPoints } from '../shape/read-track-points';
import { defaultShapeOptions, shapesTrack } from '../shape/shape-options';
import { shapeTrack } from '../shape/shape-track';
import { writeTrackGpx } from '../shape/write-track-gpx';
import { readMergedTrack } from './merged-track';
import type { QueueItem } from './queue-item';
import { shapedCopyPath } from './working-copies';

/** What is sent for an item: the track file, and the name and sport that go with it. */
export interface UploadSource {
  /** The folder's GPX, or the shaped working copy (delete it once gzipped). */
  gpxPath: string;
  /** True when `gpxPath` is a working copy of ours. */
  shaped: boolean;
  name: string;
  /** What goes in the POST's description; undefined sends none. */
  description?: string;
  sportType?: string;
  commute: boolean;
}

/** A merged item's part tracks, in part order; undefined for a one-folder item. */
function mergedParts(item: QueueItem): { folder: string; gpxPath: string }[] | undefined {
  if (item.parts === undefined) return undefined;
  return item.parts.map((part) => {
    if (part.gpxPath === undefined)
      throw new UploadError({
        kind: 'invalid-folder',
        message: `The track of "${part.folder}" was not read.`,
        retryable: true,
      });
    return { folder: part.folder, gpxPath: part.gpxPath };
  });
}

/**
 * Decides what an item sends, from its journaled shape options. When they change
 * the track, the shaped points are written to `<workDir>/<id>.shaped.gpx`; the
 * folder's GPX is only ever read. A merged item sends its parts' points joined in
 * part order, then shaped. Throws UploadError `invalid-gpx` when shaping
 * leaves too little to send.
 */
export async function uploadSource(
  item: QueueItem & { gpxPath: string },
  workDir: string,
  now: number,
): Promise<UploadSource> {
  const shape = item.shape ?? defaultShapeOptions;
  const sportType = shape.sportType ?? item.sportType;
  let gpxPath = item.gpxPath;
  let startMs = item.trackStart === undefined ? now : Date.parse(item.trackStart);
  startMs += shape.timeOffsetS * 1000;
  const parts = mergedParts(item);
  // A merged item always sends a working copy: no one file holds its whole track.
  const shaped = shapesTrack(shape) || parts !== undefined;
  if (shaped) {
    const points =
      parts === undefined ? await readTrackPoints(item.gpxPath) : await readMergedTrack(parts);
    const result = shapeTrack(points, shape, {
      name: item.name,
      path: item.gpxPath,
      ...(item.mtpApi === undefined ? {} : { transportMethod: item.mtpApi }),
    });
    startMs = result.track.timeMs[result.kept[0] ?? 0] ?? startMs;
    gpxPath = shapedCopyPath(workDir, item.id);
    await writeTrackGpx(gpxPath, result.track, result.kept, { name: item.name });
  }
  const name =
    shape.name !== undefined
      ? shape.name
      : shape.nameTemplate === undefined
        ? item.name
        : renderName(shape.nameTemplate, {
            name: item.name,
            startMs,
            ...(item.mtpApi === undefined ? {} : { transport: item.mtpApi }),
          });
  const description = shape.description ?? item.description;
  return {
    gpxPath,
    shaped,
    name,
    ...(description ? { description } : {}),
    ...(sportType === undefined ? {} : { sportType }),
    commute: shape.commute,
  };
}
