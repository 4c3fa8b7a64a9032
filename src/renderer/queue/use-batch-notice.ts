import { useEffect, useRef } from 'react';
import type { QueueSnapshot } from '../../shared/ipc-contract';
import { batchSummary } from './batch-summary';
import { isActive } from './stage-words';

/**
 * Tells the user when a batch has finished: every item that had work to do has
 * settled (done or failed). Only the items of that batch are counted, not the
 * whole history main keeps. Calls `announce` with the summary, and shows a system
 * notification as well when the user allowed them.
 */
export function useBatchNotice(
  snapshot: QueueSnapshot | undefined,
  announce: (message: string) => void,
): void {
  const batch = useRef(new Set<string>());

  useEffect(() => {
    if (!snapshot) return;
    let anyActive = false;
    for (const item of snapshot.items) {
      if (isActive(item)) {
        anyActive = true;
        batch.current.add(item.id);
      }
    }
    if (anyActive || batch.current.size === 0) return;
    const ids = batch.current;
    batch.current = new Set();
    let done = 0;
    let failed = 0;
    for (const item of snapshot.items) {
      if (!ids.has(item.id)) continue;
      if (item.stage === 'done') done += 1;
      else if (item.stage === 'failed') failed += 1;
    }
    if (done + failed === 0) return;
    const message = batchSummary(done, failed);
    announce(message);
    notify(message, failed > 0);
  }, [snapshot, announce]);
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
