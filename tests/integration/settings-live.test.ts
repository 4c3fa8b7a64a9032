import { afterEach, describe, expect, it } from 'vitest';
import type { Accounts, QueueSnapshot, SettingsView } from '../../src/shared/ipc-contract';
import { answerOf, startAppHarness, type AppHarness } from '../support/app-harness';
import { makeSequenceFolder } from '../support/make-sequence-folder';

/** The user's own Strava API app, which the simulator knows beside the shared one. */
const ownApp = { clientId: '67890', clientSecret: 'b0'.repeat(20) };

let h: AppHarness;
afterEach(async () => h?.close());

const value = <T>(channel: string, request?: unknown) => answerOf<T>(h.app, channel, request);

/** Resolves once the queue holds `count` items, each done or failed (looked at after each change). */
const settled = (count: number) =>
  new Promise<QueueSnapshot>((resolve) => {
    const look = () =>
      void value<QueueSnapshot>('queue:get').then((s) => {
        if (
          s.items.length === count &&
          s.items.every((i) => i.stage === 'done' || i.stage === 'failed')
        ) {
          stop();
          resolve(s);
        }
      });
    const stop = h.app.onEvent((event) => {
      if (event.name === 'queue:changed') look();
    });
    look();
  });

const folder = (name: string) => makeSequenceFolder(h.dir, { name, track: { points: 30 } });

describe('settings take effect in the running app, without a restart', () => {
  it('after a change of Strava app, the queue uploads with the new app and keeps the new sign-in', async () => {
    h = await startAppHarness({ sim: { otherApps: [ownApp] } });
    await value('accounts:connect', { service: 'strava', method: 'window' });
    // The queue's pipeline is built now, with the shared app's clients.
    await value('queue:add', { paths: [await folder('First ride')], createMtpw: false });
    expect((await settled(1)).items[0]?.stage).toBe('done');

    const view = await value<SettingsView>('settings:set', {
      stravaClientId: ownApp.clientId,
      stravaClientSecret: ownApp.clientSecret,
    });
    expect(view).toMatchObject({ stravaClientId: ownApp.clientId, hasStravaClientSecret: true });
    // Tokens belong to an app: connecting again gives tokens of the user's own app.
    await value('accounts:connect', { service: 'strava', method: 'window' });
    const before = h.sim.tokenCalls().length;
    // The next upload finds its access token expired: the refresh must use the new app.
    h.sim.faults.add('POST /api/v3/uploads', { type: 'expire-token' });
    await value('queue:add', {
      paths: [await folder('Second ride'), await folder('Third ride')],
      createMtpw: false,
    });
    const after = await settled(3);

    expect(after.items.map((i) => [i.name, i.stage])).toEqual([
      ['First ride', 'done'],
      ['Second ride', 'done'],
      ['Third ride', 'done'],
    ]);
    const refreshes = h.sim.tokenCalls().slice(before);
    expect(refreshes).toContainEqual({ clientId: ownApp.clientId, grantType: 'refresh_token' });
    expect(refreshes.filter((c) => c.clientId !== ownApp.clientId)).toEqual([]);
    expect((await value<Accounts>('accounts:get')).strava.connected).toBe(true);
  });

  it('a new concurrency applies to the queue while it runs', async () => {
    h = await startAppHarness();
    await value('accounts:connect', { service: 'strava', method: 'window' });
    await value('settings:set', { uploads: { concurrency: 1 } });
    // Every upload is held unanswered: the uploads in flight are the steps running at once.
    h.sim.faults.add('POST /api/v3/uploads', { type: 'stall', ms: 2_000 }, { times: 3 });
    const uploadsSent = () => h.sim.state().requests['POST /api/v3/uploads'] ?? 0;
    const paths = await Promise.all(['A', 'B', 'C'].map((n) => folder(`Ride ${n}`)));
    await value('queue:add', { paths, createMtpw: false });
    // The first POST waits for the folder worker's start (through tsx: seconds on a loaded machine).
    await expect.poll(uploadsSent, { timeout: 30_000 }).toBe(1);
    // One step at a time: the other two were not even read while the first upload is held.
    const held = await value<QueueSnapshot>('queue:get');
    expect(held.items.filter((i) => i.stage === 'queued')).toHaveLength(2);

    await value('settings:set', { uploads: { concurrency: 3 } });
    await expect.poll(uploadsSent).toBe(3);
    // The held uploads are let go unanswered and tried again: let the queue finish before cleaning up.
    await settled(3);
  });

  // Two sign-ins and three uploads through the app: on a loaded machine, more than the usual 20 s.
  it('the rate-limit banner reads the budget the pipeline spends, across a change of app', async () => {
    h = await startAppHarness({
      sim: { otherApps: [ownApp], rateLimits: { overall: [2, 2000] } },
    });
    await value('accounts:connect', { service: 'strava', method: 'window' });
    await value('queue:add', { paths: [await folder('One')], createMtpw: false });
    await settled(1);
    // The clients are rebuilt for the new app; the budget Strava counted stays known.
    await value('settings:set', {
      stravaClientId: ownApp.clientId,
      stravaClientSecret: ownApp.clientSecret,
    });
    await value('accounts:connect', { service: 'strava', method: 'window' });
    await value('queue:add', {
      paths: [await folder('Two'), await folder('Three')],
      createMtpw: false,
    });
    await expect
      .poll(async () => (await value<QueueSnapshot>('queue:get')).rateLimitedUntil)
      .toBeGreaterThan(h.sim.clock.now());
  }, 60_000);
});
