import { randomUUID } from 'node:crypto';
import type { SecretStore } from '../../src/core/ports';
import { createKeytarSecretStore } from '../../src/core/secrets/keytar-secret-store';
import {
  StravaTokenStore,
  type StoredStravaTokens,
} from '../../src/core/strava/strava-token-store';
import type { Simulator } from '../../src/sim/index';
import { simClientId, simClientSecret } from './sim-harness';

/** Whether an unlocked Secret Service is there (scripts/with-keyring.sh, run by `npm test`). */
export const keyringReady = process.env.MTP_KEYRING_READY === '1';

/**
 * The environment of a CLI run against the simulator at `simUrl`: the same `.env`
 * shape as for real Strava, its own state folder and its own keychain service.
 */
export function cliEnv(simUrl: string, home: string, extra: Record<string, string> = {}) {
  const service = `mtp-strava-test-${randomUUID()}`;
  const env: Record<string, string> = {
    STRAVA_BASE_URL: simUrl,
    MTPW_BASE_URL: simUrl,
    STRAVA_CLIENT_ID: simClientId,
    STRAVA_CLIENT_SECRET: simClientSecret,
    MTPW_CLIENT_ID: 'mtp-desktop',
    MTP_STRAVA_HOME: home,
    MTP_STRAVA_KEYCHAIN_SERVICE: service,
    ...extra,
  };
  return { env, secrets: createKeytarSecretStore(service) };
}

/** The scopes a CLI test signs in with unless it says otherwise: uploads, and listing them. */
export const fullScopes = ['read', 'activity:write', 'activity:read_all'];

/**
 * Signs the CLI of `secrets` in to the simulator's Strava without a browser: tokens
 * issued by the simulator, saved where `mtp-strava login strava` saves them, and returned.
 */
export async function signInCliToStrava(
  sim: Pick<Simulator, 'issueTokens'>,
  secrets: SecretStore,
  scopes: string[] = fullScopes,
): Promise<StoredStravaTokens> {
  const t = sim.issueTokens({ scope: scopes });
  const tokens = {
    accessToken: t.access_token,
    refreshToken: t.refresh_token,
    expiresAt: t.expires_at,
    scopes,
  };
  await new StravaTokenStore(secrets).save(tokens);
  return tokens;
}
