import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { QueueDelta } from '../../src/shared/ipc-contract';
import { queueDeltaSchema } from '../../src/shared/ipc-contract';
import { fakeItem, fakeQueue } from '../support/fake-queue';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

/** Subscribes to the publisher and keeps every delta, checked against the contract. */
function heard(queue: ReturnType<typeof fakeQueue>): QueueDelta[] {
  const deltas: QueueDelta[] = [];
  queue.publisher.subscribe((d) => deltas.push(queueDeltaSchema.parse(d)));
  return deltas;
}

describe('the queue delta publisher', () => {
  it('coalesces every change within one throttle window into one delta of the changed rows only', async () => {
    const queue = fakeQueue([fakeItem(1), fakeItem(2), fakeItem(3), fakeItem(4)]);
    const deltas = heard(queue);
    queue.save(fakeItem(2, { stage: 'reading' }));
    queue.progress('0000000000000001', 10);
    queue.save(fakeItem(2, { stage: 'uploading' }));
    queue.progress('0000000000000001', 20);
    queue.save(fakeItem(5));
    await vi.advanceTimersByTimeAsync(200);
    expect(deltas).toHaveLength(1);
    expect(deltas[0]?.seq).toBe(1);
    expect(deltas[0]?.removed).toEqual([]);
    // Each row once, as it is by the push, in the order the rows first changed.
    expect(deltas[0]?.changed.map((r) => [r.id, r.stage, r.bytesSent])).toEqual([
      ['0000000000000002', 'uploading', 0],
      ['0000000000000001', 'queued', 20],
      ['0000000000000005', 'queued', 0],
    ]);
  });

  it('numbers deltas one after another, waits out the window between them, and sends nothing when nothing changed', async () => {
    const queue = fakeQueue([fakeItem(1)]);
    const deltas = heard(queue);
    queue.save(fakeItem(1, { stage: 'reading' }));
    await vi.advanceTimersByTimeAsync(10);
    expect(deltas.map((d) => d.seq)).toEqual([1]);
    queue.save(fakeItem(1, { stage: 'uploading' }));
    await vi.advanceTimersByTimeAsync(100);
    // Still inside the window that began with the first push.
    expect(deltas).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(60);
    expect(deltas.map((d) => d.seq)).toEqual([1, 2]);
    queue.publisher.schedule();
    await vi.advanceTimersByTimeAsync(500);
    expect(deltas.map((d) => d.seq)).toEqual([1, 2]);
    expect(queue.publisher.seq).toBe(2);
    expect(queue.snapshot().seq).toBe(2);
  });

  it('sends a removed item as removed, and one removed and queued again as both', async () => {
    const queue = fakeQueue([fakeItem(1), fakeItem(2), fakeItem(3)]);
    const deltas = heard(queue);
    queue.remove('0000000000000002');
    await vi.advanceTimersByTimeAsync(200);
    expect(deltas[0]).toEqual({ seq: 1, changed: [], removed: ['0000000000000002'] });
    queue.remove('0000000000000003');
    queue.save(fakeItem(3, { addedAt: 99 }));
    await vi.advanceTimersByTimeAsync(200);
    expect(deltas[1]?.removed).toEqual(['0000000000000003']);
    expect(deltas[1]?.changed.map((r) => r.id)).toEqual(['0000000000000003']);
  });

  it('sends what the queue held at start-up with the first snapshot, not as a delta', async () => {
    const queue = fakeQueue([fakeItem(1), fakeItem(2)]);
    const deltas = heard(queue);
    expect(queue.snapshot()).toMatchObject({
      seq: 0,
      items: [{ name: 'seq-1' }, { name: 'seq-2' }],
    });
    queue.rateLimit(5000);
    await vi.advanceTimersByTimeAsync(200);
    expect(deltas).toEqual([{ seq: 1, changed: [], removed: [], rateLimitedUntil: 5000 }]);
    queue.rateLimit(undefined);
    await vi.advanceTimersByTimeAsync(200);
    expect(deltas[1]).toEqual({ seq: 2, changed: [], removed: [] });
  });

  it('reports an item removed before the next push as removed, even one a snapshot showed before any delta did', async () => {
    const queue = fakeQueue([fakeItem(1)]);
    const deltas = heard(queue);
    queue.save(fakeItem(2));
    const snapshot = queue.snapshot();
    expect(snapshot.seq).toBe(0);
    expect(snapshot.items.map((r) => r.name)).toEqual(['seq-1', 'seq-2']);
    queue.remove('0000000000000002');
    await vi.advanceTimersByTimeAsync(200);
    expect(deltas).toEqual([{ seq: 1, changed: [], removed: ['0000000000000002'] }]);
  });

  it('keeps the bytes of a one-row change the same whatever the size of the queue', async () => {
    const sizes = [];
    for (const count of [10, 1000]) {
      const queue = fakeQueue(Array.from({ length: count }, (_, i) => fakeItem(i + 1)));
      const deltas = heard(queue);
      queue.save(fakeItem(7, { stage: 'processing' }));
      await vi.advanceTimersByTimeAsync(200);
      sizes.push(JSON.stringify(deltas[0]).length);
    }
    expect(sizes[0]).toBe(sizes[1]);
  });
});
