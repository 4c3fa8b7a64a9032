import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../support/sim-harness';

let h: SimHarness;
afterEach(async () => h?.close());

describe('MTPW client against the simulator', () => {
  it('signs in through the desktop-scheme redirect, creates a sequence and marks it on Strava', async () => {
    h = await startHarness();
    await h.signInMtpw();
    const id = await h.mtpw.createSequence({
      name: 'Bay paddle',
      transportType: 'paddleboard',
      description: 'd',
      tags: ['bay', 'sup'],
    });
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    await h.mtpw.markOnStrava(id, '18106372042');
    expect(h.sim.state().mtpw.sequences).toEqual([
      expect.objectContaining({ unique_id: id, name: 'Bay paddle', strava: '18106372042' }),
    ]);
  });

  it('reports validation errors sent as HTTP 200', async () => {
    h = await startHarness();
    await h.signInMtpw();
    await expect(
      h.mtpw.createSequence({ name: 'x', transportType: 'Teleporter' }),
    ).rejects.toMatchObject({ kind: 'mtpw', retryable: false });
  });

  it('asks to reconnect when MTPW answers 403', async () => {
    h = await startHarness();
    await h.mtpwTokens.save({ accessToken: 'not-a-real-token', connectedAt: 0 });
    await expect(h.mtpw.createSequence({ name: 'x', transportType: 'Walk' })).rejects.toMatchObject(
      { kind: 'auth', message: expect.stringMatching(/reconnect Map the Paths/) },
    );
  });

  it('survives the HTML 500 for an unknown sequence', async () => {
    h = await startHarness();
    await h.signInMtpw();
    await expect(
      h.mtpw.markOnStrava('0b7e0d36-8a43-4a0a-8d64-3c1f1f0f7a55', '1'),
    ).rejects.toMatchObject({ kind: 'mtpw', status: 500, retryable: true });
  });

  it('is "not connected" before sign-in', async () => {
    h = await startHarness();
    await expect(h.mtpw.createSequence({ name: 'x', transportType: 'Walk' })).rejects.toMatchObject(
      { kind: 'auth' },
    );
  });
});
