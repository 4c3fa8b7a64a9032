import { UploadError } from '../errors/upload-error';
import { tryParseJson } from '../http/parse-json';
import { faultSchema, type Fault } from './strava-schemas';
import { nextQuarterHour } from './rate-limit-windows';

const has = (fault: Fault, resource: string, field: string, code: string): boolean =>
  (fault.errors ?? []).some(
    (e) =>
      (e.resource ?? '').toLowerCase() === resource.toLowerCase() &&
      (e.field ?? '') === field &&
      (e.code ?? '') === code,
  );

/**
 * Maps a Strava error response (the Fault shape of CONTRACTS.md) to one typed
 * UploadError: what happened in plain words, and whether retrying can help.
 */
export function stravaFaultError(status: number, text: string, now: number): UploadError {
  const parsed = faultSchema.safeParse(tryParseJson(text));
  const fault: Fault = parsed.success ? parsed.data : {};
  const detail = `HTTP ${status}: ${fault.message ?? text.slice(0, 200)} ${JSON.stringify(fault.errors ?? [])}`;
  const make = (kind: UploadError['kind'], message: string, retryable: boolean, retryAt?: number) =>
    new UploadError({
      kind,
      message,
      retryable,
      status,
      detail,
      ...(retryAt !== undefined ? { retryAt } : {}),
    });

  if (has(fault, 'Application', 'Status', 'Inactive')) {
    return make(
      'app-inactive',
      'Strava has switched this Strava API app off (its owner needs an active Strava subscription). Use a Strava API app of your own in Settings.',
      false,
    );
  }
  if (status === 429) {
    return make(
      'rate-limit',
      "Strava's upload limit for this quarter hour is reached. Uploads go on by themselves when it resets.",
      true,
      nextQuarterHour(now),
    );
  }
  if (has(fault, 'AccessToken', 'activity:write_permission', 'missing')) {
    return make(
      'scope',
      'Strava was connected without permission to upload activities. Reconnect Strava and keep "Upload your activities" ticked.',
      false,
    );
  }
  if (has(fault, 'AccessToken', 'activity:read_permission', 'missing')) {
    return make('scope', 'Strava was connected without permission to read activities.', false);
  }
  if (has(fault, 'Application', '', 'invalid')) {
    return make(
      'config',
      'Strava did not accept the Client Secret. Check the Strava API settings.',
      false,
    );
  }
  if (has(fault, 'Application', 'client_id', 'invalid')) {
    return make(
      'config',
      'Strava does not know this Client ID. Check the Strava API settings.',
      false,
    );
  }
  if (has(fault, 'Application', 'redirect_uri', 'invalid')) {
    return make(
      'config',
      "Strava refused the sign-in return address. Check the Strava API app's Authorization Callback Domain.",
      false,
    );
  }
  if (has(fault, 'AuthorizationCode', 'code', 'invalid')) {
    return make(
      'auth',
      'The Strava sign-in expired or was already used. Please connect Strava again.',
      false,
    );
  }
  if (has(fault, 'RefreshToken', 'refresh_token', 'invalid')) {
    return make('auth', 'Strava has ended this sign-in. Please reconnect Strava.', false);
  }
  if (has(fault, 'Athlete', 'access_token', 'invalid') || status === 401) {
    return make('auth', 'Strava no longer accepts this sign-in. Please reconnect Strava.', false);
  }
  if (has(fault, 'Upload', 'data', 'empty')) {
    return make('invalid-gpx', 'Strava received an empty file.', false);
  }
  if (has(fault, 'upload', 'gzip', 'invalid encoding')) {
    return make('invalid-gpx', 'Strava could not unpack the compressed track.', false);
  }
  if (status === 404) return make('not-found', 'Strava could not find this item.', false);
  if (status === 403) return make('auth', 'Strava refused access. Please reconnect Strava.', false);
  if (status >= 500)
    return make('server', 'Strava is having trouble right now. It will be tried again.', true);
  return make(
    'server',
    `Strava refused the request (${fault.message ?? 'no reason given'}).`,
    false,
  );
}
