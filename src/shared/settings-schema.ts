import { z } from 'zod';

/**
 * The user's settings, one shape for core (which stores and applies them) and the
 * renderer (which checks a form before it is sent). Core checks again: the renderer
 * is not trusted. The Strava client secret is not here: it lives in the keychain.
 */

/** Hosts a development build may reach over plain http: the simulator and local proxies. */
const loopbackHosts = new Set(['127.0.0.1', 'localhost', '[::1]']);

export const appearances = ['system', 'light', 'dark'] as const;
export type Appearance = (typeof appearances)[number];

/** Steps that run at once: more than 4 only spends Strava's budget faster, it does not upload faster. */
export const concurrencyLimits = { min: 1, max: 4, default: 2 } as const;

/** Why a base URL cannot be used (in words for the form), or undefined when it can. */
export function baseUrlProblem(text: string, development: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'Enter a full address, like https://www.strava.com.';
  }
  if (url.username || url.password)
    return 'An address with a user name or password cannot be used.';
  if (url.search || url.hash) return 'Leave out the ? and # parts of the address.';
  if (url.protocol === 'https:') return undefined;
  if (url.protocol !== 'http:') return 'Use an https:// address.';
  if (!loopbackHosts.has(url.hostname))
    return 'Use an https:// address: plain http is not private.';
  return development
    ? undefined
    : 'Plain http:// is allowed only for this computer (localhost), and only in a development build.';
}

/** Whether a path is absolute on any of the desktop systems (POSIX, a Windows drive, a UNC share). */
export function isAbsolutePath(path: string): boolean {
  return path.startsWith('/') || /^[A-Za-z]:[\\/]/.test(path) || path.startsWith('\\\\');
}

const metres = (what: string) =>
  z
    .number({ error: `${what} must be a number of metres.` })
    .min(0, `${what} cannot be negative.`)
    .max(100_000, `${what} is at most 100 km.`);

/** A circle around a private place; the same fields as core's shaping option (shape-options.ts). */
export const privacyZoneSettingSchema = z.strictObject({
  lat: z
    .number({ error: 'Latitude must be a number.' })
    .min(-90, 'Latitude is between -90 and 90.')
    .max(90, 'Latitude is between -90 and 90.'),
  lon: z
    .number({ error: 'Longitude must be a number.' })
    .min(-180, 'Longitude is between -180 and 180.')
    .max(180, 'Longitude is between -180 and 180.'),
  radiusM: z
    .number({ error: 'The radius must be a number of metres.' })
    .positive('The radius must be more than 0 m.')
    .max(100_000, 'The radius is at most 100 km.'),
});
export type PrivacyZoneSetting = z.infer<typeof privacyZoneSettingSchema>;

/** The shaping each new upload starts with. */
export const shapingDefaultsSchema = z.strictObject({
  privacyZones: z
    .array(privacyZoneSettingSchema)
    .max(100, 'At most 100 privacy zones.')
    .default([]),
  trimStartM: metres('The start trim').default(0),
  trimEndM: metres('The end trim').default(0),
  hideFromHome: z.boolean().default(false),
});
export type ShapingDefaults = z.infer<typeof shapingDefaultsSchema>;

/** The user's settings; `development` decides whether loopback http hosts are allowed. */
export function userSettingsSchema(options: { development: boolean }) {
  const baseUrl = z
    .string()
    .trim()
    .superRefine((value, ctx) => {
      const problem = baseUrlProblem(value, options.development);
      if (problem) ctx.addIssue({ code: 'custom', message: problem });
    })
    .transform((value) => value.replace(/\/+$/, ''));
  return z.object({
    stravaClientId: z
      .string()
      .trim()
      .regex(/^\d{1,20}$/, 'A Client ID is a number: copy it from your Strava API settings.')
      .optional(),
    mtpwClientId: z
      .string()
      .trim()
      .regex(/^[\w.-]{1,200}$/, 'A client id is letters, digits, dots, dashes and underscores.')
      .optional(),
    advanced: z
      .object({
        stravaSiteUrl: baseUrl.optional(),
        stravaApiUrl: baseUrl.optional(),
        mtpwBaseUrl: baseUrl.optional(),
      })
      .prefault({}),
    uploads: z
      .object({
        concurrency: z
          .number({ error: 'Enter how many uploads run at once.' })
          .int('Enter a whole number.')
          .min(concurrencyLimits.min, 'At least 1 upload runs at a time.')
          .max(concurrencyLimits.max, 'At most 4 uploads run at once.')
          .default(concurrencyLimits.default),
        shaping: shapingDefaultsSchema.prefault({}),
      })
      .prefault({}),
    appearance: z.enum(appearances, { error: 'Choose system, light or dark.' }).default('system'),
    watchedFolder: z
      .string()
      .max(4096)
      .refine(isAbsolutePath, 'Enter the full path of a folder, or choose one.')
      .nullable()
      .default(null),
    batchNotifications: z.boolean().default(true),
  });
}
export type UserSettings = z.output<ReturnType<typeof userSettingsSchema>>;

/** A Strava client secret as Strava shows it: 40 hexadecimal characters (a little slack either way). */
export const stravaClientSecretPattern = /^[0-9a-f]{20,80}$/i;

const text = (max: number) => z.string().max(max);

/**
 * A change from the Settings screen: only the fields sent change. Types are checked
 * here; values are checked by core with `userSettingsSchema`, which can say per field
 * why one is refused. An empty text clears a setting back to its default.
 */
export const settingsPatchSchema = z
  .object({
    stravaClientId: text(100).optional(),
    /** Goes to the keychain; never stored with the settings, never sent back. */
    stravaClientSecret: text(200).optional(),
    mtpwClientId: text(300).optional(),
    advanced: z
      .object({
        stravaSiteUrl: text(2000).optional(),
        stravaApiUrl: text(2000).optional(),
        mtpwBaseUrl: text(2000).optional(),
      })
      .strict()
      .optional(),
    uploads: z
      .object({
        concurrency: z.number().optional(),
        shaping: z
          .object({
            privacyZones: z
              .array(z.object({ lat: z.number(), lon: z.number(), radiusM: z.number() }).strict())
              .max(1000)
              .optional(),
            trimStartM: z.number().optional(),
            trimEndM: z.number().optional(),
            hideFromHome: z.boolean().optional(),
          })
          .strict()
          .optional(),
      })
      .strict()
      .optional(),
    appearance: text(20).optional(),
    watchedFolder: text(4096).nullable().optional(),
    batchNotifications: z.boolean().optional(),
  })
  .strict();
export type SettingsPatch = z.infer<typeof settingsPatchSchema>;

/** What `settings:get` and `settings:set` answer: the settings, and what is in effect. Never a secret. */
export const settingsViewSchema = z.object({
  /** The Client ID in use (the user's, else the one from `.env`). */
  stravaClientId: z.string().optional(),
  /** Whether a Client Secret is stored: the secret itself never crosses. */
  hasStravaClientSecret: z.boolean(),
  /** In effect: the Strava site root and API base, and Map the Paths' base URL. */
  stravaBaseUrl: z.string(),
  stravaApiUrl: z.string(),
  mtpwBaseUrl: z.string(),
  mtpwClientId: z.string().optional(),
  /** The user's own base URLs (absent: the default is in effect). */
  advanced: z.object({
    stravaSiteUrl: z.string().optional(),
    stravaApiUrl: z.string().optional(),
    mtpwBaseUrl: z.string().optional(),
  }),
  uploads: z.object({
    concurrency: z.number().int(),
    shaping: z.object({
      privacyZones: z.array(z.object({ lat: z.number(), lon: z.number(), radiusM: z.number() })),
      trimStartM: z.number(),
      trimEndM: z.number(),
      hideFromHome: z.boolean(),
    }),
  }),
  appearance: z.enum(appearances),
  watchedFolder: z.string().nullable(),
  batchNotifications: z.boolean(),
  /** The "Authorization Callback Domain" to enter on Strava's API settings page. */
  callbackDomain: z.string(),
  /** Whether loopback http hosts are allowed (a development build): the form checks as core does. */
  development: z.boolean(),
});
export type SettingsView = z.infer<typeof settingsViewSchema>;
