import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { apiGet, bearer, fault, gpxTrack, uploadReady } from './sim-test-kit';

let sim: Simulator;
let token: string;
beforeEach(async () => {
  sim = await startSimulator();
  token = sim.issueTokens({ scope: ['activity:write', 'activity:read_all'] }).access_token;
});
afterEach(async () => sim.close());

const day = (d: number) => Date.UTC(2021, 4, d, 9);

async function list(query: string, t = token): Promise<Record<string, unknown>[]> {
  const res = await apiGet(sim, t, `/athlete/activities${query}`);
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, unknown>[];
}

function put(id: string, body: string, contentType: string): Promise<Response> {
  return fetch(`${sim.url}/api/v3/activities/${id}`, {
    method: 'PUT',
    headers: { ...bearer(token), 'content-type': contentType },
    body,
  });
}

describe('GET /api/v3/athlete', () => {
  it("returns the token's athlete in detail", async () => {
    const res = await apiGet(sim, token, '/athlete');
    expect(await res.json()).toMatchObject({
      id: 83920146,
      username: 'sim_rider',
      firstname: 'Sam',
      lastname: 'Simulator',
      resource_state: 3,
    });
  });
});

describe('GET /api/v3/athlete/activities', () => {
  it('lists only ready activities of the athlete, newest start first, filtered on start time', async () => {
    const ids: string[] = [];
    for (const d of [1, 3, 2])
      ids.push((await uploadReady(sim, token, { file: gpxTrack({ start: day(d) }) })).id_str);
    const other = sim.issueTokens({ scope: ['activity:write'], athleteId: 7 }).access_token;
    await uploadReady(sim, other, { file: gpxTrack({ start: day(4) }) });
    await uploadReady(sim, token, { file: 'not gpx' });

    const all = await list('');
    expect(all.map((a) => a.upload_id_str)).toEqual([ids[1], ids[2], ids[0]]);
    expect(all[0]).toMatchObject({
      resource_state: 2,
      athlete: { id: 83920146, resource_state: 1 },
      start_date: '2021-05-03T09:00:00Z',
      sport_type: 'Ride',
      type: 'Ride',
      manual: false,
    });
    const after = await list(`?after=${day(1) / 1000}`);
    expect(after.map((a) => a.upload_id_str)).toEqual([ids[1], ids[2]]);
    const before = await list(`?before=${day(3) / 1000}&after=${day(1) / 1000 - 1}`);
    expect(before.map((a) => a.upload_id_str)).toEqual([ids[2], ids[0]]);
    const page2 = await list('?per_page=2&page=2');
    expect(page2.map((a) => a.upload_id_str)).toEqual([ids[0]]);
  });

  it('needs a read scope', async () => {
    const writeOnly = sim.issueTokens({ scope: ['activity:write'] }).access_token;
    const res = await apiGet(sim, writeOnly, '/athlete/activities');
    expect(res.status).toBe(401);
    expect(await res.json()).toEqual(
      fault('Authorization Error', 'AccessToken', 'activity:read_permission', 'missing'),
    );
    const readOnly = sim.issueTokens({ scope: ['activity:read'] }).access_token;
    expect(await list('', readOnly)).toEqual([]);
  });
});

describe('GET and PUT /api/v3/activities/{id}', () => {
  it('returns the detailed activity with figures from the track', async () => {
    const ready = await uploadReady(sim, token, {
      file: gpxTrack({ points: 11, stepS: 10 }),
      description: 'd',
    });
    const res = await apiGet(sim, token, `/activities/${ready.activity_id}`);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      id: ready.activity_id,
      resource_state: 3,
      description: 'd',
      elapsed_time: 100,
      upload_id_str: ready.id_str,
      private: false,
      trainer: false,
    });
    expect(body.distance).toBeGreaterThan(100);
    expect(body.start_latlng).toEqual([51.5, -0.12]);
  });

  it('updates from JSON and from a form, and validates the sport type', async () => {
    const ready = await uploadReady(sim, token, { file: gpxTrack() });
    const id = String(ready.activity_id);
    const json = await put(
      id,
      JSON.stringify({
        name: 'Renamed',
        sport_type: 'Walk',
        hide_from_home: true,
        gear_id: 'b123',
      }),
      'application/json',
    );
    expect(json.status).toBe(200);
    expect(await json.json()).toMatchObject({
      name: 'Renamed',
      sport_type: 'Walk',
      type: 'Walk',
      hide_from_home: true,
      gear_id: 'b123',
    });
    const form = await put(
      id,
      new URLSearchParams({ commute: 'true', description: 'by form', gear_id: 'none' }).toString(),
      'application/x-www-form-urlencoded',
    );
    expect(await form.json()).toMatchObject({
      commute: true,
      description: 'by form',
      name: 'Renamed',
    });
    expect(sim.state().activities[0]).toMatchObject({
      commute: true,
      gear_id: null,
      hide_from_home: true,
    });
    const bad = await put(id, JSON.stringify({ sport_type: 'Flying' }), 'application/json');
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual(fault('Bad Request', 'Activity', 'sport_type', 'invalid'));
  });

  it("answers 404 for unknown, deleted and other athletes' activities, and needs the right scopes", async () => {
    const ready = await uploadReady(sim, token, { file: gpxTrack() });
    const id = String(ready.activity_id);
    const other = sim.issueTokens({
      scope: ['activity:write', 'activity:read'],
      athleteId: 7,
    }).access_token;
    const theirs = await apiGet(sim, other, `/activities/${id}`);
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toEqual(fault('Record Not Found', 'Activity', 'id', 'not found'));
    const readOnly = sim.issueTokens({ scope: ['activity:read'] }).access_token;
    const noWrite = await fetch(`${sim.url}/api/v3/activities/${id}`, {
      method: 'PUT',
      headers: { ...bearer(readOnly), 'content-type': 'application/json' },
      body: '{}',
    });
    expect(noWrite.status).toBe(401);
    expect(await noWrite.json()).toEqual(
      fault('Authorization Error', 'AccessToken', 'activity:write_permission', 'missing'),
    );
    sim.deleteActivity(id);
    expect((await apiGet(sim, token, `/activities/${id}`)).status).toBe(404);
    expect(() => sim.deleteActivity('1')).toThrow(RangeError);
  });
});
