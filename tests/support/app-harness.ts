import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/core/app/create-app';
import type { AppController } from '../../src/core/app/app-controller';
import type { QueueSnapshot } from '../../src/shared/ipc-contract';
import type { SignInHost } from '../../src/core/app/account-service';
import { readSettings } from '../../src/core/config/settings';
import { UploadError } from '../../src/core/errors/upload-error';
import { silentLogger, type AuthBrowser } from '../../src/core/ports';
import { createMemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import { startSimulator, type SimOptions, type Simulator } from '../../src/sim/index';
import { memoryStateStore, fastOptions } from './pipeline-harness';
import { simClientId, simClientSecret } from './sim-harness';

/** Plays the user in a sign-in page with auto-approve on: follows the authorize URL to its redirect. */
export const followingBrowser: AuthBrowser = {
  async open(url, target) {
    const location = (await fetch(url, { redirect: 'manual' })).headers.get('location');
    const redirect = location ? new URL(location, url) : undefined;
    if (!redirect || !target.matches(redirect))
      throw new UploadError({
        kind: 'timeout',
        message: 'No sign-in arrived in time.',
        retryable: true,
      });
    return redirect;
  },
};

export interface AppHarness {
  sim: Simulator;
  app: AppController;
  dir: string;
  secrets: ReturnType<typeof createMemorySecretStore>;
  opened: string[];
  chosen: string[];
  close(): Promise<void>;
}

/** The app controller over the simulator, with in-memory stores, a scripted shell and its folder granted. */
export async function startAppHarness(
  options: {
    envApp?: boolean;
    /** False: nothing granted, for the tests of the path grants. */
    grantDir?: boolean;
    /** Settings over the harness's own (e.g. `MTPW_CLIENT_ID: undefined`). */
    env?: Record<string, string | undefined>;
    /** More of the simulator's options (e.g. `otherApps`). */
    sim?: SimOptions;
  } = {},
): Promise<AppHarness> {
  const sim = await startSimulator({
    clientId: simClientId,
    clientSecret: simClientSecret,
    processingDelayMs: 100,
    autoApprove: true,
    ...options.sim,
  });
  const dir = await mkdtemp(join(tmpdir(), 'mtp-app-'));
  const secrets = createMemorySecretStore();
  const opened: string[] = [];
  const chosen: string[] = [];
  const signIn: SignInHost = {
    window: followingBrowser,
    protocol: followingBrowser,
    openExternal: async (url) => {
      opened.push(url);
      const location = (await fetch(url, { redirect: 'manual' })).headers.get('location');
      if (location) await fetch(location);
    },
  };
  const settings = readSettings({
    STRAVA_BASE_URL: sim.url,
    MTPW_BASE_URL: sim.url,
    MTPW_CLIENT_ID: 'mtp-desktop',
    ...(options.envApp === false
      ? {}
      : { STRAVA_CLIENT_ID: simClientId, STRAVA_CLIENT_SECRET: simClientSecret }),
    ...options.env,
  });
  const { controller, grants } = createApp({
    settings,
    development: true,
    secrets,
    state: memoryStateStore(),
    shell: {
      chooseFolders: () => Promise.resolve(chosen),
      openExternal: (url) => {
        opened.push(url);
        return Promise.resolve();
      },
    },
    signIn,
    clock: { now: () => sim.clock.now() },
    logger: silentLogger,
    workDir: dir,
    journalPath: join(dir, 'journal.jsonl'),
    pipelineOptions: fastOptions,
  });
  // The test plays a user who dropped its temporary folder on the window (unless it tests the grants).
  if (options.grantDir !== false) await grants.grant([dir]);
  return {
    sim,
    app: controller,
    dir,
    secrets,
    opened,
    chosen,
    close: async () => {
      await sim.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

/** What `channel` answers through the controller; a refusal throws, naming the channel and why. */
export async function answerOf<T>(app: AppController, channel: string, request: unknown = {}) {
  const result = await app.handle(channel, request);
  if (!result.ok) throw new Error(`${channel}: ${result.error.message}`);
  return result.value as T;
}

/** Resolves once every queue item is done or failed, looked at after each pushed change. */
export function settledQueue(app: AppController): Promise<QueueSnapshot> {
  return new Promise<QueueSnapshot>((resolve) => {
    const stop = app.onEvent((event) => {
      if (event.name !== 'queue:changed') return;
      void answerOf<QueueSnapshot>(app, 'queue:get').then((s) => {
        if (
          s.items.length > 0 &&
          s.items.every((i) => i.stage === 'done' || i.stage === 'failed')
        ) {
          stop();
          resolve(s);
        }
      });
    });
  });
}
