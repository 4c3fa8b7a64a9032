import { describe, expect, it } from 'vitest';
import { ProcessingTimeLearner } from '../../src/core/pipeline/processing-time-learner';

const options = { minMs: 1_000, maxMs: 30_000, initialMs: 2_000 };

/** A fake clock and Strava: each upload is answered at `now`, processed `processingMs` later, and checked at the learned wait. */
function checkUploads(learner: ProcessingTimeLearner, processingMs: number[]) {
  let now = 1_700_000_000_000;
  let ready = 0;
  for (const processing of processingMs) {
    const answeredAt = now;
    now += learner.firstWait();
    const done = answeredAt + processing <= now;
    if (done) ready += 1;
    learner.observe(now - answeredAt, done);
  }
  return { readyShare: ready / processingMs.length };
}

function seeded(seed: number) {
  return () => (seed = (seed * 16807) % 2147483647) / 2147483647;
}

describe('the processing-time learner', () => {
  it('starts at its initial wait and stays within its bounds', () => {
    const learner = new ProcessingTimeLearner(options);
    expect(learner.firstWait()).toBe(2_000);
    checkUploads(
      learner,
      Array.from({ length: 200 }, () => 0),
    );
    expect(learner.firstWait()).toBe(1_000);
    checkUploads(
      learner,
      Array.from({ length: 50 }, () => 600_000),
    );
    expect(learner.firstWait()).toBe(30_000);
  });

  it('settles where about nine uploads in ten are processed by their first check', () => {
    const random = seeded(3);
    const learner = new ProcessingTimeLearner(options);
    checkUploads(
      learner,
      Array.from({ length: 500 }, () => 1_000 + random() * 7_000),
    );
    const { readyShare } = checkUploads(
      learner,
      Array.from({ length: 2_000 }, () => 1_000 + random() * 7_000),
    );
    expect(readyShare).toBeGreaterThan(0.82);
    expect(readyShare).toBeLessThan(0.96);
  });

  it('follows a rise in processing times within a few uploads', () => {
    const learner = new ProcessingTimeLearner(options);
    checkUploads(
      learner,
      Array.from({ length: 100 }, () => 1_500),
    );
    const { readyShare } = checkUploads(
      learner,
      Array.from({ length: 4 }, () => 10_000),
    );
    expect(readyShare).toBeLessThan(1);
    expect(learner.firstWait()).toBeGreaterThanOrEqual(10_000);
  });

  it('comes down again when processing gets faster', () => {
    const learner = new ProcessingTimeLearner(options);
    checkUploads(
      learner,
      Array.from({ length: 20 }, () => 20_000),
    );
    expect(learner.firstWait()).toBeGreaterThanOrEqual(20_000);
    checkUploads(
      learner,
      Array.from({ length: 40 }, () => 1_200),
    );
    expect(learner.firstWait()).toBeLessThanOrEqual(2_500);
  });

  it('learns nothing from a check made long after the learned wait, or long before it', () => {
    const learner = new ProcessingTimeLearner(options);
    learner.observe(9_000, true);
    learner.observe(9_000, false);
    learner.observe(500, false);
    expect(learner.firstWait()).toBe(2_000);
    learner.observe(2_000, false);
    expect(learner.firstWait()).toBe(4_000);
    learner.observe(3_900, true);
    expect(learner.firstWait()).toBeLessThan(4_000);
  });
});
