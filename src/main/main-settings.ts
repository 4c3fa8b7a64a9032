import { join } from 'node:path';
import { config as loadDotenv } from 'dotenv';
import { readSettings, type Settings } from '../core/config/settings';

/**
 * Settings for the app: `.env` in the working folder during development, and
 * `settings.env` in the user-data folder once packaged (a packaged app has no
 * working folder of its own). The user's Strava API app, entered in the app, is
 * stored separately (state file and keychain) and wins over both.
 */
export function loadMainSettings(isPackaged: boolean, userData: string): Settings {
  loadDotenv({ path: isPackaged ? join(userData, 'settings.env') : '.env', quiet: true });
  return readSettings(process.env);
}
