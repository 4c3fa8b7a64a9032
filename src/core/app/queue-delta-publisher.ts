import type { QueueDelta, QueueItemView } from '../../shared/ipc-contract';
import type { QueueItem } from '../pipeline/queue-item';

/** What the publisher needs besides the changes it is told about. */
export interface QueueDeltaSource {
  /** One item as the renderer sees it. */
  view(item: QueueItem): QueueItemView;
  /** When Strava's rate limit holds uploads back, if it does. */
  rateLimitedUntil(): Promise<number | undefined>;
}

/**
 * Turns the pipeline's changes (the items it saved, the ids it removed) into
 * numbered deltas carrying only those rows, at most one per `everyMs`: many changes
 * within that time become one delta, with each row as it is by then. A push costs
 * what changed, never the size of the queue.
 */
export class QueueDeltaPublisher {
  /** Rows changed since the last delta, by id, in the order they first changed. */
  private dirty = new Map<string, QueueItem>();
  /** Ids removed since the last delta (a row queued again after is in `dirty` too). */
  private gone = new Set<string>();
  private readonly listeners = new Set<(delta: QueueDelta) => void>();
  private seqNow = 0;
  private lastUntil: number | undefined;
  private timer: NodeJS.Timeout | undefined;
  private lastPush = Number.NEGATIVE_INFINITY;

  constructor(
    private readonly source: QueueDeltaSource,
    private readonly options: { everyMs: number },
  ) {}

  /**
   * The number of the last delta made. A snapshot taken now may already show rows of
   * the next delta: that delta then sends them again, and the ids removed since, which
   * the renderer applies as no-ops, so it ends where main is.
   */
  get seq(): number {
    return this.seqNow;
  }

  /** Calls `listener` with every delta; returns the unsubscribe function. */
  subscribe(listener: (delta: QueueDelta) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Notes what the queue did (Pipeline.subscribe's arguments): a delta follows within `everyMs`. */
  note(changed: readonly QueueItem[], removed: readonly string[]): void {
    for (const id of removed) {
      this.dirty.delete(id);
      this.gone.add(id);
    }
    // The latest object of a row wins; its place in `dirty` is where it first changed,
    // unless it was removed since, which is the renderer's order too (removed rows
    // queued again go to the end).
    for (const item of changed) this.dirty.set(item.id, item);
    this.schedule();
  }

  /** Notes that something outside the rows changed (the rate limit): a delta follows if it did. */
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
    if (this.dirty.size === 0 && this.gone.size === 0 && until === this.lastUntil) return;
    const changed = [...this.dirty.values()];
    const removed = [...this.gone];
    this.dirty = new Map();
    this.gone = new Set();
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
}
