import type { QueueDelta, QueueItemView } from '../../shared/ipc-contract';
import type { QueueItem } from '../pipeline/queue-item';

/** Where the publisher reads the queue from. */
export interface QueueDeltaSource {
  /** Every item, in the queue's order. */
  items(): readonly QueueItem[];
  /** One item as the renderer sees it. */
  view(item: QueueItem): QueueItemView;
  /** When Strava's rate limit holds uploads back, if it does. */
  rateLimitedUntil(): Promise<number | undefined>;
}

/** What the receivers were last told about one item. */
interface Seen {
  item: QueueItem;
  // Upload progress is written into the item in place, so its reference alone does not show it.
  bytesSent: number;
  bytesTotal: number;
  mark: number;
}

/**
 * Turns "the queue changed" into numbered deltas carrying only the rows that changed
 * since the last one, at most one per `everyMs`: many changes within that time
 * become one delta. Items are compared by reference (the journal stores a new object
 * for every step), so finding what changed costs a pointer comparison per item and
 * no serialisation; only the changed rows are turned into views and sent.
 */
export class QueueDeltaPublisher {
  private readonly seen = new Map<string, Seen>();
  private readonly listeners = new Set<(delta: QueueDelta) => void>();
  private seqNow = 0;
  private mark = 0;
  private lastUntil: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastPush = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly source: QueueDeltaSource,
    private readonly options: { everyMs: number },
  ) {
    // What is in the queue at start-up comes with the first snapshot, not as a delta.
    this.remember(source.items());
  }

  /** The number of the last delta made. */
  get seq(): number {
    return this.seqNow;
  }

  /**
   * Pushes what changed since the last delta at once, and returns its number: a
   * snapshot taken now (with no await in between) is exactly at that number. Were the
   * snapshot ahead of what the deltas have said, an item it shows that is removed
   * before the next delta would never be reported removed.
   */
  sync(): number {
    this.publish(this.lastUntil);
    return this.seqNow;
  }

  /** Calls `listener` with every delta; returns the unsubscribe function. */
  subscribe(listener: (delta: QueueDelta) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Notes that the queue changed: a delta follows within `everyMs`. */
  schedule(): void {
    if (this.timer) return;
    const wait = Math.max(0, this.lastPush + this.options.everyMs - Date.now());
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.lastPush = Date.now();
      void this.flush();
    }, wait);
  }

  /** Stops a pending delta (the app is closing). */
  close(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.listeners.clear();
  }

  private async flush(): Promise<void> {
    this.publish(await this.source.rateLimitedUntil());
  }

  private publish(until: number | undefined): void {
    // Nothing awaits in here: the rows, the number and the push belong together.
    const { changed, removed } = this.diff(this.source.items());
    if (changed.length === 0 && removed.length === 0 && until === this.lastUntil) return;
    this.lastUntil = until;
    this.seqNow += 1;
    const delta: QueueDelta = {
      seq: this.seqNow,
      changed: changed.map((item) => this.source.view(item)),
      removed,
      ...(until !== undefined ? { rateLimitedUntil: until } : {}),
    };
    for (const listener of this.listeners) {
      try {
        listener(delta);
      } catch {
        // One broken receiver (a closed window) must not stop the others.
      }
    }
  }

  private diff(items: readonly QueueItem[]): { changed: QueueItem[]; removed: string[] } {
    const mark = ++this.mark;
    const changed: QueueItem[] = [];
    const removed: string[] = [];
    for (const item of items) {
      const seen = this.seen.get(item.id);
      // Another addedAt: removed and queued again (now at the end), so the renderer moves it too.
      if (seen && seen.item.addedAt !== item.addedAt) removed.push(item.id);
      if (
        !seen ||
        seen.item !== item ||
        seen.bytesSent !== item.bytesSent ||
        seen.bytesTotal !== item.bytesTotal
      ) {
        changed.push(item);
        this.seen.set(item.id, this.record(item, mark));
      } else {
        seen.mark = mark;
      }
    }
    // As many remembered as there are now: every one seen before is still there.
    if (this.seen.size === items.length) return { changed, removed };
    for (const [id, seen] of this.seen) {
      if (seen.mark === mark) continue;
      this.seen.delete(id);
      removed.push(id);
    }
    return { changed, removed };
  }

  private remember(items: readonly QueueItem[]): void {
    for (const item of items) this.seen.set(item.id, this.record(item, this.mark));
  }

  private record(item: QueueItem, mark: number): Seen {
    return { item, bytesSent: item.bytesSent, bytesTotal: item.bytesTotal, mark };
  }
}
