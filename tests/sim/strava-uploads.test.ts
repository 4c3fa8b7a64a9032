import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { anyOf, apiGet, fault, gpxTrack, gzipped, postUpload, uploadReady } from './sim-test-kit';

let sim: Simulator;
let token: string;
beforeEach(async () => {
  sim = await startSimulator();
  token = sim.issueTokens({ scope: ['activity:write', 'activity:read_all'] }).access_token;
});
afterEach(async () => sim.close());

const PROCESSING = 'Your activity is still being processed.';
const ERROR = 'There was an error processing your activity.';

describe('POST /api/v3/uploads', () => {
  it('accepts a GPX with 201 and an Upload body whose ids exceed 32 bits', async () => {
    const res = await postUpload(sim, token, {
      file: gpxTrack(),
      data_type: 'gpx',
      external_id: 'seq-1',
      name: 'Bay',
      sport_type: 'Kayaking',
    });
    expect(res.status).toBe(201);
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toEqual({
      id: anyOf(Number),
      id_str: String(body.id),
      external_id: 'seq-1',
      error: null,
      status: PROCESSING,
      activity_id: null,
    });
    expect(Number(body.id)).toBeGreaterThan(2 ** 32);
    expect(res.headers.get('x-ratelimit-usage')).toBe('1,1');
  });

  it('processes after processingDelayMs on the sim clock and creates the activity', async () => {
    // Far longer than the test takes in real time, so only the clock jump finishes it.
    sim.config.processingDelayMs = 60_000;
    const posted = (await (
      await postUpload(sim, token, {
        file: gzipped(gpxTrack()),
        fileName: 'ride.gpx.gz',
        data_type: 'gpx.gz',
        external_id: 'seq-2',
        name: 'Paddle',
        description: 'Round the bay',
        sport_type: 'StandUpPaddling',
        commute: '1',
      })
    ).json()) as { id_str: string };
    const early = (await (await apiGet(sim, token, `/uploads/${posted.id_str}`)).json()) as Record<
      string,
      unknown
    >;
    expect(early).toMatchObject({ status: PROCESSING, activity_id: null, error: null });
    expect(sim.state().activities).toEqual([]);
    sim.clock.advance(60_000);
    // The activity exists as soon as processing is over, before anyone polls.
    const [activity] = sim.state().activities;
    expect(activity).toMatchObject({
      name: 'Paddle',
      description: 'Round the bay',
      sport_type: 'StandUpPaddling',
      external_id: 'seq-2.gpx',
      upload_id_str: posted.id_str,
      commute: true,
    });
    const ready = (await (await apiGet(sim, token, `/uploads/${posted.id_str}`)).json()) as Record<
      string,
      unknown
    >;
    expect(ready).toEqual({
      id: Number(posted.id_str),
      id_str: posted.id_str,
      external_id: 'seq-2',
      error: null,
      status: 'Your activity is ready.',
      activity_id: Number(activity?.id),
    });
    expect(sim.state().uploads[0]).toMatchObject({
      id_str: posted.id_str,
      data_type: 'gpx.gz',
      status: 'Your activity is ready.',
      activity_id: activity?.id,
    });
  });

  it('names and types an activity by default and makes its external id from the file name', async () => {
    await uploadReady(sim, token, {
      file: gpxTrack({ start: Date.UTC(2021, 4, 1, 15) }),
      fileName: 'morning.gpx',
    });
    expect(sim.state().activities[0]).toMatchObject({
      name: 'Afternoon Ride',
      sport_type: 'Ride',
      external_id: 'morning.gpx',
    });
  });

  it.each([
    [
      'a data_type outside the list',
      { file: gpxTrack(), data_type: 'kml' },
      400,
      fault('Bad Request', 'Upload', 'data_type', 'invalid'),
    ],
    [
      'an unknown sport_type',
      { file: gpxTrack(), data_type: 'gpx', sport_type: 'Paddleboarding' },
      400,
      fault('Bad Request', 'Upload', 'sport_type', 'invalid'),
    ],
    [
      'an empty file',
      { file: '', data_type: 'gpx' },
      400,
      fault('Bad Request', 'Upload', 'data', 'empty'),
    ],
    ['no file at all', { data_type: 'gpx' }, 400, fault('Bad Request', 'Upload', 'data', 'empty')],
    [
      '.gz data that is not gzip',
      { file: gpxTrack(), data_type: 'gpx.gz' },
      400,
      fault('Bad Request', 'upload', 'gzip', 'invalid encoding'),
    ],
  ])('refuses %s', async (_name, fields, status, body) => {
    const res = await postUpload(sim, token, fields);
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(body);
    expect(res.headers.get('x-ratelimit-limit')).toBe('200,2000');
  });

  it('needs activity:write and a valid token', async () => {
    const readOnly = sim.issueTokens({ scope: ['read', 'activity:read_all'] }).access_token;
    const noScope = await postUpload(sim, readOnly, { file: gpxTrack(), data_type: 'gpx' });
    expect(noScope.status).toBe(401);
    expect(await noScope.json()).toEqual(
      fault('Authorization Error', 'AccessToken', 'activity:write_permission', 'missing'),
    );
    const bad = await postUpload(sim, 'f'.repeat(40), { file: gpxTrack(), data_type: 'gpx' });
    expect(bad.status).toBe(401);
    expect(await bad.json()).toEqual(
      fault('Authorization Error', 'Athlete', 'access_token', 'invalid'),
    );
  });
});

describe('GET /api/v3/uploads/{id}', () => {
  it.each([
    ['a file that is not GPX', 'just some text', /not a GPX/],
    [
      'a track point without <time>',
      '<gpx><trk><trkseg><trkpt lat="1" lon="1"><time>2021-01-01T00:00:00Z</time></trkpt><trkpt lat="1.1" lon="1"></trkpt></trkseg></trk></gpx>',
      /Time information is missing/,
    ],
    ['fewer than two points', gpxTrack({ points: 1 }), /track points/],
  ])('reports %s as a processing error', async (_name, file, reason) => {
    const polled = await uploadReady(sim, token, { file });
    expect(polled.status).toBe(ERROR);
    expect(polled.error).toMatch(reason);
    expect(polled.activity_id).toBeNull();
    expect(sim.state().activities).toEqual([]);
  });

  it('reports a duplicate in the text form and in the html form', async () => {
    const first = await uploadReady(sim, token, { file: gpxTrack(), external_id: 'first' });
    const id = String(first.activity_id);
    sim.config.duplicateForm = 'text';
    const text = await uploadReady(sim, token, { file: gpxTrack(), external_id: '17611540601' });
    expect(text).toMatchObject({
      status: ERROR,
      activity_id: null,
      error: `17611540601.gpx duplicate of activity ${id}`,
    });
    sim.config.duplicateForm = 'html';
    const html = await uploadReady(sim, token, { file: gpxTrack(), fileName: 'ride.gpx' });
    expect(html.error).toBe(
      `ride.gpx duplicate of <a href='/activities/${id}' target='_blank'>Afternoon Ride</a>`,
    );
    expect(sim.state().activities).toHaveLength(1);
  });

  it('alternates the two duplicate forms by default', async () => {
    await uploadReady(sim, token, { file: gpxTrack() });
    const a = await uploadReady(sim, token, { file: gpxTrack() });
    const b = await uploadReady(sim, token, { file: gpxTrack() });
    expect(a.error).toMatch(/duplicate of activity \d+$/);
    expect(b.error).toMatch(/duplicate of <a href='\/activities\/\d+'/);
  });

  it('reports a deleted activity, also for a later upload reusing its external id', async () => {
    const ready = await uploadReady(sim, token, { file: gpxTrack(), external_id: 'gone' });
    sim.deleteActivity(String(ready.activity_id));
    const polled = (await (await apiGet(sim, token, `/uploads/${ready.id_str}`)).json()) as Record<
      string,
      unknown
    >;
    expect(polled).toMatchObject({
      status: 'The created activity has been deleted.',
      error: null,
      activity_id: null,
    });
    const reused = await uploadReady(sim, token, { file: gpxTrack(), external_id: 'gone' });
    expect(reused.status).toBe('The created activity has been deleted.');
  });

  it("answers 404 for an unknown id and for another athlete's upload", async () => {
    const notFound = fault('Record Not Found', 'Upload', 'id', 'not found');
    const unknown = await apiGet(sim, token, '/uploads/123');
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toEqual(notFound);
    const posted = (await (
      await postUpload(sim, token, { file: gpxTrack(), data_type: 'gpx' })
    ).json()) as { id_str: string };
    const other = sim.issueTokens({ scope: ['activity:write'], athleteId: 42 }).access_token;
    const theirs = await apiGet(sim, other, `/uploads/${posted.id_str}`);
    expect(theirs.status).toBe(404);
    expect(await theirs.json()).toEqual(notFound);
  });
});
