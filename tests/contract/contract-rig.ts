import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { startSimulator, type SimOptions, type Simulator } from '../../src/sim/index';
import { createHttpClient } from '../../src/core/http/http-client';
import { createMemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import { createStravaClients, type StravaClients } from '../../src/core/strava/strava-clients';
import { stravaEndpoints } from '../../src/core/strava/strava-endpoints';
import {
  buildStravaAuthorizeUrl,
  parseStravaRedirect,
} from '../../src/core/strava/strava-authorize';
import { StravaTokenStore } from '../../src/core/strava/strava-token-store';
import type { Clock } from '../../src/core/ports';
import type { StravaAccount } from '../../src/core/strava/strava-session';
import { writeGpxFile, type GpxSpec } from '../support/generate-gpx';
import {
  startRecordingProxy,
  type RecordedExchange,
  type RecordingProxy,
} from '../support/recording-proxy';

export const simClientId = '54321';
export const simClientSecret = 'sim-client-secret';

/** The exchanges of one action, and how the action ended. */
export interface During<T> {
  exchanges: RecordedExchange[];
  result: T | undefined;
  error: unknown;
}

/** The simulator behind a recording proxy, and core Strava clients that only know the proxy. */
export interface ContractRig {
  sim: Simulator;
  proxy: RecordingProxy;
  strava: StravaClients;
  /** Clients of another app (wrong id or secret), also talking through the proxy. */
  clientsFor(app: { clientId?: string; clientSecret?: string }): StravaClients;
  /** Runs Strava's authorize page through the proxy (auto-approved) and returns the code. */
  authorizeCode(scopes?: string[]): Promise<{ code: string; scopes: string[] }>;
  /** The whole sign-in: authorize, then the client's code exchange. */
  signIn(scopes?: string[]): Promise<StravaAccount>;
  /** Stores simulator-minted tokens with this scope, skipping the sign-in. */
  useTokens(scope: string[]): Promise<void>;
  /** Writes a GPX file (gzipped when the name ends in .gz) and returns its path. */
  track(name: string, spec?: GpxSpec): Promise<string>;
  /** Writes a file with exactly this content. */
  file(name: string, content: string | Buffer): Promise<string>;
  /** What went through the proxy while `action` ran, with its result or error. */
  during<T>(action: () => Promise<T>): Promise<During<T>>;
  close(): Promise<void>;
}

/** Starts the simulator (auto-approve on), a recording proxy before it, and clients wired to the proxy. */
export async function startContractRig(options: SimOptions = {}): Promise<ContractRig> {
  const sim = await startSimulator({
    clientId: simClientId,
    clientSecret: simClientSecret,
    autoApprove: true,
    ...options,
  });
  const proxy = await startRecordingProxy(sim.url);
  const dir = await mkdtemp(join(tmpdir(), 'mtp-contract-'));
  const clock: Clock = { now: () => sim.clock.now() };
  const http = createHttpClient();
  const endpoints = stravaEndpoints(proxy.url);
  const secrets = createMemorySecretStore();
  const build = (
    app: { clientId?: string; clientSecret?: string },
    store = createMemorySecretStore(),
  ) =>
    createStravaClients({
      http,
      endpoints,
      clientId: app.clientId ?? simClientId,
      clientSecret: app.clientSecret ?? simClientSecret,
      secrets: store,
      clock,
    });
  const strava = build({}, secrets);

  const authorizeCode = async (scopes?: string[]) => {
    const request = buildStravaAuthorizeUrl({
      oauthBase: endpoints.oauthBase,
      clientId: simClientId,
      redirectUri: 'http://localhost:9/exchange_token',
    });
    if (scopes) request.url.searchParams.set('scope', scopes.join(','));
    const response = await fetch(request.url, { redirect: 'manual' });
    const location = response.headers.get('location');
    if (!location) throw new Error(`no redirect from authorize (HTTP ${response.status})`);
    return parseStravaRedirect(new URL(location), request.state);
  };

  return {
    sim,
    proxy,
    strava,
    clientsFor: (app) => build(app),
    authorizeCode,
    async signIn(scopes) {
      const grant = await authorizeCode(scopes);
      return strava.session.completeSignIn(grant.code, grant.scopes);
    },
    async useTokens(scope) {
      const t = sim.issueTokens({ scope });
      await new StravaTokenStore(secrets).save({
        accessToken: t.access_token,
        refreshToken: t.refresh_token,
        expiresAt: t.expires_at,
        scopes: scope,
      });
    },
    async track(name, spec = { points: 120 }) {
      const path = join(dir, name);
      const plain = name.endsWith('.gz') ? `${path}.src` : path;
      await writeGpxFile(plain, spec);
      if (plain !== path) await writeFile(path, gzipSync(await readFile(plain)));
      return path;
    },
    async file(name, content) {
      const path = join(dir, name);
      await writeFile(path, content);
      return path;
    },
    async during(action) {
      proxy.clear();
      try {
        const result = await action();
        return { exchanges: [...proxy.exchanges], result, error: undefined };
      } catch (error) {
        return { exchanges: [...proxy.exchanges], result: undefined, error };
      }
    },
    async close() {
      await proxy.close();
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
