import { checkGpx, type GpxReport } from '../sequence/gpx/gpx-check';
import { gzipTrack, type GzippedTrack } from '../sequence/gpx/gzip-file';
import { readSequenceFolder } from '../sequence/folder/sequence-folder';
import type { SequenceInfo } from '../sequence/folder/sequence-info';
import { markPending, markSentToStrava, type MarkerTarget } from '../sequence/marker/marker-writer';

/** A sequence folder read and its track checked: what the read step needs. */
export interface CheckedFolder {
  info: SequenceInfo;
  report: GpxReport;
}

/**
 * What the pipeline does in sequence folders: read and check them, compress their
 * tracks, and write the MTP Desktop Uploader's markers. Every call throws the
 * UploadErrors of the functions it stands for. `localFolderIo` does the work on the
 * calling thread; `FolderIoThread` in a worker thread of its own.
 */
export interface FolderIo {
  /** readSequenceFolder, then checkGpx of the track it names. */
  readAndCheck(folder: string): Promise<CheckedFolder>;
  /** readSequenceFolder alone (a part folder's markers, an item journaled before the read kept them). */
  readFolder(folder: string): Promise<SequenceInfo>;
  /** gzipTrack: in memory up to `inMemoryBytes`, else into `workingCopy`. */
  gzipTrack(source: string, workingCopy: string, inMemoryBytes: number): Promise<GzippedTrack>;
  /** markPending: `upload_strava.json` status PENDING with the upload id. */
  markPending(target: MarkerTarget, uploadId: string): Promise<void>;
  /** markSentToStrava: status TRUE, and `destination.strava` in an MTP folder's JSON. */
  markSent(target: MarkerTarget, upload: { uploadId: string; activityId: string }): Promise<void>;
}

/** Reads a folder and checks its track, in this thread. */
async function readAndCheck(folder: string): Promise<CheckedFolder> {
  const info = await readSequenceFolder(folder);
  return { info, report: await checkGpx(info.gpxPath) };
}

/** The folder work done on the calling thread (tests, and where no worker can start). */
export const localFolderIo: FolderIo = {
  readAndCheck,
  readFolder: readSequenceFolder,
  gzipTrack,
  markPending,
  markSent: markSentToStrava,
};
