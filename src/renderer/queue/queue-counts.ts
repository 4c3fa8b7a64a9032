import type { QueueItemView } from '../../shared/ipc-contract';

export interface QueueCounts {
  done: number;
  failed: number;
  active: number;
}

/** How many items are done, failed and still on their way. */
export function queueCounts(items: readonly QueueItemView[]): QueueCounts {
  const counts: QueueCounts = { done: 0, failed: 0, active: 0 };
  for (const item of items) {
    if (item.stage === 'done') counts.done += 1;
    else if (item.stage === 'failed') counts.failed += 1;
    else counts.active += 1;
  }
  return counts;
}
