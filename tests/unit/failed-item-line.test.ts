import { describe, expect, it } from 'vitest';
import { itemLine } from '../../src/cli/progress-view';
import type { QueueItem } from '../../src/core/pipeline/queue-item';

const failed: QueueItem = {
  id: 'abc123',
  folder: '/seq/a',
  name: 'Morning ride',
  stage: 'failed',
  failedStep: 'uploading',
  error: {
    kind: 'server',
    message: 'Strava is having trouble right now. It will be tried again.',
    retryable: true,
  },
  attempts: 5,
  createMtpw: false,
} as QueueItem;

describe('status line of an item whose automatic retries are spent', () => {
  it('says it failed, why, and how to retry, without promising another try', () => {
    const line = itemLine(failed, (id) => `https://www.strava.com/activities/${id}`);
    expect(line).toBe(
      '✗ Morning ride: failed: Strava is having trouble right now. Retry with `mtp-strava retry abc123`.',
    );
    expect(line).not.toMatch(/tried again/i);
  });
});
