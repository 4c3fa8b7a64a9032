import type { RateLimitSnapshot } from '../strava/rate-limit-tracker';
import { nextQuarterHour } from '../strava/rate-limit-windows';
import type { PipelineOptions } from './pipeline-options';
import type { QueueItem } from './queue-item';
import { timeSlot } from '../../shared/timed-words';

type CheckTimes = Pick<PipelineOptions, 'pollStartMs' | 'pollMaxMs' | 'pollBoundMs' | 'recheckMs'>;

/**
 * When to look again at an upload Strava is still processing: not before the
 * learned first wait; after that, each wait as long as the time already spent (so a
 * slow upload costs a few checks, not one a second), up to the larger of `pollMaxMs`
 * and the first wait; past `pollBoundMs`, only the slow re-check. A look before
 * the first wait (one list read covers every upload) is not counted in `polls`.
 */
export function nextCheck(
  item: QueueItem,
  now: number,
  firstWaitMs: number,
  options: CheckTimes,
): Pick<QueueItem, 'notBefore' | 'waitingFor' | 'polls' | 'slowProcessing'> {
  const since = item.processingSince ?? now;
  const elapsed = now - since;
  const waitingFor = 'Strava is processing the track';
  if (item.polls === 0 && elapsed < firstWaitMs)
    return { polls: 0, notBefore: since + firstWaitMs, waitingFor };
  if (elapsed >= options.pollBoundMs) {
    const at = now + options.recheckMs;
    return {
      polls: item.polls + 1,
      notBefore: at,
      slowProcessing: true,
      // The time is the renderer's or the CLI's to format: `notBefore` carries it.
      waitingFor: `Still processing on Strava; checking again at ${timeSlot}`,
    };
  }
  const wait = Math.min(
    Math.max(elapsed, options.pollStartMs),
    Math.max(options.pollMaxMs, firstWaitMs),
  );
  return { polls: item.polls + 1, notBefore: now + wait, waitingFor };
}

/** Uploads not seen in the activity list after this long are polled one by one (failures and duplicates never show there). */
export function pollGrace(listGraceMs: number, firstWaitMs: number): number {
  return Math.max(listGraceMs, 2 * firstWaitMs);
}

/** The first reads of a window go at the pace of Strava's processing, so a small batch is confirmed as soon as it is done. */
const burstReads = 8;
/** Reads kept back in every window for uploads that must be polled one by one. */
const pollReserve = 10;

/**
 * The least time between two list reads: about half the learned processing time
 * (a list read confirms every upload finished by then), and once the first reads of
 * the window are spent, spread so they fit the read budget left in it (reads are
 * the scarce budget: 100 against 200 overall, and they count toward overall too).
 */
export function listGap(
  read: RateLimitSnapshot['read'],
  now: number,
  pollStartMs: number,
  firstWaitMs: number,
): number {
  const floor = Math.max(pollStartMs, firstWaitMs / 2);
  if (read.used15 < burstReads) return floor;
  const left = read.limit15 - read.used15 - pollReserve;
  const windowLeft = nextQuarterHour(now) - now;
  return Math.max(floor, left > 0 ? windowLeft / left : windowLeft);
}
