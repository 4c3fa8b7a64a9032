import type { Pipeline } from '../../core/pipeline/pipeline';

/**
 * True when this process may work on the queue. Otherwise another mtp-strava holds
 * it (an upload or a watch in another terminal): this one says so and touches
 * nothing, since two processes working one queue could each send the same sequence,
 * and the holder would compact away the other's records.
 */
export function mayWorkOnQueue(pipeline: Pipeline): boolean {
  if (pipeline.ownsQueue) return true;
  console.error(
    'Error: another mtp-strava is already working on this queue. Let it finish (`mtp-strava status` shows how far it is) or stop it, then run this again.',
  );
  return false;
}
