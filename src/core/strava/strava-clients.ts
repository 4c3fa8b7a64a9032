import { UploadError } from '../errors/upload-error';
import type { HttpClient } from '../http/http-client';
import { silentLogger, type Clock, type Logger, type SecretStore } from '../ports';
import type { OnSecret } from '../secrets/json-secret';
import { RateLimitTracker } from './rate-limit-tracker';
import { StravaApiClient } from './strava-api-client';
import type { StravaEndpoints } from './strava-endpoints';
import { StravaOAuthClient } from './strava-oauth-client';
import { StravaSession } from './strava-session';
import { StravaTokenStore } from './strava-token-store';

/** Everything that talks to Strava, wired once per app or CLI run. */
export interface StravaClients {
  oauth: StravaOAuthClient;
  session: StravaSession;
  api: StravaApiClient;
  rateLimits: RateLimitTracker;
  endpoints: StravaEndpoints;
  clientId: string;
}

/** Wires the Strava clients; without a Client ID and Secret there is nothing to connect to. */
export function createStravaClients(deps: {
  http: HttpClient;
  endpoints: StravaEndpoints;
  clientId: string | undefined;
  clientSecret: string | undefined;
  secrets: SecretStore;
  clock: Clock;
  logger?: Logger;
  /** Hears the client secret and every token, so logs can mask them. */
  onSecret?: OnSecret;
  /** The budget to share with clients built before (the app rebuilds them when settings change). */
  rateLimits?: RateLimitTracker;
}): StravaClients {
  if (!deps.clientId || !deps.clientSecret) {
    throw new UploadError({
      kind: 'config',
      message:
        'The Strava API app is not set up yet: enter its Client ID and Client Secret in Settings.',
      retryable: false,
    });
  }
  deps.onSecret?.(deps.clientSecret);
  const oauth = new StravaOAuthClient(
    deps.http,
    deps.endpoints.oauthBase,
    { clientId: deps.clientId, clientSecret: deps.clientSecret },
    deps.clock,
  );
  const session = new StravaSession(
    oauth,
    new StravaTokenStore(deps.secrets, deps.onSecret),
    deps.clock,
    deps.logger ?? silentLogger,
  );
  const rateLimits = deps.rateLimits ?? new RateLimitTracker();
  const api = new StravaApiClient(
    deps.http,
    deps.endpoints.apiBase,
    session,
    rateLimits,
    deps.clock,
  );
  return { oauth, session, api, rateLimits, endpoints: deps.endpoints, clientId: deps.clientId };
}
