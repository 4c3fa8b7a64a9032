/**
 * Peak RSS growth of the client while it uploads a 25 MB GPX to the simulator.
 * Target (issue 2): less than 20 MB, because the file is streamed from disk.
 * The simulator runs in its own process so only the client is measured.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { writeGpxFile } from '../tests/support/generate-gpx';
import { simControl } from './support/sim-control';
import { spawnSim } from './support/spawn-sim';
import { createHttpClient } from '../src/core/http/http-client';
import { createMemorySecretStore } from '../src/core/secrets/memory-secret-store';
import { createStravaClients } from '../src/core/strava/strava-clients';
import { stravaEndpoints } from '../src/core/strava/strava-endpoints';
import { StravaTokenStore } from '../src/core/strava/strava-token-store';
import { systemClock } from '../src/core/ports';

const mb = (bytes: number) => (bytes / 1024 / 1024).toFixed(1);

const dir = await mkdtemp(join(tmpdir(), 'mtp-bench-'));
const sim = await spawnSim();
try {
  const big = join(dir, 'big.gpx');
  const small = join(dir, 'small.gpx');
  await writeGpxFile(big, { points: 250_000, name: 'Big' });
  await writeGpxFile(small, { points: 20_000, start: Date.UTC(2020, 0, 1), name: 'Warm-up' });
  const size = (await stat(big)).size;

  const tokens = (await simControl(sim.url, 'tokens', { scope: ['activity:write'] })) as {
    access_token: string;
    refresh_token: string;
    expires_at: number;
  };
  const secrets = createMemorySecretStore();
  await new StravaTokenStore(secrets).save({
    accessToken: tokens.access_token,
    refreshToken: tokens.refresh_token,
    expiresAt: tokens.expires_at,
    scopes: ['activity:write'],
  });
  const strava = createStravaClients({
    http: createHttpClient(),
    endpoints: stravaEndpoints(sim.url),
    clientId: '54321',
    clientSecret: 'sim-client-secret',
    secrets,
    clock: systemClock,
  });

  // Warm up (a 2 MB upload): load every module and the stream paths before measuring.
  await strava.api.upload({ filePath: small, dataType: 'gpx' });
  const runs: number[] = [];
  for (let run = 1; run <= 3; run++) {
    global.gc?.();
    const baseline = process.memoryUsage().rss;
    let peak = baseline;
    const sampler = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 2);
    const started = performance.now();
    const upload = await strava.api.upload({
      filePath: big,
      dataType: 'gpx',
      name: `Big ${run}`,
      externalId: `big-${run}`,
    });
    const seconds = (performance.now() - started) / 1000;
    clearInterval(sampler);
    peak = Math.max(peak, process.memoryUsage().rss);
    runs.push(peak - baseline);
    console.log(
      `upload-memory: run ${run}: ${mb(size)} MB GPX uploaded (upload ${upload.id_str}) in ${seconds.toFixed(2)} s, peak RSS growth ${mb(peak - baseline)} MB`,
    );
  }
  const worst = Math.max(...runs);
  console.log(
    `upload-memory: worst peak RSS growth ${mb(worst)} MB over ${runs.length} runs; target < 20 MB: ${worst < 20 * 1024 * 1024 ? 'met' : 'NOT met'}`,
  );
} finally {
  await sim.stop();
  await rm(dir, { recursive: true, force: true });
}
