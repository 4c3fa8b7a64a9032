import { UploadError } from '../errors/upload-error';

/**
 * Why Map the Paths cannot connect without a configured client id: the MTP Desktop
 * Uploader's public source (trek-view/mtp-desktop-uploader @68935e8) reads
 * `process.env.MTP_WEB_APP_ID` and commits no value, so there is none to default to.
 */
export function mtpwClientIdMissingMessage(where: 'app' | 'cli'): string {
  const fix =
    where === 'app'
      ? 'enter it under Map the Paths in Settings'
      : 'set MTPW_CLIENT_ID in .env (or the environment), then run `mtp-strava login mtpw` again';
  return `Map the Paths needs its OAuth client id: the app has none built in (the MTP Desktop Uploader publishes none). Ask Map the Paths for the desktop app's client id and ${fix}.`;
}

/** The typed error a Map the Paths sign-in fails with before any window opens. */
export function mtpwClientIdMissing(where: 'app' | 'cli'): UploadError {
  return new UploadError({
    kind: 'config',
    message: mtpwClientIdMissingMessage(where),
    retryable: false,
    detail: 'MTPW_CLIENT_ID is not set',
  });
}
