import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { QueueStore } from '../../src/renderer/queue/queue-store';
import { queueDeltaSchema, stageSchema, type QueueDelta } from '../../src/shared/ipc-contract';
import { fakeItem, fakeQueue } from '../support/fake-queue';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const stages = stageSchema.options;

/** One thing that can happen to the queue, or to the pipe between main and the renderer. */
const step = fc.oneof(
  fc.record({ op: fc.constant('save' as const), n: fc.nat(12), stage: fc.constantFrom(...stages) }),
  fc.record({ op: fc.constant('progress' as const), n: fc.nat(12), sent: fc.nat(1000) }),
  fc.record({ op: fc.constant('remove' as const), n: fc.nat(12) }),
  fc.record({ op: fc.constant('readd' as const), n: fc.nat(12) }),
  fc.record({
    op: fc.constant('limit' as const),
    at: fc.option(fc.nat(10_000), { nil: undefined }),
  }),
  fc.record({ op: fc.constant('wait' as const), ms: fc.nat(400) }),
  // The next delta is lost on its way (a reloaded page, a dropped event).
  fc.record({ op: fc.constant('drop' as const) }),
);

describe('queue delta fuzzing: the renderer converges on main’s queue whatever happens', () => {
  it('ends with exactly the rows, order and rate limit of a fresh snapshot', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(step, { maxLength: 60 }), async (steps) => {
        const queue = fakeQueue([fakeItem(1), fakeItem(2)]);
        let asked = false;
        const store = new QueueStore(() => {
          asked = true;
        });
        let dropNext = false;
        queue.publisher.subscribe((delta: QueueDelta) => {
          queueDeltaSchema.parse(delta);
          if (dropNext) dropNext = false;
          else store.applyDelta(delta);
        });
        store.load();
        let addedAt = 10;
        let lastLimit: number | undefined;
        const answer = () => {
          // The snapshot a `queue:get` would answer with, arriving a step later.
          if (!asked) return;
          asked = false;
          store.acceptSnapshot(queue.snapshot());
        };
        for (const s of steps) {
          const id =
            s.op !== 'limit' && s.op !== 'wait' && s.op !== 'drop'
              ? (s.n + 1).toString(16).padStart(16, '0')
              : '';
          const existing = queue.items.get(id);
          if (s.op === 'save')
            queue.save(
              existing
                ? { ...existing, stage: s.stage }
                : fakeItem(s.n + 1, { stage: s.stage, addedAt: addedAt++ }),
            );
          if (s.op === 'progress' && existing) queue.progress(id, s.sent);
          if (s.op === 'remove') queue.remove(id);
          if (s.op === 'readd') {
            queue.remove(id);
            queue.save(fakeItem(s.n + 1, { addedAt: addedAt++ }));
          }
          if (s.op === 'limit') {
            queue.rateLimit(s.at);
            lastLimit = s.at;
          }
          if (s.op === 'drop') dropNext = true;
          if (s.op === 'wait') await vi.advanceTimersByTimeAsync(s.ms);
          answer();
        }
        // One last change that arrives, so a loss at the very end is noticed too.
        dropNext = false;
        queue.save(fakeItem(99, { addedAt: addedAt++ }));
        await vi.advanceTimersByTimeAsync(1000);
        answer();
        const rows = queue.rows();
        expect(store.items()).toEqual(rows);
        expect(store.rateLimitedUntil).toBe(lastLimit);
        const done = rows.filter((i) => i.stage === 'done').length;
        const failed = rows.filter((i) => i.stage === 'failed').length;
        expect(store.counts).toEqual({ done, failed, active: rows.length - done - failed });
        queue.publisher.close();
      }),
      { numRuns: 300 },
    );
  });
});
