import { useEffect, useState } from 'react';
import type { WatchStatusView } from '../../shared/ipc-contract';
import { callMtp } from '../mtp-call';
import { onMtpEvent } from '../mtp-events';

/** The watched folder's state: asked once, then followed through `watch:changed`. */
export function useWatchStatus(): WatchStatusView | undefined {
  const [status, setStatus] = useState<WatchStatusView>();
  useEffect(() => {
    let live = true;
    const stop = onMtpEvent('watch:changed', (next) => setStatus(next));
    void callMtp('watch:get', {}).then((result) => {
      if (live && result.ok) setStatus((known) => known ?? result.value);
    });
    return () => {
      live = false;
      stop();
    };
  }, []);
  return status;
}
