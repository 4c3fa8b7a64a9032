import { join } from 'node:path';
import { withEnvFile } from '../core/config/env-file';
import { readSettings, type Settings } from '../core/config/settings';

/**
 * Settings for the app: `.env` in the working folder during development, and
 * `settings.env` in the user-data folder once packaged (a packaged app has no
 * working folder of its own). The user's Strava API app, entered in the app, is
 * stored separately (state file and keychain) and wins over both. The file is
 * read into the settings only; `process.env` (which children inherit) is left alone.
 */
export function loadMainSettings(isPackaged: boolean, userData: string): Settings {
  const file = isPackaged ? join(userData, 'settings.env') : '.env';
  return readSettings(withEnvFile(file, process.env));
}
