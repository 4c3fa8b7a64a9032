import { describe, expect, it } from 'vitest';
import { WaitIndex } from '../../src/core/pipeline/wait-index';
import type { QueueItem } from '../../src/core/pipeline/queue-item';
import { sampleItem } from '../support/sample-items';

const now = 1_700_000_000_000;
const item = (i: number, overrides: Partial<QueueItem>) => {
  const base = sampleItem(i, overrides);
  if (!('notBefore' in overrides)) delete base.notBefore;
  return base;
};
const drain = (index: WaitIndex) => {
  const ids: string[] = [];
  for (let id = index.takeStep(); id !== undefined; id = index.takeStep()) ids.push(id);
  return ids;
};

describe('the index of what items wait for', () => {
  it('gives ready steps in queue order, whatever order they became ready in', () => {
    const index = new WaitIndex([], now);
    const items = [0, 1, 2, 3].map((i) => item(i, { stage: 'queued' }));
    for (const i of items) index.update(i, now);
    index.update({ ...items[2]!, stage: 'uploading' }, now);
    index.update({ ...items[0]!, stage: 'syncing' }, now);
    expect(drain(index)).toEqual(items.map((i) => i.id));
    expect(index.takeStep()).toBeUndefined();
  });

  it('holds an item waiting for a time until then, and says when the first wait ends', () => {
    const index = new WaitIndex([], now);
    index.update(item(1, { stage: 'uploading', notBefore: now + 5_000 }), now);
    index.update(item(2, { stage: 'uploading', notBefore: now + 2_000 }), now);
    expect(index.takeStep()).toBeUndefined();
    expect(index.nextWake()).toBe(now + 2_000);
    index.promote(now + 2_000);
    expect(drain(index)).toEqual([item(2, {}).id]);
    expect(index.nextWake()).toBe(now + 5_000);
  });

  it('forgets the earlier waits of an item saved again', () => {
    const index = new WaitIndex([], now);
    const one = item(1, { stage: 'uploading', notBefore: now + 1_000 });
    index.update(one, now);
    index.update({ ...one, notBefore: now + 9_000 }, now);
    index.promote(now + 1_000);
    expect(index.takeStep()).toBeUndefined();
    expect(index.nextWake()).toBe(now + 9_000);
    index.update({ ...one, stage: 'done' }, now);
    expect(index.nextWake()).toBeUndefined();
    expect(index.counts()).toMatchObject({ done: 1, uploading: 0 });
  });

  it('keeps uploads in processing apart: the due ones, or all of them for one list read', () => {
    const index = new WaitIndex([], now);
    const due = item(1, { stage: 'processing' });
    const later = item(2, { stage: 'processing', notBefore: now + 3_000 });
    index.update(due, now);
    index.update(later, now);
    index.update(item(3, { stage: 'syncing' }), now);
    expect(index.hasDueProcessing()).toBe(true);
    expect(index.takeProcessing({ all: true }).sort()).toEqual([due.id, later.id].sort());
    expect(index.hasDueProcessing()).toBe(false);
    expect(drain(index)).toEqual([item(3, {}).id]);
    index.update(due, now);
    expect(index.takeProcessing({ all: false })).toEqual([due.id]);
  });

  it("counts what is left, and what only waits on Strava's slow processing", () => {
    const index = new WaitIndex(
      [
        item(1, { stage: 'done' }),
        item(2, { stage: 'failed' }),
        item(3, { stage: 'processing', slowProcessing: true, notBefore: now + 600_000 }),
      ],
      now,
    );
    expect(index.pending).toBe(1);
    expect(index.waitingOnSlowProcessing).toBe(1);
    index.promote(now + 600_000);
    expect(index.waitingOnSlowProcessing).toBe(0);
    index.delete(item(3, {}).id);
    expect(index.pending).toBe(0);
  });
});
