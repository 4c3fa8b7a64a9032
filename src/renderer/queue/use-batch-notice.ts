import { useEffect } from 'react';
import { batchSummary } from './batch-summary';
import type { QueueStore } from './queue-store';
import { isActive } from './stage-words';

/**
 * Tells the user when a batch has finished: every item that had work to do has
 * settled (done or failed). Only the items of that batch are counted, not the
 * whole history main keeps. Calls `announce` with the summary, and shows a system
 * notification as well when the user allowed them. Follows the store's changes, so
 * a delta costs what it changed, not the size of the queue.
 */
export function useBatchNotice(store: QueueStore, announce: (message: string) => void): void {
  useEffect(() => {
    let batch = new Set<string>();
    return store.subscribe((change) => {
      const looked = change.reset ? store.items() : change.changed;
      for (const item of looked) if (isActive(item)) batch.add(item.id);
      if (store.counts.active > 0 || batch.size === 0) return;
      const ids = batch;
      batch = new Set();
      let done = 0;
      let failed = 0;
      for (const id of ids) {
        const stage = store.get(id)?.stage;
        if (stage === 'done') done += 1;
        else if (stage === 'failed') failed += 1;
      }
      if (done + failed === 0) return;
      const message = batchSummary(done, failed);
      announce(message);
      notify(message, failed > 0);
    });
  }, [store, announce]);
}

function notify(body: string, someFailed: boolean): void {
  if (!('Notification' in window) || Notification.permission !== 'granted') return;
  try {
    new Notification(someFailed ? 'Uploads finished, some failed' : 'Uploads finished', {
      body,
    });
  } catch {
    // Some hosts refuse page notifications; the in-app message has said it already.
  }
}
