import { afterEach, describe, expect, it } from 'vitest';
import { filterIpcResponse } from '../../src/shared/ipc-response-filter';
import type { SettingsView } from '../../src/shared/ipc-contract';
import { startAppHarness, type AppHarness } from '../support/app-harness';

let h: AppHarness;
afterEach(async () => h?.close());

/** A call as it leaves main: answered by the controller, then filtered by the contract. */
const call = async (channel: string, request: unknown = {}) =>
  filterIpcResponse(channel, await h.app.handle(channel, request));
const view = async (channel: string, request: unknown = {}) => {
  const result = await call(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as SettingsView;
};

const secret = 'c0ffee'.repeat(6) + 'abcd';

describe('settings:get and settings:set', () => {
  it('answers the defaults, what is in effect and the callback domain, never a secret', async () => {
    h = await startAppHarness();
    expect(await view('settings:get')).toEqual({
      stravaClientId: '54321',
      hasStravaClientSecret: true,
      stravaBaseUrl: h.sim.url,
      stravaApiUrl: `${h.sim.url}/api/v3`,
      mtpwBaseUrl: h.sim.url,
      mtpwClientId: 'mtp-desktop',
      advanced: {},
      uploads: {
        concurrency: 2,
        shaping: { privacyZones: [], trimStartM: 0, trimEndM: 0, hideFromHome: false },
      },
      appearance: 'system',
      watchedFolder: null,
      batchNotifications: true,
      callbackDomain: 'localhost',
      development: true,
    });
  });

  it('stores a partial change and answers the new view, the secret going to the keychain only', async () => {
    h = await startAppHarness({ envApp: false });
    const next = await view('settings:set', {
      stravaClientId: '777',
      stravaClientSecret: secret,
      appearance: 'dark',
      uploads: { concurrency: 3, shaping: { trimStartM: 200 } },
      watchedFolder: h.dir,
      batchNotifications: false,
      advanced: { mtpwBaseUrl: `${h.sim.url}/` },
    });
    expect(next).toMatchObject({
      stravaClientId: '777',
      hasStravaClientSecret: true,
      appearance: 'dark',
      uploads: { concurrency: 3, shaping: { trimStartM: 200, trimEndM: 0 } },
      watchedFolder: h.dir,
      batchNotifications: false,
      advanced: { mtpwBaseUrl: h.sim.url },
    });
    expect(JSON.stringify(next)).not.toContain(secret);
    expect(await h.secrets.get('strava.clientSecret')).toBe(secret);
    expect(await view('settings:get')).toEqual(next);
    // Only what is sent changes.
    expect((await view('settings:set', { appearance: 'light' })).uploads.concurrency).toBe(3);
  });

  it('refuses invalid values with a reason per field, and stores none of the change', async () => {
    h = await startAppHarness();
    const before = await view('settings:get');
    const refused = await call('settings:set', {
      stravaClientId: 'abc',
      appearance: 'dark',
      uploads: { concurrency: 9 },
      advanced: { stravaSiteUrl: 'http://strava.example.org' },
    });
    expect(refused).toMatchObject({
      ok: false,
      error: {
        kind: 'invalid-input',
        retryable: false,
        fields: {
          stravaClientId: expect.stringMatching(/number/),
          'uploads.concurrency': expect.stringMatching(/At most 4/),
          'advanced.stravaSiteUrl': expect.stringMatching(/https/),
        },
      },
    });
    expect(await view('settings:get')).toEqual(before);
    // A field the contract does not know is refused before anything runs.
    expect(await call('settings:set', { clientSecret: secret })).toMatchObject({
      ok: false,
      error: { kind: 'invalid-input' },
    });
  });

  it('keeps settings:setStravaApp working, through the same checked store', async () => {
    h = await startAppHarness({ envApp: false });
    expect(
      await view('settings:setStravaApp', { clientId: '4242', clientSecret: secret }),
    ).toMatchObject({ stravaClientId: '4242', hasStravaClientSecret: true });
    expect((await call('accounts:get')).ok && (await view('settings:get')).stravaClientId).toBe(
      '4242',
    );
  });
});
