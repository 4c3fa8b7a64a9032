import { z } from 'zod';
import type { StateStore } from '../ports';
import { queueItemSchema, type QueueItem } from './queue-item';

const journalKey = 'pipeline.items';
const storedSchema = z.record(z.string(), z.unknown());

/**
 * The pipeline's durable memory: every item, written before and after each network
 * step, so a crash or quit resumes where it stopped. Entries that fail to parse
 * (a damaged or older file) are set aside, never crash the app.
 */
export class Journal {
  private readonly items = new Map<string, QueueItem>();

  constructor(private readonly store: StateStore) {
    const raw = storedSchema.safeParse(store.get(journalKey));
    if (!raw.success) return;
    for (const [id, value] of Object.entries(raw.data)) {
      const item = queueItemSchema.safeParse(value);
      if (item.success) this.items.set(id, item.data);
    }
  }

  /** Every item, oldest first. */
  all(): QueueItem[] {
    return [...this.items.values()].sort((a, b) => a.addedAt - b.addedAt);
  }

  /** One item by id. */
  get(id: string): QueueItem | undefined {
    return this.items.get(id);
  }

  /** Stores the item and writes the whole journal durably before returning. */
  save(item: QueueItem): void {
    this.items.set(item.id, item);
    this.flush();
  }

  /** Forgets an item. */
  remove(id: string): void {
    this.items.delete(id);
    this.flush();
  }

  private flush(): void {
    this.store.set(journalKey, Object.fromEntries(this.items));
  }
}
