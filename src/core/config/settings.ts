import { z } from 'zod';
import { UploadError } from '../errors/upload-error';
import { stravaEndpoints, type StravaEndpoints } from '../strava/strava-endpoints';

const optionalText = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v === '' ? undefined : v));

/** The environment variables the app reads (from `.env` in development). */
export const settingsSchema = z.object({
  STRAVA_CLIENT_ID: optionalText.pipe(
    z
      .string()
      .regex(/^\d{1,20}$/, 'a Strava Client ID is a number')
      .optional(),
  ),
  STRAVA_CLIENT_SECRET: optionalText,
  STRAVA_BASE_URL: optionalText
    .pipe(z.url({ protocol: /^https?$/ }).optional())
    .default('https://www.strava.com'),
  STRAVA_API_URL: optionalText.pipe(z.url({ protocol: /^https?$/ }).optional()),
  MTPW_BASE_URL: optionalText
    .pipe(z.url({ protocol: /^https?$/ }).optional())
    .default('https://mtp.trekview.org'),
  MTPW_CLIENT_ID: optionalText,
});

/** Settings after validation, with the Strava endpoints derived. */
export interface Settings {
  strava: { clientId?: string; clientSecret?: string; endpoints: StravaEndpoints };
  mtpw: { baseUrl: string; clientId?: string };
}

/** Reads and checks settings from an environment-like object; a bad value is a `config` error naming it. */
export function readSettings(env: Record<string, string | undefined>): Settings {
  const parsed = settingsSchema.safeParse(env);
  if (!parsed.success) {
    const names = [...new Set(parsed.error.issues.map((i) => String(i.path[0])))].join(', ');
    throw new UploadError({
      kind: 'config',
      message: `These settings are not valid: ${names}. Check your .env file.`,
      retryable: false,
      detail: parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; '),
    });
  }
  const s = parsed.data;
  return {
    strava: {
      ...(s.STRAVA_CLIENT_ID ? { clientId: s.STRAVA_CLIENT_ID } : {}),
      ...(s.STRAVA_CLIENT_SECRET ? { clientSecret: s.STRAVA_CLIENT_SECRET } : {}),
      endpoints: stravaEndpoints(s.STRAVA_BASE_URL, s.STRAVA_API_URL),
    },
    mtpw: {
      baseUrl: s.MTPW_BASE_URL.replace(/\/+$/, ''),
      ...(s.MTPW_CLIENT_ID ? { clientId: s.MTPW_CLIENT_ID } : {}),
    },
  };
}
