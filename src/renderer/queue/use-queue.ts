import { useEffect, useState, useSyncExternalStore } from 'react';
import { callMtp } from '../mtp-call';
import { onMtpEvent } from '../mtp-events';
import { QueueStore } from './queue-store';

export interface QueueState {
  store: QueueStore;
  /** Counts up on every change of the store: a new render sees the new rows. */
  version: number;
  loadError: string | undefined;
}

/**
 * The queue as main keeps it: a snapshot first, then main's numbered deltas; a
 * missed number (or a push that does not parse) fetches a snapshot again.
 */
export function useQueue(): QueueState {
  const [loadError, setLoadError] = useState<string>();
  const [store] = useState(
    () =>
      new QueueStore(() => {
        void callMtp('queue:get', {}).then((result) => {
          if (result.ok) {
            setLoadError(undefined);
            store.acceptSnapshot(result.value);
          } else {
            setLoadError(result.error.message);
            store.snapshotFailed();
          }
        });
      }),
  );
  const version = useSyncExternalStore(store.subscribe, store.version);

  useEffect(() => {
    let unsubscribe: (() => void) | undefined;
    try {
      // Listening first: a delta that lands before the snapshot waits for it.
      unsubscribe = onMtpEvent(
        'queue:changed',
        (delta) => store.applyDelta(delta),
        () => store.missed(),
      );
    } catch {
      // No bridge: the load below reports it in words.
    }
    store.load();
    return () => unsubscribe?.();
  }, [store]);

  return { store, version, loadError };
}
