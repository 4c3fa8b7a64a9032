import { describe, expect, it } from 'vitest';
import type { Logger } from '../../src/core/ports';
import { AppSettings } from '../../src/core/app/app-settings';
import { readSettings } from '../../src/core/config/settings';
import { createMemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import { UserSettingsStore, userSettingsKey } from '../../src/core/settings/user-settings-store';
import { memoryStateStore } from '../support/pipeline-harness';

function recordingLogger(): Logger & { warnings: string[] } {
  const warnings: string[] = [];
  return { warnings, info: () => undefined, warn: (message) => void warnings.push(message) };
}

describe('the stored user settings', () => {
  it('round-trip through the state store (as JSON), defaults filled', () => {
    const state = memoryStateStore();
    const logger = recordingLogger();
    const store = new UserSettingsStore(state, { development: false, logger });
    const written = {
      ...store.read(),
      stravaClientId: '777',
      appearance: 'dark' as const,
      uploads: {
        concurrency: 3,
        shaping: {
          privacyZones: [{ lat: 1, lon: 2, radiusM: 3 }],
          trimStartM: 5,
          trimEndM: 0,
          hideFromHome: true,
        },
      },
    };
    store.write(written);
    expect(new UserSettingsStore(state, { development: false, logger }).read()).toEqual(written);
    expect(logger.warnings).toEqual([]);
  });

  it('falls back to the default of a bad stored value, keeps the rest, and warns', () => {
    const state = memoryStateStore();
    const logger = recordingLogger();
    state.set(userSettingsKey, {
      appearance: 'dark',
      uploads: { concurrency: 9 },
      advanced: { stravaSiteUrl: 'http://strava.example' },
      batchNotifications: 'yes',
    });
    const read = new UserSettingsStore(state, { development: false, logger }).read();
    expect(read.appearance).toBe('dark');
    expect(read.uploads.concurrency).toBe(2);
    expect(read.advanced).toEqual({});
    expect(read.batchNotifications).toBe(true);
    expect(logger.warnings).toHaveLength(1);
  });

  it('never throws on a stored value that is not an object', () => {
    const state = memoryStateStore();
    const logger = recordingLogger();
    state.set(userSettingsKey, 'garbage');
    expect(new UserSettingsStore(state, { development: false, logger }).read().appearance).toBe(
      'system',
    );
    expect(logger.warnings).toHaveLength(1);
  });

  it('reads the Client ID the first-run form stored before the Settings screen', () => {
    const state = memoryStateStore();
    state.set('settings.strava.clientId', '4242');
    const read = new UserSettingsStore(state, {
      development: false,
      logger: recordingLogger(),
    }).read();
    expect(read.stravaClientId).toBe('4242');
  });
});

describe('AppSettings', () => {
  const base = readSettings({
    STRAVA_CLIENT_ID: '1',
    STRAVA_CLIENT_SECRET: 'env-secret',
    MTPW_CLIENT_ID: 'env-mtpw',
  });

  it('lets the stored settings win over .env, and keeps the secret out of the state store', async () => {
    const state = memoryStateStore();
    const secrets = createMemorySecretStore();
    const settings = new AppSettings(base, state, secrets);
    await settings.update({
      stravaClientId: '222',
      stravaClientSecret: 'ab'.repeat(20),
      mtpwClientId: 'mine',
      advanced: { stravaSiteUrl: 'https://strava.example', mtpwBaseUrl: 'https://mtp.example/' },
    });
    expect(settings.settings.strava.clientId).toBe('222');
    expect(settings.settings.strava.endpoints).toEqual({
      oauthBase: 'https://strava.example/oauth',
      apiBase: 'https://strava.example/api/v3',
    });
    expect(settings.settings.mtpw).toEqual({ baseUrl: 'https://mtp.example', clientId: 'mine' });
    expect(await settings.stravaApp()).toEqual({ clientId: '222', clientSecret: 'ab'.repeat(20) });
    expect(JSON.stringify(state.raw())).not.toContain('abab');
  });

  it('stores nothing and tells no listener when a value is refused', async () => {
    const state = memoryStateStore();
    const settings = new AppSettings(base, state, createMemorySecretStore());
    let told = 0;
    settings.onChange(() => void told++);
    await expect(
      settings.update({ appearance: 'dark', uploads: { concurrency: 9 } }),
    ).rejects.toMatchObject({
      kind: 'invalid-input',
      fields: { 'uploads.concurrency': expect.any(String) },
    });
    expect(state.raw()).toEqual({});
    expect(settings.user().appearance).toBe('system');
    expect(told).toBe(0);
    await settings.update({ uploads: { concurrency: 3 } });
    expect(told).toBe(1);
  });
});
