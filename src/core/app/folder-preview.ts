import type { SequencePreview } from '../../shared/ipc-contract';
import { toUploadError } from '../errors/upload-error';
import { expandSequenceFolders } from '../pipeline/expand-inputs';
import { checkGpx } from '../sequence/gpx/gpx-check';
import { readSequenceFolder } from '../sequence/folder/sequence-folder';
import { sequenceWarnings } from '../sequence/folder/sequence-warnings';
import { basename } from 'node:path';

/**
 * Reads and checks dropped folders in this thread, before anything is sent; a bad one
 * carries its problem. The app checks them in worker threads instead (PreviewPool).
 */
export async function previewFolders(paths: string[]): Promise<SequencePreview[]> {
  const folders = await expandSequenceFolders(paths);
  return Promise.all(folders.map(previewFolder));
}

/** Reads and checks one sequence folder; never throws, a bad folder carries its problem. */
export async function previewFolder(folder: string): Promise<SequencePreview> {
  try {
    const info = await readSequenceFolder(folder);
    const report = await checkGpx(info.gpxPath);
    return {
      folder: info.folder,
      name: info.name,
      ...(info.description ? { description: info.description } : {}),
      ...(info.mtpwId ? { mtpwId: info.mtpwId } : {}),
      ...(info.transport ? { transport: `${info.transport.type} – ${info.transport.method}` } : {}),
      points: report.points,
      ...(report.startTime ? { startTime: report.startTime } : {}),
      distanceM: report.distanceM,
      bytes: report.bytes,
      shape: report.shape,
      // The folder's own (no Strava sport) first, then the track's (times read as UTC, gaps).
      warnings: [...sequenceWarnings(info), ...report.warnings],
      alreadyOnStrava: info.alreadyOnStrava,
    };
  } catch (error) {
    const problem = toUploadError(error, {
      kind: 'invalid-folder',
      message: `"${basename(folder)}" could not be read.`,
      retryable: false,
    }).toJSON();
    // The renderer shows the words; the detail (paths, raw parser messages) stays out of it.
    const { detail: _detail, ...words } = problem;
    return { folder, name: basename(folder), warnings: [], alreadyOnStrava: false, problem: words };
  }
}
