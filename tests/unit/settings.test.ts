import { describe, expect, it } from 'vitest';
import { readSettings } from '../../src/core/config/settings';

describe('readSettings', () => {
  it('uses the documented defaults', () => {
    expect(readSettings({})).toEqual({
      strava: {
        endpoints: {
          oauthBase: 'https://www.strava.com/oauth',
          apiBase: 'https://www.strava.com/api/v3',
        },
      },
      mtpw: { baseUrl: 'https://mtp.trekview.org' },
    });
  });

  it('points the API alone at a new host with STRAVA_API_URL', () => {
    const s = readSettings({
      STRAVA_BASE_URL: 'http://127.0.0.1:9/',
      STRAVA_API_URL: 'https://api-v3.strava.com',
      STRAVA_CLIENT_ID: '123',
      STRAVA_CLIENT_SECRET: 'x',
    });
    expect(s.strava).toEqual({
      clientId: '123',
      clientSecret: 'x',
      endpoints: { oauthBase: 'http://127.0.0.1:9/oauth', apiBase: 'https://api-v3.strava.com' },
    });
  });

  it('names the bad setting and never echoes its value', () => {
    try {
      readSettings({ STRAVA_CLIENT_ID: 'not-a-number', MTPW_BASE_URL: 'javascript:alert(1)' });
      expect.unreachable();
    } catch (error) {
      expect(error).toMatchObject({ kind: 'config' });
      expect((error as Error).message).toContain('STRAVA_CLIENT_ID');
      expect((error as Error).message).toContain('MTPW_BASE_URL');
      expect((error as Error).message).not.toContain('not-a-number');
    }
  });
});
