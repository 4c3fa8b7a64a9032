import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { apiGet, fault, gpxTrack, postForm, postUpload, WINDOW_START } from './sim-test-kit';

let sim: Simulator;
let token: string;
beforeEach(async () => {
  sim = await startSimulator({ rateLimits: { overall: [4, 6], read: [2, 5] } });
  sim.clock.set(WINDOW_START);
  token = sim.issueTokens({ scope: ['activity:write', 'activity:read'] }).access_token;
});
afterEach(async () => sim.close());

const exceeded = fault('Rate Limit Exceeded', 'Application', 'rate limit', 'exceeded');

describe('Strava rate limits', () => {
  it('reports limits and usage on every API response, errors included', async () => {
    const ok = await apiGet(sim, token, '/athlete');
    expect(ok.headers.get('x-ratelimit-limit')).toBe('4,6');
    expect(ok.headers.get('x-ratelimit-usage')).toBe('1,1');
    expect(ok.headers.get('x-readratelimit-limit')).toBe('2,5');
    expect(ok.headers.get('x-readratelimit-usage')).toBe('1,1');
    const missing = await apiGet(sim, token, '/activities/1');
    expect(missing.status).toBe(404);
    expect(missing.headers.get('x-ratelimit-usage')).toBe('2,2');
  });

  it('does not count an upload POST as a read', async () => {
    const res = await postUpload(sim, token, { file: gpxTrack(), data_type: 'gpx' });
    expect(res.status).toBe(201);
    expect(res.headers.get('x-ratelimit-usage')).toBe('1,1');
    expect(res.headers.get('x-readratelimit-usage')).toBe('0,0');
  });

  it('answers 429 at the read limit without Retry-After, counts the refusal, and resets at the quarter hour', async () => {
    await apiGet(sim, token, '/athlete');
    await apiGet(sim, token, '/athlete');
    const refused = await apiGet(sim, token, '/athlete');
    expect(refused.status).toBe(429);
    expect(await refused.json()).toEqual(exceeded);
    expect(refused.headers.get('retry-after')).toBeNull();
    expect(refused.headers.get('x-readratelimit-usage')).toBe('3,3');
    // Uploads are no reads: the overall window still has room for one.
    expect((await postUpload(sim, token, { file: gpxTrack(), data_type: 'gpx' })).status).toBe(201);
    expect(sim.state().rateLimit).toMatchObject({
      usage: [4, 4],
      readUsage: [3, 3],
      windowResetsAt: Date.UTC(2026, 5, 1, 10, 15),
    });

    sim.clock.set(Date.UTC(2026, 5, 1, 10, 15, 0, 10));
    const next = await apiGet(sim, token, '/athlete');
    expect(next.status).toBe(200);
    expect(next.headers.get('x-ratelimit-usage')).toBe('1,5');
    expect(next.headers.get('x-readratelimit-usage')).toBe('1,4');
  });

  it('refuses at the daily limit until midnight UTC', async () => {
    for (const [hour, minute] of [
      [11, 0],
      [11, 15],
      [11, 30],
      [12, 0],
      [12, 15],
    ] as const) {
      sim.clock.set(Date.UTC(2026, 5, 1, hour, minute, 1));
      expect((await apiGet(sim, token, '/athlete')).status).toBe(200);
    }
    const refused = await apiGet(sim, token, '/athlete');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('x-readratelimit-usage')).toBe('2,6');
    sim.clock.set(Date.UTC(2026, 5, 2, 0, 0, 1));
    const fresh = sim.issueTokens({ scope: ['read'] }).access_token;
    const tomorrow = await apiGet(sim, fresh, '/athlete');
    expect(tomorrow.status).toBe(200);
    expect(tomorrow.headers.get('x-ratelimit-usage')).toBe('1,1');
  });

  it('puts no rate-limit headers on OAuth answers and does not count them', async () => {
    const res = await postForm(`${sim.url}/oauth/token`, {
      client_id: '54321',
      client_secret: 'sim-client-secret',
      grant_type: 'refresh_token',
      refresh_token: 'x',
    });
    expect(res.status).toBe(400);
    expect(res.headers.get('x-ratelimit-usage')).toBeNull();
    expect(sim.state().rateLimit.usage).toEqual([0, 0]);
  });
});
