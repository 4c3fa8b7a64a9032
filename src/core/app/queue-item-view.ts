import type { QueueItemView } from '../../shared/ipc-contract';
import type { QueueItem } from '../pipeline/queue-item';

/** One journal item as the renderer shows it: the words of its error, never the technical detail. */
export function toQueueItemView(
  item: QueueItem,
  activityUrl: (id: string) => string,
): QueueItemView {
  const {
    id,
    name,
    folder,
    stage,
    failedStep,
    error,
    waitingFor,
    notBefore,
    bytesSent,
    bytesTotal,
    uploadId,
    activityId,
    activitySource,
    mtpwId,
    mtpwSynced,
    mtpwWarning,
  } = item;
  return {
    id,
    // The name the user gave the row in the Edit panel is the one Strava shows.
    name: item.shape?.name ?? name,
    folder,
    stage,
    bytesSent,
    bytesTotal,
    mtpwSynced,
    ...(failedStep ? { failedStep } : {}),
    // The renderer shows the words; the technical detail stays in the journal and the log.
    ...(error
      ? {
          error: {
            kind: error.kind,
            message: error.message,
            retryable: error.retryable,
            ...(error.retryAt ? { retryAt: error.retryAt } : {}),
          },
        }
      : {}),
    ...(waitingFor ? { waitingFor } : {}),
    ...(notBefore ? { notBefore } : {}),
    ...(uploadId ? { uploadId } : {}),
    ...(activityId ? { activityId, activityUrl: activityUrl(activityId) } : {}),
    ...(activitySource ? { activitySource } : {}),
    ...(mtpwId ? { mtpwId } : {}),
    ...(mtpwWarning ? { mtpwWarning } : {}),
  };
}
