import { describe, expect, it } from 'vitest';
import { UploadError } from '../../src/core/errors/upload-error';
import { applyFailure } from '../../src/core/pipeline/item-failure';
import type { QueueItem } from '../../src/core/pipeline/queue-item';

const now = Date.UTC(2026, 10, 23, 10, 7);
const item: QueueItem = {
  id: '0123456789abcdef',
  folder: '/s/a',
  name: 'A',
  stage: 'uploading',
  attempts: 2,
  createMtpw: false,
  mtpwSynced: false,
  polls: 0,
  bytesSent: 0,
  bytesTotal: 0,
  addedAt: 0,
  updatedAt: 0,
};
const retry = { maxAutoRetries: 3, baseDelayMs: 1000, jitter: 0 };

describe('applyFailure', () => {
  it.each([
    ['refused by the client before sending', undefined],
    ['answered 429 by Strava', 429],
  ])('waits for the rate-limit window without spending a try when %s', (_name, status) => {
    const error = new UploadError({
      kind: 'rate-limit',
      message: 'Full.',
      retryable: true,
      retryAt: now + 8 * 60_000,
      ...(status ? { status } : {}),
    });
    const next = applyFailure(item, 'uploading', error, now, retry);
    expect(next).toMatchObject({
      stage: 'uploading',
      attempts: 2,
      notBefore: now + 8 * 60_000,
      waitingFor: expect.stringMatching(/rate limit/),
    });
  });

  it('spends a try on a server error, and stops after the last one', () => {
    const error = new UploadError({
      kind: 'server',
      message: 'Strava is having trouble.',
      retryable: true,
      status: 503,
    });
    expect(applyFailure(item, 'uploading', error, now, retry)).toMatchObject({
      attempts: 3,
      notBefore: now + 1000 * 16,
    });
    expect(applyFailure({ ...item, attempts: 3 }, 'uploading', error, now, retry)).toMatchObject({
      stage: 'failed',
      failedStep: 'uploading',
      error: { kind: 'server' },
    });
  });

  it('fails a bug (a thrown TypeError) at once as internal, with words and no stack, and at once on what a retry cannot fix', () => {
    const bug = new TypeError("Cannot read properties of undefined (reading 'id')");
    bug.stack = `TypeError: ${bug.message}\n    at x (y.ts:1:1)`;
    const next = applyFailure(item, 'reading', bug, now, retry);
    expect(next).toMatchObject({
      stage: 'failed',
      failedStep: 'reading',
      attempts: 2,
      error: { kind: 'internal', retryable: false, message: expect.stringContaining('"A"') },
    });
    expect(next.error?.message).not.toMatch(/TypeError|undefined/);
    expect(next.notBefore).toBeUndefined();
    const hard = applyFailure(
      item,
      'reading',
      new UploadError({ kind: 'invalid-gpx', message: 'Bad.', retryable: false }),
      now,
      retry,
    );
    expect(hard).toMatchObject({
      stage: 'failed',
      failedStep: 'reading',
      error: { message: 'Bad.' },
    });
    expect(JSON.stringify(next)).not.toMatch(/y\.ts:1:1/);
  });
});
