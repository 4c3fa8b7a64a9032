import type { QueueItemView } from '../../shared/ipc-contract';

/**
 * Whether two versions of an item would draw the same row. A delta keeps the object
 * of every row it does not touch, but a snapshot (first load, after a gap) brings new
 * objects for all of them, so rows compare what they show instead of identity.
 */
export function sameItem(a: QueueItemView, b: QueueItemView): boolean {
  if (a === b) return true;
  const keys = Object.keys(a) as (keyof QueueItemView)[];
  if (keys.length !== Object.keys(b).length) return false;
  for (const key of keys) {
    if (key === 'error') {
      if (a.error?.message !== b.error?.message) return false;
    } else if (a[key] !== b[key]) {
      return false;
    }
  }
  return true;
}
