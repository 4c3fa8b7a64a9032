import { describe, expect, it } from 'vitest';
import { mentionsSettings } from '../../src/renderer/settings/mentions-settings';
import { fieldProblems, typedNumber } from '../../src/renderer/settings/field-problems';

describe('the Settings screen’s own checks', () => {
  it('finds the messages that send the user to Settings, and only those', () => {
    expect(
      mentionsSettings(
        'The Strava API app is not set up yet: enter its Client ID and Client Secret in Settings.',
      ),
    ).toBe(true);
    expect(mentionsSettings('Use a Strava API app of your own in Settings.')).toBe(true);
    expect(mentionsSettings('Strava is having trouble right now.')).toBe(false);
    expect(mentionsSettings('Check the settings in Strava.')).toBe(false);
  });

  it('names each field a form may not send, with the schema’s words', () => {
    expect(
      fieldProblems(
        { uploads: { concurrency: typedNumber('9') }, advanced: { mtpwBaseUrl: 'http://x.org' } },
        false,
      ),
    ).toEqual({
      'uploads.concurrency': 'At most 4 uploads run at once.',
      'advanced.mtpwBaseUrl': 'Use an https:// address: plain http is not private.',
    });
    expect(fieldProblems({ uploads: { concurrency: typedNumber('') } }, false)).toHaveProperty(
      'uploads.concurrency',
    );
    expect(fieldProblems({ advanced: { stravaSiteUrl: 'http://127.0.0.1:9' } }, true)).toEqual({});
  });
});
