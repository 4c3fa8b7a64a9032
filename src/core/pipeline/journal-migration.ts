import { z } from 'zod';
import type { StateStore } from '../ports';
import { queueItemSchema, type QueueItem } from './queue-item';

/** Where versions before the journal file kept every item: one JSON document in the StateStore. */
export const legacyJournalKey = 'pipeline.items';

const legacySchema = z.record(z.string(), z.unknown());

/** What the old journal held: its items, oldest first, and the entries that did not parse. */
export interface LegacyJournal {
  items: QueueItem[];
  rejected: Array<{ id: string; value: unknown }>;
}

/** Reads the journal an earlier version left in the StateStore, if any. */
export function readLegacyJournal(store: StateStore): LegacyJournal | undefined {
  const stored = store.get(legacyJournalKey);
  if (stored === undefined) return undefined;
  const raw = legacySchema.safeParse(stored);
  if (!raw.success) return { items: [], rejected: [{ id: legacyJournalKey, value: stored }] };
  const items: QueueItem[] = [];
  const rejected: LegacyJournal['rejected'] = [];
  for (const [id, value] of Object.entries(raw.data)) {
    const item = queueItemSchema.safeParse(value);
    if (item.success) items.push(item.data);
    else rejected.push({ id, value });
  }
  // The old journal showed items by the time they were added; the file keeps that order.
  items.sort((a, b) => a.addedAt - b.addedAt);
  return { items, rejected };
}
