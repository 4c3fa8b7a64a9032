import { afterEach, describe, expect, it } from 'vitest';
import { answerOf, settledQueue, startAppHarness, type AppHarness } from '../support/app-harness';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import type { SequencePreview } from '../../src/shared/ipc-contract';

let h: AppHarness;
afterEach(async () => h?.close());

const call = async (channel: string, request: unknown = {}) => h.app.handle(channel, request);
const value = <T>(channel: string, request?: unknown) => answerOf<T>(h.app, channel, request);

/** Checks folders the way the renderer does: one request, then its streamed previews until done. */
const inspect = (requestId: string, paths: string[]) =>
  new Promise<SequencePreview[]>((resolve, reject) => {
    const previews: SequencePreview[] = [];
    const stop = h.app.onEvent((event) => {
      if (event.name !== 'folders:previewed' || event.payload.requestId !== requestId) return;
      previews.push(...event.payload.previews);
      if (!event.payload.done) return;
      stop();
      resolve(previews);
    });
    void call('folders:inspect', { requestId, paths }).then((answer) => {
      if (!answer.ok) reject(new Error(answer.error.message));
    });
  });

describe('the app controller behind the IPC contract', () => {
  it('connects both accounts, previews folders, uploads and shows activity links, without ever returning a secret', async () => {
    h = await startAppHarness();
    const answers: unknown[] = [];
    const keep = async <T>(channel: string, request: unknown = {}) => {
      const v = await value<T>(channel, request);
      answers.push(v);
      return v;
    };
    expect(await keep('accounts:get')).toEqual({
      strava: { connected: false, scopes: [] },
      mtpw: { connected: false },
      stravaAppConfigured: true,
    });
    expect(await keep('accounts:connect', { service: 'strava', method: 'window' })).toMatchObject({
      strava: { connected: true, name: 'Sam Simulator' },
    });
    expect(await keep('accounts:connect', { service: 'mtpw', method: 'window' })).toMatchObject({
      mtpw: { connected: true },
    });

    const good = await makeSequenceFolder(h.dir, {
      name: 'Bay paddle',
      mtpwId: h.sim.seedMtpwSequence(),
      track: { points: 40 },
    });
    // A drag entering the window starts the checkers ahead of the drop.
    expect(await keep('folders:prepare')).toEqual({});
    const previews = await inspect('first-drop', [good, `${h.dir}/missing`]);
    answers.push(previews);
    const byName = new Map(previews.map((p) => [p.name, p]));
    expect(byName.get('Bay paddle')).toMatchObject({ points: 40 });
    expect(byName.get('missing')?.problem).toMatchObject({ kind: 'invalid-folder' });

    const settled = settledQueue(h.app);
    await keep('queue:add', { paths: [good], createMtpw: false });
    const snapshot = await settled;
    expect(snapshot.items[0]).toMatchObject({
      stage: 'done',
      activityUrl: expect.stringMatching(/\/activities\/\d+$/),
    });
    answers.push(snapshot, await keep('settings:get'));

    const text = JSON.stringify(answers);
    for (const secret of (await h.secrets.accounts()).map(
      (a) => h.secrets.snapshot().get(a) ?? '',
    )) {
      for (const token of Object.values(
        JSON.parse(secret.startsWith('{') ? secret : '{}') as Record<string, unknown>,
      )) {
        if (typeof token === 'string' && token.length > 20) expect(text).not.toContain(token);
      }
    }
    expect(text).not.toContain('sim-client-secret');
  });

  it('asks for the Strava API app on first run, and stores the secret in the keychain', async () => {
    h = await startAppHarness({ envApp: false });
    expect(await value('accounts:get')).toMatchObject({ stravaAppConfigured: false });
    expect(await call('accounts:connect', { service: 'strava', method: 'window' })).toMatchObject({
      ok: false,
      error: { kind: 'config' },
    });
    expect(
      await call('settings:setStravaApp', { clientId: '54321', clientSecret: 'not hex!' }),
    ).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    // The simulator's secret is not hex: real Strava secrets are 40 hex digits.
    expect(
      await call('settings:setStravaApp', {
        clientId: '54321',
        clientSecret: '0123456789abcdef0123456789abcdef01234567',
      }),
    ).toMatchObject({ ok: true, value: { stravaClientId: '54321', hasStravaClientSecret: true } });
    expect(h.secrets.snapshot().get('strava.clientSecret')).toBe(
      '0123456789abcdef0123456789abcdef01234567',
    );
    expect(await value('accounts:get')).toMatchObject({ stravaAppConfigured: true });
  });

  it('shows a failure with its reason and a Retry that then succeeds without a duplicate', async () => {
    h = await startAppHarness();
    await value('accounts:connect', { service: 'strava', method: 'browser' });
    h.sim.faults.add('POST /api/v3/uploads', { type: 'status', status: 500 }, { times: 4 });
    const folder = await makeSequenceFolder(h.dir, { name: 'Outage', track: { points: 30 } });
    let settled = settledQueue(h.app);
    await value('queue:add', { paths: [folder], createMtpw: false });
    const failed = await settled;
    expect(failed.items[0]).toMatchObject({
      stage: 'failed',
      failedStep: 'uploading',
      error: { kind: 'server', message: expect.stringMatching(/Strava is having trouble/) },
    });
    settled = settledQueue(h.app);
    await value('queue:retry', { id: failed.items[0]?.id });
    expect((await settled).items[0]?.stage).toBe('done');
    expect(h.sim.state().activities).toHaveLength(1);
    expect(h.opened.some((u) => u.includes('/oauth/authorize'))).toBe(true);
  });

  it.each([
    ['an unknown channel', 'app:exec', {}],
    ['a missing field', 'accounts:connect', { service: 'strava' }],
    ['an unknown service', 'accounts:connect', { service: 'google', method: 'window' }],
    ['extra fields', 'queue:get', { evil: true }],
    ['a path list that is not a list', 'queue:add', { paths: '/etc', createMtpw: false }],
    ['an id that is not ours', 'queue:retry', { id: '../../x' }],
    ['a non-numeric activity id', 'shell:openActivity', { activityId: 'javascript:alert(1)' }],
    ['a prototype trick', '__proto__', {}],
    ['a non-object request', 'queue:add', 'rm -rf /'],
  ])('rejects %s with a validation error and no change', async (_name, channel, request) => {
    h = await startAppHarness();
    const result = await call(channel, request);
    expect(result).toMatchObject({ ok: false, error: { kind: 'invalid-input' } });
    expect(h.opened).toEqual([]);
    expect(await value('queue:get')).toEqual({ seq: 0, items: [] });
  });

  it('opens only Strava activity pages', async () => {
    h = await startAppHarness();
    expect(await value('shell:openActivity', { activityId: '18106372042' })).toEqual({
      opened: true,
    });
    expect(h.opened).toEqual([`${h.sim.url}/activities/18106372042`]);
  });
});
