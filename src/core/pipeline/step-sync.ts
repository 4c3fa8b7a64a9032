import { UploadError } from '../errors/upload-error';
import { markSentToStrava } from '../sequence/marker/marker-writer';
import { readSequenceFolder } from '../sequence/folder/sequence-folder';
import { needsActivityUpdate } from '../shape/shape-options';
import type { PipelineDeps } from './pipeline-deps';
import type { QueueItem } from './queue-item';

/**
 * After Strava confirmed the activity: keep the MTP Desktop Uploader's markers
 * true (so that tool never uploads it again), then tell MTPW the activity id.
 * A Strava upload is never repeated because this step failed.
 */
export async function syncStep(
  given: QueueItem,
  deps: PipelineDeps,
  save: (item: QueueItem) => QueueItem = (i) => i,
): Promise<QueueItem> {
  let item = given;
  const { activityId, uploadId } = item;
  if (!activityId || !uploadId) {
    throw new UploadError({
      kind: 'processing',
      message: `"${item.name}" has no Strava activity to link yet.`,
      retryable: false,
    });
  }
  const shape = item.shape;
  if (shape && needsActivityUpdate(shape) && !item.activityUpdated) {
    // One PUT for what the upload POST cannot carry; journaled so a resume never repeats it.
    await deps.strava.api.updateActivity(activityId, {
      ...(shape.hideFromHome ? { hide_from_home: true } : {}),
      ...(shape.gearId === undefined ? {} : { gear_id: shape.gearId }),
    });
    item = save({ ...item, activityUpdated: true });
  }
  try {
    await markSentToStrava(await readSequenceFolder(item.folder), {
      uploadId,
      activityId,
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
    await deps.mtpw.client.markOnStrava(item.mtpwId, activityId);
  }
  return { ...item, stage: 'done', mtpwSynced: true };
}
