import { z } from 'zod';
import { UploadError } from '../errors/upload-error';

/** Where Strava lives: OAuth stays on the site root; the API may move (CONTRACTS.md, 2027). */
export interface StravaEndpoints {
  /** e.g. https://www.strava.com/oauth */
  oauthBase: string;
  /** e.g. https://www.strava.com/api/v3, or https://api-v3.strava.com */
  apiBase: string;
}

const httpUrl = z.url({ protocol: /^https?$/ });

/**
 * Derives both bases from `STRAVA_BASE_URL` (site root) and the optional
 * `STRAVA_API_URL` that points the API alone at another host.
 */
export function stravaEndpoints(siteUrl: string, apiUrl?: string): StravaEndpoints {
  const site = httpUrl.safeParse(siteUrl);
  const api = apiUrl === undefined || apiUrl === '' ? undefined : httpUrl.safeParse(apiUrl);
  if (!site.success || (api && !api.success)) {
    throw new UploadError({
      kind: 'config',
      message: 'The Strava address in the settings is not a valid http(s) URL.',
      retryable: false,
    });
  }
  const root = site.data.replace(/\/+$/, '');
  return {
    oauthBase: `${root}/oauth`,
    apiBase: api?.data ? api.data.replace(/\/+$/, '') : `${root}/api/v3`,
  };
}
