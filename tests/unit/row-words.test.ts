import { describe, expect, it } from 'vitest';
import { clockTime } from '../../src/renderer/common/clock-time';
import { callMtpWith } from '../../src/renderer/mtp-call-with';
import { errorWords, waitWords } from '../../src/renderer/queue/row-words';
import type { MtpApi, QueueItemView } from '../../src/shared/ipc-contract';
import { timeSlot } from '../../src/shared/timed-words';

const at = new Date(2026, 11, 2, 14, 45, 10).getTime();
const row = (patch: Partial<QueueItemView>): QueueItemView => ({
  id: '0000000000000001',
  name: 'Harbour walk',
  folder: '/sequences/Harbour walk',
  stage: 'queued',
  bytesSent: 0,
  bytesTotal: 0,
  mtpwSynced: false,
  ...patch,
});

describe('a queue row’s times', () => {
  it('are the renderer’s clockTime of the moment core sent, in core’s words', () => {
    const waiting = row({
      waitingFor: `Waiting for Strava's rate limit; going on at ${timeSlot}`,
      notBefore: at,
    });
    expect(waitWords(waiting)).toBe(
      `Waiting for Strava's rate limit; going on at ${clockTime(at)}`,
    );
    // The banner's format, hours and minutes: no seconds on one row and none on the banner.
    expect(waitWords(waiting)).not.toContain(new Date(at).toLocaleTimeString());
    const failed = row({
      stage: 'failed',
      error: {
        kind: 'rate-limit',
        message: `The limit is used up. Uploads go on by themselves at ${timeSlot}.`,
        retryable: true,
        retryAt: at,
      },
    });
    expect(errorWords(failed)).toBe(
      `The limit is used up. Uploads go on by themselves at ${clockTime(at)}.`,
    );
  });

  it('leave words without a time as they are', () => {
    expect(waitWords(row({ waitingFor: 'Strava is processing the track', notBefore: at }))).toBe(
      'Strava is processing the track',
    );
    expect(waitWords(row({}))).toBeUndefined();
  });
});

describe('an error answer in the renderer', () => {
  it('has its time filled with clockTime before any screen shows it', async () => {
    const error = {
      kind: 'rate-limit' as const,
      message: `Strava's quarter-hour request limit is used up. Uploads go on by themselves at ${timeSlot}.`,
      retryable: true,
      retryAt: at,
    };
    const api = { 'queue:get': () => Promise.resolve({ ok: false, error }) } as unknown as MtpApi;
    const result = await callMtpWith(api, 'queue:get', {});
    expect(result).toEqual({
      ok: false,
      error: { ...error, message: error.message.replace(timeSlot, clockTime(at)) },
    });
  });
});
