import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { HttpClient } from '../../src/core/http/http-client';
import { createHttpClient } from '../../src/core/http/http-client';
import { Journal } from '../../src/core/pipeline/journal';
import { Pipeline } from '../../src/core/pipeline/pipeline';
import { defaultPipelineOptions } from '../../src/core/pipeline/pipeline-options';
import { sleep } from '../../src/core/pipeline/sleep';
import { silentLogger } from '../../src/core/ports';
import { createMemorySecretStore } from '../../src/core/secrets/memory-secret-store';
import { createStravaClients } from '../../src/core/strava/strava-clients';
import { stravaEndpoints } from '../../src/core/strava/strava-endpoints';
import { StravaTokenStore } from '../../src/core/strava/strava-token-store';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const items = 300;
let sim: Simulator;
let dir: string;

beforeAll(async () => {
  // Strava's default limits; the simulated clock jumps whenever the pipeline is idle, so the
  // 15-minute windows pass in seconds.
  sim = await startSimulator({
    clientId: '54321',
    clientSecret: 'sim-client-secret',
    processingDelayMs: 2000,
  });
  sim.clock.set(Date.UTC(2026, 10, 23, 10, 0, 30));
  dir = await mkdtemp(join(tmpdir(), 'mtp-rate-'));
});
afterAll(async () => {
  await sim.close();
  await rm(dir, { recursive: true, force: true });
});

describe('300 uploads under Strava default rate limits', () => {
  it('never receives a 429 it could have foreseen, and fills each window', async () => {
    const folders = [];
    for (let i = 0; i < items; i++)
      folders.push(
        await makeSequenceFolder(dir, {
          name: `Seq ${i}`,
          transportType: 'Earth',
          transportMethod: 'Walk',
          track: { points: 20, start: Date.UTC(2021, 0, 1) + i * 3_600_000 },
        }),
      );

    const clock = { now: () => sim.clock.now() };
    const real = createHttpClient();
    let refused = 0;
    const postsByWindow = new Map<number, number>();
    const http: HttpClient = {
      async send(request) {
        const response = await real.send(request);
        if (response.status === 429) refused += 1;
        if (request.method === 'POST' && request.url.endsWith('/uploads')) {
          const window = Math.floor(clock.now() / 900_000);
          postsByWindow.set(window, (postsByWindow.get(window) ?? 0) + 1);
        }
        return response;
      },
    };
    const secrets = createMemorySecretStore();
    const scopes = ['read', 'activity:write', 'activity:read_all'];
    const t = sim.issueTokens({ scope: scopes });
    await new StravaTokenStore(secrets).save({
      accessToken: t.access_token,
      refreshToken: t.refresh_token,
      expiresAt: t.expires_at + 86_400,
      scopes,
    });
    const strava = createStravaClients({
      http,
      endpoints: stravaEndpoints(sim.url),
      clientId: '54321',
      clientSecret: 'sim-client-secret',
      secrets,
      clock,
    });
    const pipeline = new Pipeline({
      strava,
      journal: Journal.open({ path: join(dir, 'journal.jsonl') }),
      clock,
      workDir: dir,
      logger: silentLogger,
      options: { ...defaultPipelineOptions, concurrency: 4 },
      wait: async (ms, signal, idle) => {
        if (idle) sim.clock.advance(ms);
        else await sleep(Math.min(ms, 10), signal);
      },
    });
    pipeline.add(folders, { createMtpw: false });
    const summary = await pipeline.run();

    const state = sim.state();
    const windows = [...postsByWindow.values()];
    console.log(
      `rate-limit run: ${summary.done}/${items} done, ${refused} responses 429, uploads per 15-minute window: ${windows.join(', ')}; reads used: ${state.requests['GET /api/v3/athlete/activities'] ?? 0} list, ${state.requests['GET /api/v3/uploads/{id}'] ?? 0} polls`,
    );
    expect(summary).toEqual({ done: items, failed: 0, stillProcessing: 0 });
    expect(refused).toBe(0);
    expect(state.activities).toHaveLength(items);
    // The first window is used close to fully: uploads cost only the overall budget.
    expect(windows[0]).toBeGreaterThanOrEqual(180);
  }, 120_000);
});
