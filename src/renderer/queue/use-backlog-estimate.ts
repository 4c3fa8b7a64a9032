import { useEffect, useState } from 'react';
import type { BacklogEstimateView } from '../../shared/ipc-contract';
import { callMtp } from '../mtp-call';

/** How often the estimate is asked for again while items are on their way. */
const refreshMs = 30_000;

/**
 * The Queue's estimate of what is left at Strava's limits. Asked for again when the
 * number of items on their way changes or a limit starts or stops holding them (a
 * second later, so a burst of deltas makes one call) and every 30 s, so "about 2 days
 * 14 h" follows the batch without a poll per delta. The limits are learned from
 * Strava's answers: the first upload's answer can change the estimate at once.
 */
export function useBacklogEstimate(
  active: number,
  rateLimitedUntil: number | undefined,
): BacklogEstimateView | undefined {
  const [estimate, setEstimate] = useState<BacklogEstimateView>();
  useEffect(() => {
    if (active === 0) {
      setEstimate(undefined);
      return;
    }
    let stopped = false;
    const ask = async () => {
      const result = await callMtp('queue:estimate', {});
      if (!stopped && result.ok) setEstimate(result.value);
    };
    const soon = setTimeout(() => void ask(), 1_000);
    const every = setInterval(() => void ask(), refreshMs);
    return () => {
      stopped = true;
      clearTimeout(soon);
      clearInterval(every);
    };
  }, [active, rateLimitedUntil]);
  return estimate;
}
