import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import type { QueueItem } from './queue-item';
import { timeSlot } from '../../shared/timed-words';

/** An item's id: the same folder is the same item, whenever it is added. */
export function itemId(absoluteFolder: string): string {
  return createHash('sha256').update(absoluteFolder).digest('hex').slice(0, 16);
}

/** A folder just queued. */
export function newQueueItem(absoluteFolder: string, createMtpw: boolean, now: number): QueueItem {
  return {
    id: itemId(absoluteFolder),
    folder: absoluteFolder,
    name: basename(absoluteFolder),
    stage: 'queued',
    attempts: 0,
    createMtpw,
    mtpwSynced: false,
    polls: 0,
    bytesSent: 0,
    bytesTotal: 0,
    addedAt: now,
    updatedAt: now,
  };
}

/** A failed item after the user's Retry: back at the step that failed, with fresh tries. */
export function retried(item: QueueItem, now: number): QueueItem {
  const next: QueueItem = {
    ...item,
    stage: item.failedStep ?? 'reading',
    attempts: 0,
    polls: 0,
    updatedAt: now,
  };
  if (next.stage === 'processing') next.processingSince = now;
  delete next.slowProcessing;
  for (const key of ['error', 'failedStep', 'notBefore', 'waitingFor'] as const) delete next[key];
  return next;
}

/**
 * A step that moved the item on resets the per-step retry count and the waiting
 * note. A failed item keeps what applyFailure gave it: the error is its reason.
 */
export function finishStep(before: QueueItem, next: QueueItem, now: number): QueueItem {
  if (next.stage === 'failed') return { ...next, updatedAt: now };
  const out: QueueItem = {
    ...next,
    attempts: next.stage === before.stage ? next.attempts : 0,
    updatedAt: now,
  };
  if (next.stage !== before.stage) {
    delete out.error;
    if (next.stage !== 'processing') {
      delete out.notBefore;
      delete out.waitingFor;
    }
  }
  return out;
}

/** An item held until Strava's rate-limit window reopens; waiting spends no try. */
export function waitForRateLimit(item: QueueItem, until: number, now: number): QueueItem {
  return {
    ...item,
    notBefore: until,
    // The time is the renderer's or the CLI's to format: `notBefore` carries it.
    waitingFor: `Waiting for Strava's rate limit; going on at ${timeSlot}`,
    updatedAt: now,
  };
}
