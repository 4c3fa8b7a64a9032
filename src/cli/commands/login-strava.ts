import open from 'open';
import { startLoopbackListener } from '../../core/auth/loopback-listener';
import { newOAuthState } from '../../core/auth/oauth-state';
import {
  buildStravaAuthorizeUrl,
  parseStravaRedirect,
  stravaRedirectPath,
} from '../../core/strava/strava-authorize';
import type { CliServices } from '../cli-services';

const athleteCapHint =
  "If Strava showed 'Limit of connected athletes exceeded', this Strava API app has as many athletes as Strava allows: use a Strava API app of your own (see the README).";

/** `login strava`: the system browser and a one-shot loopback listener (RFC 8252). */
export async function loginStrava(
  services: CliServices,
  options: { open: boolean; timeoutS: number },
): Promise<void> {
  const strava = services.strava();
  const state = newOAuthState();
  const listener = await startLoopbackListener({
    path: stravaRedirectPath,
    state,
    timeoutMs: options.timeoutS * 1000,
    hint: athleteCapHint,
  });
  try {
    const request = buildStravaAuthorizeUrl({
      oauthBase: strava.endpoints.oauthBase,
      clientId: strava.clientId,
      redirectUri: listener.redirectUri,
      state,
    });
    if (options.open) {
      console.log(
        `Opening your browser to sign in to Strava. If nothing opens, visit:\n${request.url.href}`,
      );
      await open(request.url.href).catch(() => undefined);
    } else {
      console.log(`Open this address in a browser to sign in to Strava:\n${request.url.href}`);
    }
    const grant = parseStravaRedirect(await listener.redirect, request.state);
    const account = await strava.session.completeSignIn(grant.code, grant.scopes);
    console.log(`Connected to Strava as ${account.name}.`);
    if (!grant.scopes.includes('activity:read_all') && !grant.scopes.includes('activity:read')) {
      console.log(
        "Reading activities was not allowed, so each upload is confirmed one by one (slower under Strava's limits).",
      );
    }
  } finally {
    await listener.close();
  }
}
