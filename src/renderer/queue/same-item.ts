import type { QueueItemView } from '../../shared/ipc-contract';

/**
 * Whether two snapshots of an item would draw the same row. Every push brings new
 * objects for all items, so rows compare what they show instead of identity.
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
