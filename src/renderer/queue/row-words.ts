import type { QueueItemView } from '../../shared/ipc-contract';
import { withTime } from '../../shared/timed-words';
import { clockTime } from '../common/clock-time';

/** What a row's item waits for, its time (`notBefore`) in the screen's one clock format. */
export function waitWords(item: QueueItemView): string | undefined {
  return item.waitingFor === undefined
    ? undefined
    : withTime(item.waitingFor, item.notBefore, clockTime);
}

/** A failed row's reason, a time in it (`retryAt`) in the screen's one clock format. */
export function errorWords(item: QueueItemView): string | undefined {
  return item.error === undefined
    ? undefined
    : withTime(item.error.message, item.error.retryAt, clockTime);
}
