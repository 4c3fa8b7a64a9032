import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FolderIoThread } from '../../src/core/folder-io/folder-io-thread';
import { createHttpClient } from '../../src/core/http/http-client';
import { Journal } from '../../src/core/pipeline/journal';
import { Pipeline } from '../../src/core/pipeline/pipeline';
import {
  defaultPipelineOptions,
  type PipelineOptions,
} from '../../src/core/pipeline/pipeline-options';
import { silentLogger, systemClock } from '../../src/core/ports';
import { createMemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import { createStravaClients } from '../../src/core/strava/strava-clients';
import { stravaEndpoints } from '../../src/core/strava/strava-endpoints';
import { StravaTokenStore } from '../../src/core/strava/strava-token-store';
import { makeSequenceFolder } from '../../tests/support/make-sequence-folder';
import { simControl } from './sim-control';

/** `count` small generated sequence folders in a temp folder, numbered from `first` (each a distinct track). */
export async function generateSequences(
  count: number,
  first = 0,
): Promise<{ dir: string; folders: string[] }> {
  const dir = await mkdtemp(join(tmpdir(), 'mtp-bench-seq-'));
  const folders: string[] = [];
  for (let i = first; i < first + count; i++) {
    folders.push(
      await makeSequenceFolder(dir, {
        name: `Bench ${i}`,
        transportType: 'Earth',
        transportMethod: 'Walk',
        track: { points: 60, start: Date.UTC(2020, 0, 1) + i * 3_600_000 },
      }),
    );
  }
  return { dir, folders };
}

/** A pipeline on the real clock, signed in with `scopes` through the simulator's token endpoint. */
export async function benchPipeline(
  simUrl: string,
  scopes: string[],
  journalPath: string,
  workDir: string,
  options: Partial<PipelineOptions> = {},
): Promise<Pipeline> {
  const tokens = (await simControl(simUrl, 'tokens', { scope: scopes })) as {
    access_token: string;
    refresh_token: string;
    expires_at: number;
  };
  const secrets = createMemorySecretStore();
  await new StravaTokenStore(secrets).save({
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: tokens.expires_at,
    scopes,
  });
  const strava = createStravaClients({
    http: createHttpClient(),
    endpoints: stravaEndpoints(simUrl),
    clientId: '54321',
    clientSecret: 'sim-client-secret',
    secrets,
    clock: systemClock,
  });
  return new Pipeline({
    strava,
    journal: Journal.open({ path: journalPath }),
    clock: systemClock,
    workDir,
    logger: silentLogger,
    options: { ...defaultPipelineOptions, ...options },
    // As the app and the CLI run it: folder work on its own thread.
    folderIo: new FolderIoThread(),
  });
}
