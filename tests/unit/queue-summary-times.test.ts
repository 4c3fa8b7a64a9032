import { describe, expect, it } from 'vitest';
import { summariseQueue } from '../../src/core/support/queue-summary';
import { timeSlot } from '../../src/shared/timed-words';

const at = Date.UTC(2026, 11, 2, 14, 30);

describe('the diagnostics queue summary', () => {
  it('fills the time slot of waits and reasons with the moment, in UTC', () => {
    const summary = summariseQueue([
      {
        id: 'a1',
        name: 'Waiting ride',
        stage: 'uploading',
        waitingFor: `Waiting for Strava's rate limit; going on at ${timeSlot}`,
        notBefore: at,
      },
      {
        id: 'b2',
        name: 'Failed ride',
        stage: 'failed',
        failedStep: 'uploading',
        error: {
          kind: 'rate-limit',
          message: `Strava's limit is reached; try again after ${timeSlot}.`,
          retryable: true,
          retryAt: at,
        },
      },
    ]);
    expect(summary.waiting[0]?.waitingFor).toBe(
      "Waiting for Strava's rate limit; going on at 2026-12-02T14:30:00.000Z",
    );
    expect(summary.failed[0]?.reason).toBe(
      "Strava's limit is reached; try again after 2026-12-02T14:30:00.000Z.",
    );
    expect(JSON.stringify(summary)).not.toContain(timeSlot);
  });
});
