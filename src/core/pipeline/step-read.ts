import { localFolderIo, type FolderIo } from '../folder-io/folder-io';
import { sequenceWarnings } from '../sequence/folder/sequence-warnings';
import type { QueueItem } from './queue-item';
import { readPartsStep } from './step-read-parts';

/**
 * Reads and checks the folder and its track; nothing is sent before this passes.
 * A folder the MTP Desktop Uploader already sent to Strava is not sent again, and
 * one with a pending upload id is polled rather than posted again.
 */
export async function readStep(item: QueueItem, io: FolderIo = localFolderIo): Promise<QueueItem> {
  if (item.parts) return readPartsStep({ ...item, parts: item.parts });
  const { info, report } = await io.readAndCheck(item.folder);
  const next: QueueItem = {
    ...item,
    name: info.name,
    gpxPath: info.gpxPath,
    folderKind: info.kind,
    ...(info.jsonPath !== undefined ? { jsonPath: info.jsonPath } : {}),
    tags: info.tags,
    bytesTotal: report.bytes,
    warnings: [
      ...sequenceWarnings(info, item.shape?.sportType ? { sportType: item.shape.sportType } : {}),
      ...report.warnings,
    ],
    ...(info.description !== undefined ? { description: info.description } : {}),
    ...(info.transport?.stravaSport ? { sportType: info.transport.stravaSport } : {}),
    ...(info.transport?.mtpApi ? { mtpApi: info.transport.mtpApi } : {}),
    ...(report.startTime ? { trackStart: report.startTime } : {}),
    ...((item.mtpwId ?? info.mtpwId) ? { mtpwId: item.mtpwId ?? info.mtpwId } : {}),
  };
  if (info.alreadyOnStrava) {
    // Linking on MTPW is idempotent: when we know the activity, make sure the link is there.
    if (next.mtpwId && info.stravaActivityId && info.stravaUploadId) {
      return {
        ...next,
        stage: 'syncing',
        activityId: info.stravaActivityId,
        uploadId: info.stravaUploadId,
        activitySource: 'already-on-strava',
      };
    }
    return { ...next, stage: 'done', activitySource: 'already-on-strava', mtpwSynced: true };
  }
  if (info.stravaUploadId && !item.uploadId)
    return { ...next, stage: 'processing', uploadId: info.stravaUploadId, polls: 0 };
  return { ...next, stage: item.uploadId ? 'processing' : 'uploading' };
}
