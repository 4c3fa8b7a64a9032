import { useCallback, useEffect, useState } from 'react';
import type { UnsentSequencesView } from '../../shared/ipc-contract';
import { callMtp } from '../mtp-call';

export interface UnsentSequencesState {
  /** What main found (undefined while it looks, or when looking failed: the offer stays away). */
  found: UnsentSequencesView | undefined;
  refresh: () => Promise<void>;
}

/** Asks main, once per showing, for the sequences of ~/MTP/sequences (or the watched folder) not yet on Strava. */
export function useUnsentSequences(): UnsentSequencesState {
  const [found, setFound] = useState<UnsentSequencesView>();
  const refresh = useCallback(async () => {
    const result = await callMtp('sequences:findUnsent', {});
    setFound(result.ok ? result.value : undefined);
  }, []);
  useEffect(() => {
    void refresh();
  }, [refresh]);
  return { found, refresh };
}
