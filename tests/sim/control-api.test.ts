import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type SimStateSnapshot, type Simulator } from '../../src/sim/index';
import { anyOf, apiGet, gpxTrack, uploadReady } from './sim-test-kit';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator();
});
afterEach(async () => sim.close());

async function control(
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; json: Record<string, unknown> }> {
  const res = await fetch(`${sim.url}/__sim${path}`, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as Record<string, unknown> };
}

async function state(): Promise<SimStateSnapshot> {
  return (await control('GET', '/state')).json as unknown as SimStateSnapshot;
}

describe('/__sim control API', () => {
  it('serves the same state as state(), with string ids, and does not count itself', async () => {
    const { access_token } = (
      await control('POST', '/tokens', { scope: ['activity:write', 'activity:read'] })
    ).json as { access_token: string };
    const ready = await uploadReady(sim, access_token, {
      file: gpxTrack(),
      external_id: 'e1',
      name: 'N',
    });
    const snapshot = await state();
    expect(snapshot).toEqual({
      ...sim.state(),
      now: anyOf(Number),
      rateLimit: anyOf(Object),
    });
    expect(snapshot.activities[0]).toMatchObject({
      id: String(ready.activity_id),
      external_id: 'e1.gpx',
      name: 'N',
      athlete_id: '83920146',
      upload_id_str: ready.id_str,
    });
    expect(snapshot.uploads[0]).toMatchObject({
      id_str: ready.id_str,
      external_id: 'e1',
      athlete_id: '83920146',
      data_type: 'gpx',
      name: 'N',
      bytes: anyOf(Number),
    });
    expect(snapshot.requests).toEqual({ 'POST /api/v3/uploads': 1, 'GET /api/v3/uploads/{id}': 1 });
  });

  it('plans and clears faults', async () => {
    const token = sim.issueTokens({ scope: ['read'] }).access_token;
    const added = await control('POST', '/faults', {
      endpoint: 'GET /api/v3/athlete',
      fault: { type: 'status', status: 503 },
      times: 2,
    });
    expect(added.status).toBe(200);
    expect((await apiGet(sim, token, '/athlete')).status).toBe(503);
    expect((await state()).faults).toEqual([
      { endpoint: 'GET /api/v3/athlete', fault: { type: 'status', status: 503 }, remaining: 1 },
    ]);
    expect((await control('DELETE', '/faults')).status).toBe(200);
    expect((await apiGet(sim, token, '/athlete')).status).toBe(200);
    expect(
      (await control('POST', '/faults', { endpoint: 'x', fault: { type: 'nope' } })).status,
    ).toBe(400);
  });

  it('moves the clock and changes the config', async () => {
    const set = await control('POST', '/clock', { setMs: Date.UTC(2030, 0, 1) });
    expect(Number(set.json.now)).toBeGreaterThanOrEqual(Date.UTC(2030, 0, 1));
    const advanced = await control('POST', '/clock', { advanceMs: 86_400_000 });
    expect(Number(advanced.json.now)).toBeGreaterThanOrEqual(Date.UTC(2030, 0, 2));
    const config = await control('POST', '/config', {
      inactive: true,
      rateLimits: { read: [5, 50] },
    });
    expect(config.json).toMatchObject({
      inactive: true,
      rateLimits: { overall: [200, 2000], read: [5, 50] },
    });
    expect(sim.config.inactive).toBe(true);
    expect((await control('POST', '/config', { inactive: 'yes' })).status).toBe(400);
    expect((await control('POST', '/config', { unknownSetting: 1 })).status).toBe(400);
  });

  it('seeds MTPW, issues an MTPW token, deletes an activity and resets', async () => {
    const { unique_id } = (await control('POST', '/mtpw/sequences', { name: 'Seeded' })).json as {
      unique_id: string;
    };
    const { access_token } = (await control('POST', '/mtpw/token')).json as {
      access_token: string;
    };
    const res = await fetch(`${sim.url}/api/v1/sequence/import/${unique_id}/`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${access_token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ strava: '42' }),
    });
    expect(await res.json()).toMatchObject({ status: true });

    const strava = sim.issueTokens({ scope: ['activity:write'] }).access_token;
    const ready = await uploadReady(sim, strava, { file: gpxTrack() });
    expect((await control('POST', `/activities/${ready.activity_id}/delete`)).status).toBe(200);
    expect((await state()).activities[0]?.deleted).toBe(true);
    expect((await control('POST', '/activities/1/delete')).status).toBe(404);

    expect((await control('POST', '/reset')).status).toBe(200);
    const after = await state();
    expect(after.activities).toEqual([]);
    expect(after.mtpw.sequences).toEqual([]);
    expect(after.requests).toEqual({});
    expect((await apiGet(sim, strava, '/athlete')).status).toBe(401);
  });
});
