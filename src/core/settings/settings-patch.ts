import {
  stravaClientSecretPattern,
  userSettingsSchema,
  type SettingsPatch,
  type UserSettings,
} from '../../shared/settings-schema';
import { UploadError } from '../errors/upload-error';

/** An empty text in the form means "back to the default". */
const cleared = (text: string | undefined): string | undefined =>
  text === undefined || text.trim() === '' ? undefined : text;

/** Overlays the fields of a patch that were sent; a cleared text field is dropped. */
function merged(current: UserSettings, patch: SettingsPatch): Record<string, unknown> {
  const next: Record<string, unknown> = { ...current };
  if (patch.stravaClientId !== undefined) next.stravaClientId = cleared(patch.stravaClientId);
  if (patch.mtpwClientId !== undefined) next.mtpwClientId = cleared(patch.mtpwClientId);
  if (patch.advanced) {
    const advanced: Record<string, unknown> = { ...current.advanced };
    for (const key of ['stravaSiteUrl', 'stravaApiUrl', 'mtpwBaseUrl'] as const)
      if (patch.advanced[key] !== undefined) advanced[key] = cleared(patch.advanced[key]);
    next.advanced = advanced;
  }
  if (patch.uploads)
    next.uploads = {
      ...current.uploads,
      ...(patch.uploads.concurrency !== undefined
        ? { concurrency: patch.uploads.concurrency }
        : {}),
      shaping: { ...current.uploads.shaping, ...patch.uploads.shaping },
    };
  if (patch.appearance !== undefined) next.appearance = patch.appearance;
  if (patch.watchedFolder !== undefined)
    next.watchedFolder =
      patch.watchedFolder === null ? null : (cleared(patch.watchedFolder) ?? null);
  if (patch.batchNotifications !== undefined) next.batchNotifications = patch.batchNotifications;
  for (const key of Object.keys(next)) if (next[key] === undefined) delete next[key];
  return next;
}

/**
 * The settings a patch makes, checked whole: a value that is not valid refuses the
 * patch (nothing is stored) with a typed `invalid-input` error whose `fields` say,
 * per field path, why.
 */
export function applySettingsPatch(
  current: UserSettings,
  patch: SettingsPatch,
  development: boolean,
): UserSettings {
  const fields: Record<string, string> = {};
  const secret = cleared(patch.stravaClientSecret);
  if (secret !== undefined && !stravaClientSecretPattern.test(secret.trim()))
    fields.stravaClientSecret =
      'A Client Secret is 40 letters a–f and digits: copy it from your Strava API settings.';
  const parsed = userSettingsSchema({ development }).safeParse(merged(current, patch));
  if (!parsed.success)
    for (const issue of parsed.error.issues) {
      const path = issue.path.join('.');
      fields[path] ??= issue.message;
    }
  if (!parsed.success || Object.keys(fields).length > 0) {
    const reasons = Object.values(fields);
    throw new UploadError({
      kind: 'invalid-input',
      message:
        reasons.length === 1
          ? `This setting was not saved: ${reasons[0] ?? ''}`
          : `These settings were not saved: ${reasons.join(' ')}`,
      retryable: false,
      fields,
    });
  }
  return parsed.data;
}
