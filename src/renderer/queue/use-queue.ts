import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueueSnapshot } from '../../shared/ipc-contract';
import { callMtp } from '../mtp-call';

export interface QueueState {
  snapshot: QueueSnapshot | undefined;
  loadError: string | undefined;
  /** Takes a snapshot a call answered with (queue:add, retry, remove). */
  accept: (snapshot: QueueSnapshot) => void;
}

/** The queue as main keeps it: loaded once, then kept current by main's pushes. */
export function useQueue(): QueueState {
  const [snapshot, setSnapshot] = useState<QueueSnapshot>();
  const [loadError, setLoadError] = useState<string>();
  // A push that lands before the first load answers is newer: the load must not overwrite it.
  const pushed = useRef(false);

  useEffect(() => {
    let live = true;
    let unsubscribe: (() => void) | undefined;
    try {
      unsubscribe = window.mtp.onQueueChanged((next) => {
        pushed.current = true;
        if (live) setSnapshot(next);
      });
    } catch {
      // No bridge: the load below reports it in words.
    }
    void callMtp('queue:get', {}).then((result) => {
      if (!live) return;
      if (result.ok) {
        if (!pushed.current) setSnapshot(result.value);
        setLoadError(undefined);
      } else {
        setLoadError(result.error.message);
      }
    });
    return () => {
      live = false;
      unsubscribe?.();
    };
  }, []);

  const accept = useCallback((next: QueueSnapshot) => setSnapshot(next), []);

  return { snapshot, loadError, accept };
}
