import type { QueueItem } from '../pipeline/queue-item';
import type { Logger } from '../ports';
import { withTime } from '../../shared/timed-words';

/** What the log needs of a pipeline: its items now, and every change after (the items changed, the ids removed). */
export interface ItemSource {
  items(): QueueItem[];
  subscribe(listener: (changed: QueueItem[], removed: string[]) => void): () => void;
}

/** The Logger port, with the error level the file logger adds. */
export type TransitionLogger = Logger & {
  error?: (message: string, fields?: Record<string, unknown>) => void;
};

/** The part of an item whose change is worth a line (progress bytes are not). */
interface Seen {
  stage: QueueItem['stage'];
  error: string | undefined;
  waitingFor: string | undefined;
}

const errorKey = (item: QueueItem) =>
  item.error ? `${item.attempts}|${JSON.stringify(item.error)}` : undefined;

const seen = (item: QueueItem): Seen => ({
  stage: item.stage,
  error: errorKey(item),
  // A log reads one time format on every machine: ISO, in UTC.
  waitingFor:
    item.waitingFor && withTime(item.waitingFor, item.notBefore, (t) => new Date(t).toISOString()),
});

/** The fields every line about an item carries: which sequence, and where it is. */
const about = (item: QueueItem) => ({
  item: item.id,
  sequence: item.name,
  ...(item.uploadId ? { uploadId: item.uploadId } : {}),
  ...(item.activityId ? { activityId: item.activityId } : {}),
});

/** Why a step failed: the words, the kind, and Strava's (or MTPW's) HTTP status and Fault. */
const failure = (item: QueueItem) => ({
  reason: item.error?.message,
  kind: item.error?.kind,
  retryable: item.error?.retryable,
  ...(item.error?.status !== undefined ? { status: item.error.status } : {}),
  ...(item.error?.detail ? { detail: item.error.detail } : {}),
  attempts: item.attempts,
});

/**
 * Writes one log line for every state change of every item, and one for every
 * failure (retried or final) with the sequence name, the step, the reason and
 * the HTTP status and Fault, by watching the pipeline from outside. Returns the
 * unsubscribe function.
 */
export function logItemTransitions(source: ItemSource, logger: TransitionLogger): () => void {
  const last = new Map<string, Seen>(source.items().map((i) => [i.id, seen(i)]));
  // An item that stopped is an error in a log that has the level (the file logger does).
  const stopped = (message: string, fields: Record<string, unknown>) =>
    logger.error ? logger.error(message, fields) : logger.warn(message, fields);
  return source.subscribe((changed, removed) => {
    for (const item of changed) {
      const before = last.get(item.id);
      const now = seen(item);
      const from = before?.stage ?? 'new';
      if (before?.stage !== now.stage && now.stage === 'failed') {
        stopped('item: failed', {
          ...about(item),
          from,
          to: now.stage,
          step: item.failedStep ?? before?.stage,
          ...failure(item),
        });
      } else if (before?.stage !== now.stage) {
        logger.info('item: stage', {
          ...about(item),
          from,
          to: now.stage,
          ...(now.waitingFor ? { waitingFor: now.waitingFor } : {}),
        });
      } else if (now.error && now.error !== before.error && now.stage !== 'failed') {
        logger.warn('item: step failed, retrying', {
          ...about(item),
          step: now.stage,
          ...failure(item),
          ...(item.notBefore ? { retryAt: new Date(item.notBefore).toISOString() } : {}),
        });
      } else if (now.waitingFor && now.waitingFor !== before.waitingFor) {
        logger.info('item: waiting', {
          ...about(item),
          step: now.stage,
          waitingFor: now.waitingFor,
        });
      }
      last.set(item.id, now);
    }
    for (const id of removed) {
      last.delete(id);
      logger.info('item: removed', { item: id });
    }
  });
}
