import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { anyOf, apiGet, bearer, fault, gpxTrack, postUpload, uploadReady } from './sim-test-kit';

let sim: Simulator;
let token: string;
beforeEach(async () => {
  sim = await startSimulator();
  token = sim.issueTokens({ scope: ['activity:write', 'activity:read_all'] }).access_token;
});
afterEach(async () => sim.close());

/** Waits (without asserting any timing) until the simulator has seen `count` requests on `key`. */
async function seen(key: string, count: number): Promise<void> {
  while ((sim.state().requests[key] ?? 0) < count) await new Promise((r) => setTimeout(r, 5));
}

describe('status faults', () => {
  it('answers 500 and 503 with a Fault body, 502 with HTML, then behaves normally', async () => {
    sim.faults.add('GET /api/v3/athlete', { type: 'status', status: 500 });
    sim.faults.add('GET /api/v3/athlete', { type: 'status', status: 502 });
    sim.faults.add('GET /api/v3/athlete', { type: 'status', status: 503 });
    const r500 = await apiGet(sim, token, '/athlete');
    expect(r500.status).toBe(500);
    expect(await r500.json()).toEqual({ message: 'Internal Server Error', errors: [] });
    const r502 = await apiGet(sim, token, '/athlete');
    expect(r502.status).toBe(502);
    expect(await r502.text()).toContain('<h1>502 Bad Gateway</h1>');
    const r503 = await apiGet(sim, token, '/athlete');
    expect(r503.status).toBe(503);
    expect(await r503.json()).toEqual({ message: 'Service Unavailable', errors: [] });
    expect((await apiGet(sim, token, '/athlete')).status).toBe(200);
    expect(sim.state().requests['GET /api/v3/athlete']).toBe(4);
  });

  it('answers MTPW with a Django error page', async () => {
    sim.faults.add('POST /api/v1/sequence/create', { type: 'status', status: 500 });
    const res = await fetch(`${sim.url}/api/v1/sequence/create`, {
      method: 'POST',
      headers: bearer(sim.mtpwTokenFor()),
    });
    expect(res.status).toBe(500);
    expect(await res.text()).toContain('<h1>Server Error (500)</h1>');
  });
});

describe('drop and stall faults', () => {
  it('drops the connection before handling: nothing is created', async () => {
    sim.faults.add('POST /api/v3/uploads', { type: 'drop' });
    await expect(postUpload(sim, token, { file: gpxTrack(), data_type: 'gpx' })).rejects.toThrow();
    expect(sim.state().requests['POST /api/v3/uploads']).toBe(1);
    expect(sim.state().uploads).toEqual([]);
  });

  it('drops the answer after handling: the upload exists though the client saw no response', async () => {
    sim.faults.add('POST /api/v3/uploads', { type: 'drop', when: 'after' });
    await expect(postUpload(sim, token, { file: gpxTrack(), data_type: 'gpx' })).rejects.toThrow();
    expect(sim.state().uploads).toHaveLength(1);
  });

  it('stalls, then closes the socket without answering', async () => {
    sim.faults.add('GET /api/v3/athlete', { type: 'stall', ms: 50 });
    await expect(apiGet(sim, token, '/athlete')).rejects.toThrow();
    expect((await apiGet(sim, token, '/athlete')).status).toBe(200);
  });

  it('stalls after handling: the upload exists while the answer is held, then the socket closes', async () => {
    sim.faults.add('POST /api/v3/uploads', { type: 'stall', ms: 60_000, when: 'after' });
    const pending = postUpload(sim, token, { file: gpxTrack(), data_type: 'gpx' });
    while (sim.state().uploads.length === 0) await new Promise((r) => setTimeout(r, 5));
    expect(sim.state().requests['POST /api/v3/uploads']).toBe(1);
    await sim.close();
    await expect(pending).rejects.toThrow();
  });

  it('answers the next request normally after a stall after handling', async () => {
    sim.faults.add('POST /api/v3/uploads', { type: 'stall', ms: 20, when: 'after' });
    await expect(postUpload(sim, token, { file: gpxTrack(), data_type: 'gpx' })).rejects.toThrow();
    const next = await postUpload(sim, token, {
      file: gpxTrack({ start: Date.UTC(2022, 0, 1) }),
      data_type: 'gpx',
    });
    expect(next.status).toBe(201);
    expect(sim.state().uploads).toHaveLength(2);
  });

  it('stalls before handling by default: nothing is created', async () => {
    sim.faults.add('POST /api/v3/uploads', { type: 'stall', ms: 20 });
    await expect(postUpload(sim, token, { file: gpxTrack(), data_type: 'gpx' })).rejects.toThrow();
    expect(sim.state().requests['POST /api/v3/uploads']).toBe(1);
    expect(sim.state().uploads).toEqual([]);
  });

  it('ends a stalled request when the simulator closes', async () => {
    sim.faults.add('GET /api/v3/athlete', { type: 'stall' });
    const pending = apiGet(sim, token, '/athlete');
    await seen('GET /api/v3/athlete', 1);
    await sim.close();
    await expect(pending).rejects.toThrow();
  });
});

describe('token, rate-limit and duplicate faults', () => {
  it('answers 429 as if over the limit', async () => {
    sim.faults.add('GET /api/v3/athlete', { type: 'rate-limit' });
    const res = await apiGet(sim, token, '/athlete');
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual(
      fault('Rate Limit Exceeded', 'Application', 'rate limit', 'exceeded'),
    );
    expect(res.headers.get('x-ratelimit-usage')).toMatch(/^200,\d+$/);
    expect(res.headers.get('x-readratelimit-usage')).toMatch(/^100,\d+$/);
    expect(res.headers.get('retry-after')).toBeNull();
  });

  it('expires the presented token, which then stays expired', async () => {
    sim.faults.add('GET /api/v3/athlete', { type: 'expire-token' });
    const res = await apiGet(sim, token, '/athlete');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(
      fault('Authorization Error', 'Athlete', 'access_token', 'invalid'),
    );
    expect((await apiGet(sim, token, '/athlete')).status).toBe(401);
  });

  it('refuses an upload as a duplicate at POST time with an Upload-shaped 400', async () => {
    const existing = await uploadReady(sim, token, { file: gpxTrack() });
    sim.faults.add('POST /api/v3/uploads', { type: 'duplicate', at: 'post' });
    const res = await postUpload(sim, token, {
      file: gpxTrack({ start: Date.UTC(2022, 0, 1) }),
      data_type: 'gpx',
      external_id: 'abc',
    });
    expect(res.status).toBe(400);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      id: anyOf(Number),
      id_str: String(body.id),
      external_id: 'abc',
      error: `abc.gpx duplicate of activity ${existing.activity_id}`,
      status: 'There was an error processing your activity.',
      activity_id: null,
    });
  });

  it('makes a duplicate at POST time name a made-up id when the athlete has no activity', async () => {
    sim.faults.add('POST /api/v3/uploads', { type: 'duplicate', at: 'post' });
    const body = (await (
      await postUpload(sim, token, { file: gpxTrack(), data_type: 'gpx' })
    ).json()) as { error: string };
    expect(body.error).toMatch(/^ride\.gpx duplicate of activity \d{11}$/);
  });

  it('turns a processing upload into a duplicate of an existing activity at poll time', async () => {
    const existing = await uploadReady(sim, token, { file: gpxTrack() });
    sim.faults.add('POST /api/v3/uploads', { type: 'duplicate' });
    const polled = await uploadReady(sim, token, {
      file: gpxTrack({ start: Date.UTC(2023, 0, 1) }),
    });
    expect(polled.status).toBe('There was an error processing your activity.');
    expect(polled.error).toContain(`duplicate of activity ${existing.activity_id}`);
    expect(sim.state().activities).toHaveLength(1);
  });
});

describe('fault plan options', () => {
  it('applies a fault `times` times, and "*" to every endpoint', async () => {
    sim.faults.add('*', { type: 'status', status: 503 }, { times: 2 });
    expect((await apiGet(sim, token, '/athlete')).status).toBe(503);
    expect((await fetch(`${sim.url}/oauth/token`, { method: 'POST' })).status).toBe(503);
    expect((await apiGet(sim, token, '/athlete')).status).toBe(200);
    sim.faults.add('GET /api/v3/athlete', { type: 'status', status: 500 }, { times: 5 });
    sim.faults.clear();
    expect((await apiGet(sim, token, '/athlete')).status).toBe(200);
  });

  it('applies a probabilistic fault by a seeded PRNG, the same way for the same seed', async () => {
    const pattern = async (s: Simulator, t: string) => {
      s.faults.add('GET /api/v3/athlete', { type: 'status', status: 500 }, { probability: 0.5 });
      const statuses: number[] = [];
      for (let i = 0; i < 12; i += 1) statuses.push((await apiGet(s, t, '/athlete')).status);
      return statuses;
    };
    const first = await pattern(sim, token);
    await sim.close();
    sim = await startSimulator();
    const second = await pattern(sim, sim.issueTokens({ scope: ['read'] }).access_token);
    expect(second).toEqual(first);
    expect(first).toContain(500);
    expect(first).toContain(200);
  });
});
