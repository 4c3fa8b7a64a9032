import { startSimulator, type SimOptions, type Simulator } from '../../src/sim/index';
import { createHttpClient, type HttpTimeouts } from '../../src/core/http/http-client';
import { createMemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import { createStravaClients, type StravaClients } from '../../src/core/strava/strava-clients';
import { stravaEndpoints } from '../../src/core/strava/strava-endpoints';
import {
  buildStravaAuthorizeUrl,
  parseStravaRedirect,
} from '../../src/core/strava/strava-authorize';
import { MtpwClient } from '../../src/core/mtpw/mtpw-client';
import { MtpwTokenStore } from '../../src/core/mtpw/mtpw-token-store';
import { buildMtpwAuthorizeUrl, parseMtpwRedirect } from '../../src/core/mtpw/mtpw-authorize';
import type { Clock, Logger, SecretStore } from '../../src/core/ports';
import type { StravaAccount } from '../../src/core/strava/strava-session';

export const simClientId = '54321';
export const simClientSecret = 'sim-client-secret';

/** A running simulator and core clients wired to it, as the app would wire them. */
export interface SimHarness {
  sim: Simulator;
  clock: Clock;
  secrets: SecretStore;
  strava: StravaClients;
  mtpw: MtpwClient;
  mtpwTokens: MtpwTokenStore;
  /** Runs the whole Strava code flow through the simulator's authorize endpoint. */
  signInStrava(scopes?: string[]): Promise<StravaAccount>;
  /** Runs MTPW's implicit flow and stores the token. */
  signInMtpw(): Promise<string>;
  close(): Promise<void>;
}

/** Starts the simulator on a random port and wires the core clients to it. */
export async function startHarness(
  options: SimOptions & {
    timeouts?: HttpTimeouts;
    appClientSecret?: string;
    logger?: Logger;
    secrets?: SecretStore;
  } = {},
): Promise<SimHarness> {
  const sim = await startSimulator({
    clientId: simClientId,
    clientSecret: simClientSecret,
    ...options,
  });
  const clock: Clock = { now: () => sim.clock.now() };
  const secrets = options.secrets ?? createMemorySecretStore();
  const http = createHttpClient(options.timeouts ? { timeouts: options.timeouts } : {});
  const endpoints = stravaEndpoints(sim.url);
  const strava = createStravaClients({
    http,
    endpoints,
    clientId: simClientId,
    clientSecret: options.appClientSecret ?? simClientSecret,
    secrets,
    clock,
    ...(options.logger ? { logger: options.logger } : {}),
  });
  const mtpwTokens = new MtpwTokenStore(secrets);
  const mtpw = new MtpwClient(http, sim.url, mtpwTokens);

  return {
    sim,
    clock,
    secrets,
    strava,
    mtpw,
    mtpwTokens,
    async signInStrava(scopes) {
      const request = buildStravaAuthorizeUrl({
        oauthBase: endpoints.oauthBase,
        clientId: simClientId,
        redirectUri: 'http://localhost:9/exchange_token',
      });
      if (scopes) request.url.searchParams.set('scope', scopes.join(','));
      sim.config.autoApprove = true;
      const response = await fetch(request.url, { redirect: 'manual' });
      const location = response.headers.get('location');
      if (!location) throw new Error(`no redirect from authorize (HTTP ${response.status})`);
      const grant = parseStravaRedirect(new URL(location), request.state);
      return strava.session.completeSignIn(grant.code, grant.scopes);
    },
    async signInMtpw() {
      const { url, state } = buildMtpwAuthorizeUrl({ baseUrl: sim.url, clientId: 'mtp-desktop' });
      sim.config.autoApprove = true;
      const response = await fetch(url, { redirect: 'manual' });
      const location = response.headers.get('location');
      if (!location) throw new Error(`no redirect from MTPW authorize (HTTP ${response.status})`);
      const { accessToken } = parseMtpwRedirect(new URL(location), state);
      await mtpwTokens.save({ accessToken, connectedAt: clock.now() });
      return accessToken;
    },
    close: () => sim.close(),
  };
}
