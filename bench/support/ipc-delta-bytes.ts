import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { QueueDeltaPublisher } from '../../src/core/app/queue-delta-publisher';
import { toQueueItemView } from '../../src/core/app/queue-item-view';
import { Journal } from '../../src/core/pipeline/journal';
import type { QueueItem } from '../../src/core/pipeline/queue-item';
import type { QueueDelta } from '../../src/shared/ipc-contract';

/** What one measurement found, in bytes of JSON (what the loopback bridge sends; Electron's structured clone is of the same order). */
export interface IpcDeltaFigures {
  queueSize: number;
  changes: number;
  /** queue:changed bytes per item change, as the deltas are now. */
  bytesPerChange: number;
  /** What one push of the whole queue would cost (what queue:changed sent before deltas). */
  wholeQueueBytes: number;
}

const activityUrl = (id: string) => `https://www.strava.com/activities/${id}`;

/**
 * IPC bytes per item change with `queueSize` items in the queue: a real journal in a
 * temp folder, the app's delta publisher told of each change as the pipeline tells
 * it, and `changes` single-item steps (a stage change or upload progress, one per
 * throttle window). For bench/ipc-delta.ts and bench/scale.ts.
 */
export async function measureIpcDeltaBytes(
  queueSize: number,
  changes = 200,
): Promise<IpcDeltaFigures> {
  const dir = await mkdtemp(join(tmpdir(), 'mtp-ipc-bench-'));
  const journal = Journal.open({ path: join(dir, 'journal.jsonl') });
  try {
    for (let i = 0; i < queueSize; i++) journal.save(item(i), { durable: false });
    const publisher = new QueueDeltaPublisher(
      {
        view: (i) => toQueueItemView(i, activityUrl),
        rateLimitedUntil: () => Promise.resolve(undefined),
      },
      { everyMs: 0 },
    );
    let bytes = 0;
    let next: ((delta: QueueDelta) => void) | undefined;
    publisher.subscribe((delta) => {
      bytes += Buffer.byteLength(JSON.stringify(delta));
      next?.(delta);
    });
    for (let c = 0; c < changes; c++) {
      const target = journal.get(id((c * 7919) % queueSize)) as QueueItem;
      const heard = new Promise<QueueDelta>((resolve) => (next = resolve));
      // What Pipeline.save and Pipeline.progress do, and tell their listeners.
      if (c % 2 === 0) {
        const saved = { ...target, stage: 'uploading' as const, updatedAt: target.updatedAt + 1 };
        journal.save(saved);
        publisher.note([saved], []);
      } else {
        // Upload progress is written into the item in place, and is not journaled.
        Object.assign(target, { bytesSent: target.bytesSent + 65_536, bytesTotal: 1_048_576 });
        publisher.note([target], []);
      }
      await heard;
    }
    publisher.close();
    const whole = JSON.stringify({
      seq: publisher.seq,
      items: journal.all().map((i) => toQueueItemView(i, activityUrl)),
    });
    return {
      queueSize,
      changes,
      bytesPerChange: bytes / changes,
      wholeQueueBytes: Buffer.byteLength(whole),
    };
  } finally {
    journal.close();
    await rm(dir, { recursive: true, force: true });
  }
}

const id = (n: number) => n.toString(16).padStart(16, '0');

function item(n: number): QueueItem {
  return {
    id: id(n),
    folder: `/home/user/MTP/sequences/Sequence number ${n}`,
    name: `Sequence number ${n}`,
    stage: 'queued',
    attempts: 0,
    createMtpw: false,
    mtpwSynced: false,
    polls: 0,
    bytesSent: 0,
    bytesTotal: 0,
    addedAt: 1_700_000_000_000 + n,
    updatedAt: 1_700_000_000_000 + n,
  };
}
