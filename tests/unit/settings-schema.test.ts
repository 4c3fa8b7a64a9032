import { describe, expect, it } from 'vitest';
import { shapeOptionsSchema } from '../../src/core/shape/shape-options';
import { applySettingsPatch } from '../../src/core/settings/settings-patch';
import { UploadError } from '../../src/core/errors/upload-error';
import {
  baseUrlProblem,
  userSettingsSchema,
  type SettingsPatch,
} from '../../src/shared/settings-schema';

const released = userSettingsSchema({ development: false });
const defaults = released.parse({});

/** The per-field reasons a patch is refused with (it must be refused). */
function refusal(patch: SettingsPatch, development = false): Record<string, string> {
  try {
    applySettingsPatch(defaults, patch, development);
  } catch (error) {
    expect(error).toBeInstanceOf(UploadError);
    expect((error as UploadError).kind).toBe('invalid-input');
    return (error as UploadError).fields ?? {};
  }
  throw new Error('the patch was accepted');
}

describe('the settings schema', () => {
  it('fills every default', () => {
    expect(defaults).toEqual({
      advanced: {},
      uploads: {
        concurrency: 2,
        shaping: { privacyZones: [], trimStartM: 0, trimEndM: 0, hideFromHome: false },
      },
      appearance: 'system',
      watchedFolder: null,
      batchNotifications: true,
    });
  });

  it('refuses concurrency 9 with a reason, and accepts 1 to 4', () => {
    expect(refusal({ uploads: { concurrency: 9 } })).toEqual({
      'uploads.concurrency': 'At most 4 uploads run at once.',
    });
    expect(refusal({ uploads: { concurrency: 0 } })['uploads.concurrency']).toMatch(/At least 1/);
    expect(refusal({ uploads: { concurrency: 2.5 } })['uploads.concurrency']).toMatch(/whole/);
    expect(
      applySettingsPatch(defaults, { uploads: { concurrency: 4 } }, false).uploads.concurrency,
    ).toBe(4);
  });

  it("refuses the Client ID 'abc' and a Client Secret that is not one", () => {
    const fields = refusal({ stravaClientId: 'abc', stravaClientSecret: 'short' });
    expect(fields.stravaClientId).toMatch(/is a number/);
    expect(fields.stravaClientSecret).toMatch(/40 letters/);
    expect(applySettingsPatch(defaults, { stravaClientId: ' 12345 ' }, false).stravaClientId).toBe(
      '12345',
    );
  });

  it('refuses an http host, and any non-https scheme', () => {
    expect(refusal({ advanced: { mtpwBaseUrl: 'http://mtp.example.org' } })).toEqual({
      'advanced.mtpwBaseUrl': 'Use an https:// address: plain http is not private.',
    });
    expect(refusal({ advanced: { stravaSiteUrl: 'ftp://strava.com' } })).toHaveProperty(
      'advanced.stravaSiteUrl',
    );
    expect(refusal({ advanced: { stravaApiUrl: 'not a url' } })['advanced.stravaApiUrl']).toMatch(
      /full address/,
    );
    expect(baseUrlProblem('https://user:pw@strava.com', true)).toMatch(/user name/);
    expect(baseUrlProblem('http://127.0.0.1.evil.com', true)).toMatch(/https/);
  });

  it('allows loopback http only in development', () => {
    for (const host of ['http://127.0.0.1:8080', 'http://localhost:9', 'http://[::1]:7']) {
      expect(refusal({ advanced: { stravaSiteUrl: host } })['advanced.stravaSiteUrl']).toMatch(
        /only in a development build/,
      );
      expect(
        applySettingsPatch(defaults, { advanced: { stravaSiteUrl: `${host}/` } }, true).advanced
          .stravaSiteUrl,
      ).toBe(host);
    }
  });

  it('clears a text setting back to its default when it is sent empty', () => {
    const set = applySettingsPatch(
      defaults,
      { advanced: { mtpwBaseUrl: 'https://m.example' } },
      false,
    );
    expect(applySettingsPatch(set, { advanced: { mtpwBaseUrl: '' } }, false).advanced).toEqual({});
  });

  it('takes an absolute watched folder or none, never a relative one', () => {
    expect(refusal({ watchedFolder: 'MTP/sequences' })).toHaveProperty('watchedFolder');
    expect(
      applySettingsPatch(defaults, { watchedFolder: '/home/a/MTP' }, false).watchedFolder,
    ).toBe('/home/a/MTP');
    expect(
      applySettingsPatch(defaults, { watchedFolder: 'C:\\Users\\a' }, false).watchedFolder,
    ).toBe('C:\\Users\\a');
    expect(applySettingsPatch(defaults, { watchedFolder: null }, false).watchedFolder).toBeNull();
  });

  it('names the bad privacy zone field, and refuses the whole patch', () => {
    const fields = refusal({
      appearance: 'dark',
      uploads: { shaping: { privacyZones: [{ lat: 95, lon: 0, radiusM: 200 }] } },
    });
    expect(fields).toEqual({
      'uploads.shaping.privacyZones.0.lat': 'Latitude is between -90 and 90.',
    });
    expect(refusal({ appearance: 'sepia' })).toHaveProperty('appearance');
  });

  it("gives shaping defaults that core's shaping options accept as they are", () => {
    const shaping = applySettingsPatch(
      defaults,
      {
        uploads: {
          shaping: {
            privacyZones: [{ lat: 51.5, lon: -0.1, radiusM: 250 }],
            trimStartM: 100,
            trimEndM: 50,
            hideFromHome: true,
          },
        },
      },
      false,
    ).uploads.shaping;
    expect(shapeOptionsSchema.parse(shaping)).toMatchObject(shaping);
  });
});
