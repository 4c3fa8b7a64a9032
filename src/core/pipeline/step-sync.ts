import { UploadError } from '../errors/upload-error';
import { markerTarget } from './marker-target';
import { needsActivityUpdate } from '../shape/shape-options';
import { folderIoOf, type PipelineDeps } from './pipeline-deps';
import type { QueueItem } from './queue-item';
import { writeBackMtpwIdQuietly } from './step-mtpw-write-back';

/** The MTPW sequences the activity is linked to: the item's, and for a merged item every part's. */
function linkedMtpwIds(item: QueueItem): string[] {
  const ids = [item.mtpwId, ...(item.parts ?? []).map((p) => p.mtpwId)];
  return [...new Set(ids.filter((id): id is string => id !== undefined))];
}

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
  if (item.mtpwIdToWriteBack) item = save(await writeBackMtpwIdQuietly(item, deps));
  // A merged item: every part folder is marked, so none is ever sent again on its own.
  const io = folderIoOf(deps);
  for (const folder of item.parts?.map((p) => p.folder) ?? [item.folder]) {
    try {
      await io.markSent(await markerTarget(item, folder, io), { uploadId, activityId });
    } catch (error) {
      deps.logger.warn('pipeline: could not write the sequence markers', {
        folder,
        error: String(error),
      });
    }
  }
  const mtpwIds = linkedMtpwIds(item);
  if (mtpwIds.length > 0 && !item.mtpwSynced) {
    if (!deps.mtpw || !(await deps.mtpw.connected())) {
      throw new UploadError({
        kind: 'auth',
        message: `"${item.name}" is on Strava. Connect Map the Paths, then Retry to link it there.`,
        retryable: false,
      });
    }
    // Each link is an idempotent PUT: after a failure, Retry sends them all again.
    for (const mtpwId of mtpwIds) await deps.mtpw.client.markOnStrava(mtpwId, activityId);
  }
  return { ...item, stage: 'done', mtpwSynced: true };
}
