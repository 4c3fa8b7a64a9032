import { UploadError } from '../errors/upload-error';
import { markSentToStrava } from '../sequence/marker-writer';
import { readSequenceFolder } from '../sequence/sequence-folder';
import type { PipelineDeps } from './pipeline-deps';
import type { QueueItem } from './queue-item';

/**
 * After Strava confirmed the activity: keep the MTP Desktop Uploader's markers
 * true (so that tool never uploads it again), then tell MTPW the activity id.
 * A Strava upload is never repeated because this step failed.
 */
export async function syncStep(item: QueueItem, deps: PipelineDeps): Promise<QueueItem> {
  if (!item.activityId || !item.uploadId) {
    throw new UploadError({
      kind: 'processing',
      message: `"${item.name}" has no Strava activity to link yet.`,
      retryable: false,
    });
  }
  try {
    await markSentToStrava(await readSequenceFolder(item.folder), {
      uploadId: item.uploadId,
      activityId: item.activityId,
    });
  } catch (error) {
    deps.logger.warn('pipeline: could not write the sequence markers', {
      folder: item.folder,
      error: String(error),
    });
  }
  if (item.mtpwId && !item.mtpwSynced) {
    if (!deps.mtpw || !(await deps.mtpw.connected())) {
      throw new UploadError({
        kind: 'auth',
        message: `"${item.name}" is on Strava. Connect Map the Paths, then Retry to link it there.`,
        retryable: false,
      });
    }
    await deps.mtpw.client.markOnStrava(item.mtpwId, item.activityId);
  }
  return { ...item, stage: 'done', mtpwSynced: true };
}
