import { describe, expect, it } from 'vitest';
import { QueueStore } from '../../src/renderer/queue/queue-store';
import type { QueueDelta, QueueItemView, QueueSnapshot } from '../../src/shared/ipc-contract';

const row = (n: number, patch: Partial<QueueItemView> = {}): QueueItemView => ({
  id: n.toString(16).padStart(16, '0'),
  name: `seq-${n}`,
  folder: `/s/${n}`,
  stage: 'queued',
  bytesSent: 0,
  bytesTotal: 0,
  mtpwSynced: false,
  ...patch,
});
const snapshot = (seq: number, items: QueueItemView[]): QueueSnapshot => ({ seq, items });
const delta = (seq: number, changed: QueueItemView[], removed: string[] = []): QueueDelta => ({
  seq,
  changed,
  removed,
});

/** A store whose snapshot requests are counted, not sent. */
function store() {
  let asked = 0;
  const s = new QueueStore(() => {
    asked += 1;
  });
  return { s, asked: () => asked };
}

describe('the renderer queue store', () => {
  it('applies deltas in place: changed rows updated, new rows at the end, removed rows gone, others untouched', () => {
    const { s } = store();
    s.acceptSnapshot(snapshot(3, [row(1), row(2), row(3)]));
    const untouched = s.get(row(3).id);
    s.applyDelta(delta(4, [row(2, { stage: 'done' }), row(9)], [row(1).id]));
    expect(s.items().map((i) => [i.name, i.stage])).toEqual([
      ['seq-2', 'done'],
      ['seq-3', 'queued'],
      ['seq-9', 'queued'],
    ]);
    expect(s.get(row(3).id)).toBe(untouched);
    expect(s.counts).toEqual({ done: 1, failed: 0, active: 2 });
    expect(s.at(2)?.name).toBe('seq-9');
  });

  it('moves an item removed and queued again in one delta to the end', () => {
    const { s } = store();
    s.acceptSnapshot(snapshot(0, [row(1), row(2)]));
    s.applyDelta(delta(1, [row(1)], [row(1).id]));
    expect(s.items().map((i) => i.name)).toEqual(['seq-2', 'seq-1']);
  });

  it('asks for a snapshot when a number is missed, then replays what came after the snapshot', () => {
    const { s, asked } = store();
    s.acceptSnapshot(snapshot(1, [row(1)]));
    s.applyDelta(delta(3, [row(1, { stage: 'uploading' })]));
    s.applyDelta(delta(4, [row(1, { stage: 'processing' })]));
    expect(asked()).toBe(1);
    // Nothing of what followed the gap is shown until the snapshot fills it.
    expect(s.get(row(1).id)?.stage).toBe('queued');
    s.acceptSnapshot(snapshot(3, [row(1, { stage: 'uploading' }), row(2)]));
    expect(s.items().map((i) => [i.name, i.stage])).toEqual([
      ['seq-1', 'processing'],
      ['seq-2', 'queued'],
    ]);
    s.applyDelta(delta(5, [row(2, { stage: 'failed' })]));
    expect(s.counts).toEqual({ done: 0, failed: 1, active: 1 });
    expect(asked()).toBe(1);
  });

  it('waits for its first snapshot before applying deltas, and ignores stale deltas and older snapshots', () => {
    const { s, asked } = store();
    s.load();
    s.applyDelta(delta(6, [row(1, { stage: 'reading' })]));
    expect(s.loaded).toBe(false);
    expect(asked()).toBe(1);
    s.acceptSnapshot(snapshot(5, [row(1)]));
    expect(s.get(row(1).id)?.stage).toBe('reading');
    s.applyDelta(delta(6, [row(1, { stage: 'done' })]));
    s.acceptSnapshot(snapshot(4, []));
    expect(s.size).toBe(1);
    expect(s.get(row(1).id)?.stage).toBe('reading');
  });

  it('asks again after a failed snapshot, and after a push that did not parse', () => {
    const { s, asked } = store();
    s.load();
    s.snapshotFailed();
    s.applyDelta(delta(1, []));
    expect(asked()).toBe(2);
    s.acceptSnapshot(snapshot(1, []));
    s.missed();
    expect(asked()).toBe(3);
  });

  it('tells its listeners what changed, and a reset after a snapshot', () => {
    const { s } = store();
    const changes: Array<{ reset: boolean; changed: string[] }> = [];
    s.subscribe((c) => changes.push({ reset: c.reset, changed: c.changed.map((i) => i.name) }));
    s.acceptSnapshot(snapshot(0, [row(1)]));
    s.applyDelta(delta(1, [row(2)]));
    expect(changes).toEqual([
      { reset: true, changed: [] },
      { reset: false, changed: ['seq-2'] },
    ]);
    expect(s.version()).toBe(2);
  });
});
