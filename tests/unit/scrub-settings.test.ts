import { describe, expect, it } from 'vitest';
import { Redactor } from '../../src/core/log/redact';
import { removedMark, scrubSettings } from '../../src/core/support/scrub-settings';
import { summariseQueue } from '../../src/core/support/queue-summary';

describe('settings for a support bundle', () => {
  it('removes secret-named values at any depth and masks known secrets elsewhere', () => {
    const redactor = new Redactor();
    redactor.remember('tok-1234567890');
    const scrubbed = scrubSettings(
      {
        strava: { clientId: '54321', clientSecret: 'abc', endpoints: { apiBase: 'https://x' } },
        stravaApp: { client_secret: 'def', accessToken: 'ghi', refresh_token: '' },
        password: undefined,
        note: 'pasted tok-1234567890 by mistake',
        list: [{ apiKey: 'k' }],
      },
      redactor,
    );
    expect(scrubbed).toEqual({
      strava: { clientId: '54321', clientSecret: removedMark, endpoints: { apiBase: 'https://x' } },
      stravaApp: { client_secret: removedMark, accessToken: removedMark },
      note: 'pasted [redacted] by mistake',
      list: [{ apiKey: removedMark }],
    });
  });
});

describe('the queue summary', () => {
  it('counts every stage and lists each failed item with its step and reason', () => {
    const summary = summariseQueue([
      { id: 'a', name: 'One', stage: 'done' },
      { id: 'b', name: 'Two', stage: 'processing', waitingFor: 'Strava is processing the track' },
      {
        id: 'c',
        name: 'Three',
        stage: 'failed',
        failedStep: 'uploading',
        error: {
          kind: 'server',
          message: 'Strava is having trouble.',
          retryable: true,
          status: 503,
        },
      },
    ]);
    expect(summary).toEqual({
      total: 3,
      counts: {
        queued: 0,
        reading: 0,
        uploading: 0,
        processing: 1,
        syncing: 0,
        done: 1,
        failed: 1,
      },
      failed: [
        {
          id: 'c',
          name: 'Three',
          step: 'uploading',
          reason: 'Strava is having trouble.',
          kind: 'server',
          status: 503,
        },
      ],
      waiting: [
        { id: 'b', name: 'Two', stage: 'processing', waitingFor: 'Strava is processing the track' },
      ],
    });
  });
});
