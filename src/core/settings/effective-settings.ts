import type { UserSettings } from '../../shared/settings-schema';
import type { Settings } from '../config/settings';
import { stravaEndpoints } from '../strava/strava-endpoints';

/** The Strava site root of settings (the OAuth base without `/oauth`). */
export const stravaSiteRoot = (settings: Settings): string =>
  settings.strava.endpoints.oauthBase.replace(/\/oauth$/, '');

/**
 * The settings in effect: what the user stored wins over what `.env` (or
 * settings.env) says. The Client Secret is not here: AppSettings reads it from the
 * keychain. A user's site without an API URL of its own derives the API from that site.
 */
export function effectiveSettings(base: Settings, user: UserSettings): Settings {
  const { stravaSiteUrl, stravaApiUrl, mtpwBaseUrl } = user.advanced;
  const endpoints =
    stravaSiteUrl === undefined && stravaApiUrl === undefined
      ? base.strava.endpoints
      : stravaEndpoints(
          stravaSiteUrl ?? stravaSiteRoot(base),
          stravaApiUrl ?? (stravaSiteUrl === undefined ? base.strava.endpoints.apiBase : undefined),
        );
  const clientId = user.stravaClientId ?? base.strava.clientId;
  const mtpwClientId = user.mtpwClientId ?? base.mtpw.clientId;
  return {
    strava: {
      ...(clientId ? { clientId } : {}),
      ...(base.strava.clientSecret ? { clientSecret: base.strava.clientSecret } : {}),
      endpoints,
    },
    mtpw: {
      baseUrl: mtpwBaseUrl ?? base.mtpw.baseUrl,
      ...(mtpwClientId ? { clientId: mtpwClientId } : {}),
    },
  };
}
