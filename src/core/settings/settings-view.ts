import type { SettingsView } from '../../shared/settings-schema';
import type { AppSettings } from '../app/app-settings';
import { stravaSiteRoot } from './effective-settings';

/**
 * The Authorization Callback Domain to enter on Strava's API settings page: the host
 * of the loopback redirect every Strava sign-in uses (`http://localhost:<port>/exchange_token`,
 * account-service.ts). Strava matches the host only, so any port is accepted.
 */
export const stravaCallbackDomain = 'localhost';

/** The settings as the Settings screen shows them: what is stored, what is in effect, no secret. */
export async function settingsView(settings: AppSettings): Promise<SettingsView> {
  const user = settings.user();
  const effective = settings.settings;
  const app = await settings.stravaApp();
  return {
    ...(app.clientId ? { stravaClientId: app.clientId } : {}),
    hasStravaClientSecret: Boolean(app.clientSecret),
    stravaBaseUrl: stravaSiteRoot(effective),
    stravaApiUrl: effective.strava.endpoints.apiBase,
    mtpwBaseUrl: effective.mtpw.baseUrl,
    ...(effective.mtpw.clientId ? { mtpwClientId: effective.mtpw.clientId } : {}),
    advanced: user.advanced,
    uploads: user.uploads,
    appearance: user.appearance,
    watchedFolder: user.watchedFolder,
    batchNotifications: user.batchNotifications,
    callbackDomain: stravaCallbackDomain,
    development: settings.development,
  };
}
