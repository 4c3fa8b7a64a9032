import { folderIoOf, type PipelineDeps } from './pipeline-deps';
import { markerTarget } from './marker-target';
import type { QueueItem } from './queue-item';

/**
 * Writes the MTP Desktop Uploader's "sent, not processed yet" marker (status PENDING
 * with the upload id) in every folder of the item, once: the first time a check of
 * Strava's processing does not confirm the upload. Most uploads are confirmed by
 * their first check (it waits for the learned processing time), and then the TRUE
 * marker is the only write. Until then the journal, synced after the POST, holds the
 * upload id; a tool without it that sent the file again would get Strava's duplicate
 * answer, which resolves to the same activity. A folder we cannot write to is no
 * reason to fail.
 */
export async function markPendingOnce(item: QueueItem, deps: PipelineDeps): Promise<QueueItem> {
  const { uploadId } = item;
  if (item.pendingMarked || uploadId === undefined || item.activityId !== undefined) return item;
  const io = folderIoOf(deps);
  for (const folder of item.parts?.map((p) => p.folder) ?? [item.folder]) {
    try {
      await io.markPending(await markerTarget(item, folder, io), uploadId);
    } catch (error) {
      deps.logger.warn('pipeline: could not write upload_strava.json', {
        folder,
        error: String(error),
      });
    }
  }
  return { ...item, pendingMarked: true };
}
