import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../support/sim-harness';
import { UploadError } from '../../src/core/errors/upload-error';

let h: SimHarness;
beforeAll(async () => {
  h = await startHarness();
  await h.signInStrava();
  await h.signInMtpw();
});
afterAll(async () => h.close());

const hostile: unknown[] = [
  undefined,
  null,
  42,
  '',
  '../../etc/passwd',
  '1; DROP TABLE',
  { toString: 1 },
  [],
  'x'.repeat(100_000),
  -1,
  NaN,
];

/** Every public client call, fed one hostile value in each argument position. */
const calls: Array<[string, (v: unknown) => Promise<unknown>]> = [
  ['upload', (v) => h.strava.api.upload(v as never)],
  ['upload fields', (v) => h.strava.api.upload({ filePath: v, dataType: v } as never)],
  ['getUpload', (v) => h.strava.api.getUpload(v as never)],
  ['getActivity', (v) => h.strava.api.getActivity(v as never)],
  ['updateActivity id', (v) => h.strava.api.updateActivity(v as never, {})],
  ['updateActivity fields', (v) => h.strava.api.updateActivity('1', v as never)],
  ['listActivities', (v) => h.strava.api.listActivities(v as never)],
  ['exchangeCode', (v) => h.strava.oauth.exchangeCode(v as never)],
  ['refresh', (v) => h.strava.oauth.refresh(v as never)],
  ['createSequence', (v) => h.mtpw.createSequence(v as never)],
  ['createSequence fields', (v) => h.mtpw.createSequence({ name: v, transportType: v } as never)],
  ['markOnStrava uuid', (v) => h.mtpw.markOnStrava(v as never, '1')],
  [
    'markOnStrava activity',
    (v) => h.mtpw.markOnStrava('0b7e0d36-8a43-4a0a-8d64-3c1f1f0f7a55', v as never),
  ],
];

describe('bad input to every client call', () => {
  it.each(calls)('%s rejects with a typed error, never anything else', async (_name, call) => {
    for (const value of hostile) {
      const outcome = await call(value).then(
        () => 'resolved',
        (error: unknown) => error,
      );
      expect(outcome).toBeInstanceOf(UploadError);
      expect((outcome as UploadError).message).not.toMatch(/at .*\.ts:\d+/);
    }
    expect(h.sim.state().requests['POST /api/v3/uploads'] ?? 0).toBe(0);
  });
});
