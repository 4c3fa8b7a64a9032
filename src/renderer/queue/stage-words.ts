import type { QueueItemView } from '../../shared/ipc-contract';

type Stage = QueueItemView['stage'];

/** Each stage as the user reads it. */
const words: Record<Stage, string> = {
  queued: 'Waiting',
  reading: 'Checking',
  uploading: 'Sending',
  processing: 'Strava is processing',
  syncing: 'Linking',
  done: 'Done',
  failed: 'Failed',
};

/** A stage in words ("Sending", "Strava is processing"). */
export function stageWords(stage: Stage): string {
  return words[stage];
}

/** Whether an item still has work ahead of it (neither done nor failed). */
export function isActive(item: Pick<QueueItemView, 'stage'>): boolean {
  return item.stage !== 'done' && item.stage !== 'failed';
}

/** Whether nothing of the item is on Strava yet, so the user may take it off the queue. */
export function isRemovable(item: QueueItemView): boolean {
  if (item.uploadId || item.activityId) return false;
  return item.stage === 'queued' || item.stage === 'reading' || item.stage === 'failed';
}
