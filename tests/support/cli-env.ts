import { randomUUID } from 'node:crypto';
import { createKeytarSecretStore } from '../../src/core/secrets/keytar-secret-store';
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
