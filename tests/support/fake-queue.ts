import { QueueDeltaPublisher } from '../../src/core/app/queue-delta-publisher';
import { toQueueItemView } from '../../src/core/app/queue-item-view';
import type { QueueItem } from '../../src/core/pipeline/queue-item';
import type { QueueSnapshot } from '../../src/shared/ipc-contract';

/** A queue item as the journal would hold it, numbered `n` (ids are 16 hex digits). */
export function fakeItem(n: number, patch: Partial<QueueItem> = {}): QueueItem {
  return {
    id: n.toString(16).padStart(16, '0'),
    folder: `/sequences/seq-${n}`,
    name: `seq-${n}`,
    stage: 'queued',
    attempts: 0,
    createMtpw: false,
    mtpwSynced: false,
    polls: 0,
    bytesSent: 0,
    bytesTotal: 0,
    addedAt: 1,
    updatedAt: 1,
    ...patch,
  };
}

/**
 * A queue held in a Map the way the journal holds it (a new object per step, progress
 * written in place), telling a delta publisher what changed as the pipeline does,
 * and a snapshot like QueueService's.
 */
export function fakeQueue(initial: QueueItem[] = [], everyMs = 150) {
  const items = new Map(initial.map((i) => [i.id, i]));
  let until: number | undefined;
  const view = (item: QueueItem) => toQueueItemView(item, (id) => `https://strava.test/a/${id}`);
  const publisher = new QueueDeltaPublisher(
    {
      view,
      rateLimitedUntil: () => Promise.resolve(until),
    },
    { everyMs },
  );
  return {
    items,
    publisher,
    /** Saves a step: a new object, as Journal.save stores it. */
    save(item: QueueItem) {
      const stored = { ...item };
      items.set(item.id, stored);
      publisher.note([stored], []);
    },
    /** Upload progress: written into the stored object, as the pipeline does. */
    progress(id: string, sent: number) {
      const item = items.get(id);
      if (!item) return;
      Object.assign(item, { bytesSent: sent, bytesTotal: 1000 });
      publisher.note([item], []);
    },
    remove(id: string) {
      if (items.delete(id)) publisher.note([], [id]);
    },
    rateLimit(at: number | undefined) {
      until = at;
      publisher.schedule();
    },
    /** The rows as they are, without pushing anything (what the renderer should end up with). */
    rows() {
      return [...items.values()].map(view);
    },
    /** What QueueService.snapshot answers: the rows as they are, at the last delta's number. */
    snapshot(): QueueSnapshot {
      return {
        seq: publisher.seq,
        items: [...items.values()].map(view),
        ...(until !== undefined ? { rateLimitedUntil: until } : {}),
      };
    },
  };
}
