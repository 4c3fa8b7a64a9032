import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { createCliServices } from '../../src/cli/cli-services';
import { createApp } from '../../src/core/app/create-app';
import { readSettings } from '../../src/core/config/settings';
import { createHttpClient } from '../../src/core/http/http-client';
import { createRedactingLogger, Redactor } from '../../src/core/log/redact';
import { MtpwTokenStore } from '../../src/core/mtpw/mtpw-token-store';
import { createMemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import {
  buildStravaAuthorizeUrl,
  parseStravaRedirect,
} from '../../src/core/strava/strava-authorize';
import { createStravaClients } from '../../src/core/strava/strava-clients';
import { stravaEndpoints } from '../../src/core/strava/strava-endpoints';
import { StravaTokenStore } from '../../src/core/strava/strava-token-store';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { followingBrowser } from '../support/app-harness';
import { memoryStateStore } from '../support/pipeline-harness';
import { simClientId, simClientSecret } from '../support/sim-harness';

let sim: Simulator | undefined;
let dir: string | undefined;
afterEach(async () => {
  await sim?.close();
  sim = undefined;
  if (dir) await rm(dir, { recursive: true, force: true });
  dir = undefined;
});

/** Every .log file under `dir` (wherever the CLI keeps its log), as one text. */
async function everyLogLine(dir: string): Promise<string> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  const logs = entries.filter((e) => e.isFile() && e.name.endsWith('.log'));
  return (await Promise.all(logs.map((e) => readFile(join(e.parentPath, e.name), 'utf8')))).join(
    '\n',
  );
}

/** A line a careless log call could write: the value bare, in no credential-shaped field. */
const carelessLine = (value: string) => `{"message":"debug","note":"it was ${value} then"}`;

/** Every token value the store holds, as a restart would find them. */
function storedTokens(secrets: ReturnType<typeof createMemorySecretStore>) {
  const values: string[] = [];
  for (const raw of secrets.snapshot().values()) {
    if (!raw.startsWith('{')) continue;
    const parsed = JSON.parse(raw) as Record<string, unknown>;
    for (const key of ['accessToken', 'refreshToken'])
      if (typeof parsed[key] === 'string') values.push(parsed[key]);
  }
  return values;
}

const startSim = async () =>
  (sim = await startSimulator({
    clientId: simClientId,
    clientSecret: simClientSecret,
    autoApprove: true,
  }));

describe('secrets are remembered by the log redactor as soon as they are known', () => {
  it('the app: the client secret and the tokens of both sign-ins', async () => {
    const sim = await startSim();
    dir = await mkdtemp(join(tmpdir(), 'mtp-remember-'));
    const secrets = createMemorySecretStore();
    const redactor = new Redactor();
    const lines: string[] = [];
    const { controller } = createApp({
      settings: readSettings({
        STRAVA_BASE_URL: sim.url,
        MTPW_BASE_URL: sim.url,
        MTPW_CLIENT_ID: 'mtp-desktop',
        STRAVA_CLIENT_ID: simClientId,
        STRAVA_CLIENT_SECRET: simClientSecret,
      }),
      secrets,
      state: memoryStateStore(),
      shell: {
        chooseFolders: () => Promise.resolve([]),
        openExternal: () => Promise.resolve(),
      },
      signIn: {
        window: followingBrowser,
        protocol: followingBrowser,
        openExternal: async () => {},
      },
      clock: { now: () => sim.clock.now() },
      logger: createRedactingLogger((line) => lines.push(line), redactor),
      workDir: dir,
      journalPath: join(dir, 'journal.jsonl'),
      onSecret: (secret) => redactor.remember(secret),
    });
    for (const service of ['strava', 'mtpw'] as const) {
      const answer = await controller.handle('accounts:connect', { service, method: 'window' });
      expect(answer).toMatchObject({ ok: true });
    }

    const known = [simClientSecret, ...storedTokens(secrets)];
    expect(known).toHaveLength(4);
    for (const value of known) {
      // The credential patterns alone would not catch it...
      expect(new Redactor().redact(carelessLine(value))).toContain(value);
      // ...the remembered value does.
      expect(redactor.redact(carelessLine(value))).not.toContain(value);
    }
  });

  it('Strava: the exchanged tokens, then the refreshed ones', async () => {
    const sim = await startSim();
    const heard = new Set<string>();
    const secrets = createMemorySecretStore();
    const endpoints = stravaEndpoints(sim.url);
    const strava = createStravaClients({
      http: createHttpClient(),
      endpoints,
      clientId: simClientId,
      clientSecret: simClientSecret,
      secrets,
      clock: { now: () => sim.clock.now() },
      onSecret: (secret) => heard.add(secret),
    });
    expect([...heard]).toEqual([simClientSecret]);
    const request = buildStravaAuthorizeUrl({
      oauthBase: endpoints.oauthBase,
      clientId: simClientId,
      redirectUri: 'http://localhost:9/exchange_token',
    });
    const location = (await fetch(request.url, { redirect: 'manual' })).headers.get('location');
    const grant = parseStravaRedirect(new URL(location ?? ''), request.state);
    await strava.session.completeSignIn(grant.code, grant.scopes);
    const signedIn = storedTokens(secrets);
    sim.clock.advance(6 * 3600_000);
    await strava.session.accessToken();
    const refreshed = storedTokens(secrets);
    expect(refreshed).not.toEqual(signedIn);
    for (const token of [...signedIn, ...refreshed]) expect(heard).toContain(token);
  });

  it('a restart: tokens already in the keychain, heard when loaded', async () => {
    const secrets = createMemorySecretStore();
    const strava = { accessToken: 'stored-access-1', refreshToken: 'stored-refresh-1' };
    await new StravaTokenStore(secrets).save({ ...strava, expiresAt: 1, scopes: [] });
    await new MtpwTokenStore(secrets).save({ accessToken: 'stored-mtpw-1', connectedAt: 1 });
    const heard: string[] = [];
    await new StravaTokenStore(secrets, (s) => heard.push(s)).load();
    await new MtpwTokenStore(secrets, (s) => heard.push(s)).load();
    expect(heard).toEqual(['stored-access-1', 'stored-refresh-1', 'stored-mtpw-1']);
  });

  it('the CLI: the client secret from its settings, in its log file', async () => {
    const home = (dir = await mkdtemp(join(tmpdir(), 'mtp-remember-cli-')));
    const secret = 'plain-cli-client-secret';
    const services = createCliServices({
      STRAVA_CLIENT_ID: '777',
      STRAVA_CLIENT_SECRET: secret,
      MTP_STRAVA_HOME: home,
    });
    services.logger.warn('debug', { note: `it was ${secret} then` });
    // The log file is written asynchronously: wait for the line, then read it.
    await vi.waitFor(async () => expect(await everyLogLine(home)).toContain('[redacted]'), {
      timeout: 10_000,
    });
    const log = await everyLogLine(home);
    expect(log).not.toContain(secret);
  });
});
