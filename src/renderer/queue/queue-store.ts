import type { QueueDelta, QueueItemView, QueueSnapshot } from '../../shared/ipc-contract';
import type { QueueCounts } from './queue-counts';

/** What one update did, for listeners that follow items (the batch notice). */
export interface QueueChange {
  /** A whole snapshot replaced the queue: look at every item. */
  reset: boolean;
  changed: readonly QueueItemView[];
}

/** Deltas heard while a snapshot is on its way; past this many, the snapshot alone is trusted. */
const maxPending = 500;

const kindOf = (item: QueueItemView): keyof QueueCounts =>
  item.stage === 'done' ? 'done' : item.stage === 'failed' ? 'failed' : 'active';

/**
 * The renderer's copy of the queue: rows in a Map by id plus an order array, kept
 * current by numbered deltas in O(rows changed): an unchanged row keeps its object,
 * so its memoized row component does not redraw, and the counts are kept as rows
 * change. (Removing rows, a user's action, rebuilds the order array once per delta.)
 * A delta whose number does not follow the last one means one was missed: the store
 * keeps it, asks for a snapshot, and replays what came after the snapshot's number.
 */
export class QueueStore {
  private readonly byId = new Map<string, QueueItemView>();
  private orderNow: string[] = [];
  private seq: number | undefined;
  private pending: QueueDelta[] = [];
  private waiting = false;
  private readonly listeners = new Set<(change: QueueChange) => void>();
  private countsNow: QueueCounts = { done: 0, failed: 0, active: 0 };
  private untilNow: number | undefined;
  private versionNow = 0;

  /** `requestSnapshot` must end in `acceptSnapshot` (or `snapshotFailed`). */
  constructor(private readonly requestSnapshot: () => void) {}

  /** Whether a snapshot has arrived yet. */
  get loaded(): boolean {
    return this.seq !== undefined;
  }

  /** Counts up on every update (for useSyncExternalStore). */
  readonly version = (): number => this.versionNow;

  /** How many rows there are. */
  get size(): number {
    return this.orderNow.length;
  }

  /** The row at a position, oldest first. */
  at(index: number): QueueItemView | undefined {
    const id = this.orderNow[index];
    return id === undefined ? undefined : this.byId.get(id);
  }

  /** One row by id. */
  get(id: string): QueueItemView | undefined {
    return this.byId.get(id);
  }

  /** Every row, oldest first (a new array: O(n), for a one-off look at all of them). */
  items(): QueueItemView[] {
    return this.orderNow.map((id) => this.byId.get(id) as QueueItemView);
  }

  /** Done, failed and still on their way. */
  get counts(): QueueCounts {
    return this.countsNow;
  }

  /** When Strava's rate limit holds uploads back, if it does. */
  get rateLimitedUntil(): number | undefined {
    return this.untilNow;
  }

  /** Calls `listener` after every update; returns the unsubscribe function. */
  readonly subscribe = (listener: (change: QueueChange) => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  /** Asks for the first snapshot. */
  load(): void {
    this.askForSnapshot();
  }

  /** Takes a whole snapshot (first load, after a gap, or a call's answer) unless it is older. */
  acceptSnapshot(snapshot: QueueSnapshot): void {
    this.waiting = false;
    if (this.seq !== undefined && snapshot.seq < this.seq) return;
    this.byId.clear();
    this.orderNow = [];
    this.countsNow = { done: 0, failed: 0, active: 0 };
    for (const item of snapshot.items) this.put(item);
    this.untilNow = snapshot.rateLimitedUntil;
    this.seq = snapshot.seq;
    const later = this.pending.filter((d) => d.seq > snapshot.seq).sort((a, b) => a.seq - b.seq);
    this.pending = [];
    this.changed({ reset: true, changed: [] });
    for (const delta of later) this.applyDelta(delta);
  }

  /** The snapshot could not be had: the next delta asks again. */
  snapshotFailed(): void {
    this.waiting = false;
  }

  /** Applies the next delta; a missed number asks for a snapshot instead. */
  applyDelta(delta: QueueDelta): void {
    if (this.seq !== undefined && delta.seq <= this.seq) return;
    if (this.seq === undefined || this.waiting || delta.seq !== this.seq + 1) {
      if (this.pending.length < maxPending) this.pending.push(delta);
      else this.pending = [];
      this.askForSnapshot();
      return;
    }
    if (delta.removed.length > 0) {
      const gone = new Set<string>();
      for (const id of delta.removed) {
        const item = this.byId.get(id);
        if (!item) continue;
        this.countsNow[kindOf(item)] -= 1;
        this.byId.delete(id);
        gone.add(id);
      }
      if (gone.size > 0) this.orderNow = this.orderNow.filter((id) => !gone.has(id));
    }
    for (const item of delta.changed) this.put(item);
    this.untilNow = delta.rateLimitedUntil;
    this.seq = delta.seq;
    this.changed({ reset: false, changed: delta.changed });
  }

  /** A push that did not parse: what it said is lost, so the whole queue is fetched again. */
  missed(): void {
    this.askForSnapshot();
  }

  private askForSnapshot(): void {
    if (this.waiting) return;
    this.waiting = true;
    this.requestSnapshot();
  }

  private put(item: QueueItemView): void {
    const before = this.byId.get(item.id);
    if (before) this.countsNow[kindOf(before)] -= 1;
    else this.orderNow.push(item.id);
    this.countsNow[kindOf(item)] += 1;
    this.byId.set(item.id, item);
  }

  private changed(change: QueueChange): void {
    // A new object, so a component reading the counts sees them change.
    this.countsNow = { ...this.countsNow };
    this.versionNow += 1;
    for (const listener of this.listeners) listener(change);
  }
}
