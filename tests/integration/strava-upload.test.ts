import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { gpxText } from '../support/generate-gpx';
import { startHarness, type SimHarness } from '../support/sim-harness';
import { uploadOutcome } from '../../src/core/strava/upload-status';

let dir: string;
let h: SimHarness;
let n = 0;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mtp-upload-'));
});
afterAll(async () => rm(dir, { recursive: true, force: true }));
afterEach(async () => h?.close());

/** A distinct track each time, so the simulator does not see duplicates unless we want one. */
async function track(options: { gz?: boolean; text?: string } = {}): Promise<string> {
  n += 1;
  const text =
    options.text ?? gpxText({ points: 30, start: Date.UTC(2021, 4, n, 8), name: `Track ${n}` });
  const path = join(dir, `track-${n}.gpx${options.gz ? '.gz' : ''}`);
  await writeFile(path, options.gz ? gzipSync(text) : text);
  return path;
}

async function processed(uploadId: string) {
  h.sim.clock.advance(60_000);
  return uploadOutcome(await h.strava.api.getUpload(uploadId));
}

describe('Strava uploads against the simulator', () => {
  it('uploads a gzipped GPX with its fields and reads it ready', async () => {
    h = await startHarness();
    await h.signInStrava();
    const progress: number[] = [];
    const upload = await h.strava.api.upload(
      {
        filePath: await track({ gz: true }),
        dataType: 'gpx.gz',
        name: 'Paddle',
        description: 'Round the bay',
        externalId: 'f2c6c9b6-1f8c-4d5e-9a39-2c6a1c5c0d11',
        sportType: 'StandUpPaddling',
      },
      { onProgress: (p) => progress.push(p.transferred) },
    );
    expect(upload.id_str).toMatch(/^\d{10,}$/);
    expect(uploadOutcome(upload).state).toBe('processing');
    expect(progress.at(-1)).toBeGreaterThan(0);
    const outcome = await processed(upload.id_str);
    expect(outcome.state).toBe('ready');
    const [activity] = h.sim.state().activities;
    expect(activity).toMatchObject({
      name: 'Paddle',
      description: 'Round the bay',
      sport_type: 'StandUpPaddling',
    });
    expect(outcome).toMatchObject({ activityId: activity?.id });
  });

  it('sends a track given as bytes in memory, and refuses a request with both a path and bytes', async () => {
    h = await startHarness();
    await h.signInStrava();
    const bytes = gzipSync(gpxText({ points: 30, start: Date.UTC(2021, 7, 1, 8), name: 'Bytes' }));
    const upload = await h.strava.api.upload({
      fileBytes: bytes,
      fileName: 'walk.gpx.gz',
      dataType: 'gpx.gz',
      name: 'From memory',
    });
    expect((await processed(upload.id_str)).state).toBe('ready');
    expect(h.sim.state().activities.map((a) => a.name)).toEqual(['From memory']);
    const both = h.strava.api.upload({
      fileBytes: bytes,
      filePath: await track({ gz: true }),
      dataType: 'gpx.gz',
    });
    await expect(both).rejects.toMatchObject({ kind: 'invalid-input' });
    expect(h.sim.state().uploads).toHaveLength(1);
  });

  it('resolves a duplicate in both forms to the existing activity', async () => {
    h = await startHarness();
    await h.signInStrava();
    const file = await track();
    const first = await processed(
      (await h.strava.api.upload({ filePath: file, dataType: 'gpx' })).id_str,
    );
    expect(first.state).toBe('ready');
    const original = first.state === 'ready' ? first.activityId : '';
    for (const form of ['text', 'html'] as const) {
      h.sim.config.duplicateForm = form;
      const again = await processed(
        (await h.strava.api.upload({ filePath: file, dataType: 'gpx' })).id_str,
      );
      expect(again).toMatchObject({ state: 'duplicate', activityId: original });
    }
    expect(h.sim.state().activities).toHaveLength(1);
  });

  it('returns a duplicate refused at POST time as an outcome, not a crash', async () => {
    h = await startHarness();
    await h.signInStrava();
    const first = await processed(
      (await h.strava.api.upload({ filePath: await track(), dataType: 'gpx' })).id_str,
    );
    h.sim.faults.add('POST /api/v3/uploads', { type: 'duplicate', at: 'post' });
    const upload = await h.strava.api.upload({ filePath: await track(), dataType: 'gpx' });
    expect(uploadOutcome(upload)).toMatchObject({
      state: 'duplicate',
      activityId: first.state === 'ready' ? first.activityId : 'x',
    });
  });

  it('reads processing errors and deleted activities', async () => {
    h = await startHarness();
    await h.signInStrava();
    const noTime =
      '<?xml version="1.0"?><gpx version="1.1"><trk><trkseg><trkpt lat="1" lon="1"></trkpt><trkpt lat="1.1" lon="1"></trkpt></trkseg></trk></gpx>';
    const bad = await processed(
      (await h.strava.api.upload({ filePath: await track({ text: noTime }), dataType: 'gpx' }))
        .id_str,
    );
    expect(bad.state).toBe('error');
    const good = await processed(
      (await h.strava.api.upload({ filePath: await track(), dataType: 'gpx' })).id_str,
    );
    if (good.state !== 'ready') throw new Error('expected ready');
    h.sim.deleteActivity(good.activityId);
    expect(uploadOutcome(await h.strava.api.getUpload(good.uploadId))).toEqual({
      state: 'deleted',
      uploadId: good.uploadId,
    });
  });

  it.each([
    ['an empty file', { text: '' }, 'gpx', 'invalid-gpx'],
    ['gz data that is not gzip', { text: 'plain' }, 'gpx.gz', 'invalid-gpx'],
  ] as const)('refuses %s with a typed error', async (_name, file, dataType, kind) => {
    h = await startHarness();
    await h.signInStrava();
    await expect(
      h.strava.api.upload({ filePath: await track(file), dataType }),
    ).rejects.toMatchObject({ kind, retryable: false });
  });

  it('explains a missing upload permission', async () => {
    h = await startHarness();
    await h.signInStrava(['read']).catch(() => undefined); // the redirect parser refuses it...
    const tokens = h.sim.issueTokens({ scope: ['read'] }); // ...so store such tokens directly
    await h.secrets.set(
      'strava.tokens',
      JSON.stringify({
        accessToken: tokens.access_token,
        refreshToken: tokens.refresh_token,
        expiresAt: tokens.expires_at,
        scopes: ['read'],
      }),
    );
    await expect(
      h.strava.api.upload({ filePath: await track(), dataType: 'gpx' }),
    ).rejects.toMatchObject({ kind: 'scope', retryable: false });
    await expect(h.strava.api.listActivities({})).rejects.toMatchObject({ kind: 'scope' });
  });

  it('reads a 429 from the headers and then sends nothing until the window resets', async () => {
    h = await startHarness({ rateLimits: { overall: [3, 2000] } });
    await h.signInStrava();
    for (let i = 0; i < 3; i++) await h.strava.api.getAthlete();
    const sent = h.sim.state().requests['GET /api/v3/athlete'];
    await expect(h.strava.api.getAthlete()).rejects.toMatchObject({
      kind: 'rate-limit',
      retryable: true,
      retryAt: expect.any(Number),
    });
    expect(h.sim.state().requests['GET /api/v3/athlete']).toBe(sent); // known refusal: never sent
    h.sim.faults.add('GET /api/v3/athlete', { type: 'rate-limit' });
    h.sim.clock.advance(15 * 60_000);
    await expect(h.strava.api.getAthlete()).rejects.toMatchObject({
      kind: 'rate-limit',
      status: 429,
    });
    expect(h.strava.rateLimits.check('read', h.clock.now()).ok).toBe(false);
  });

  it('types transport failures as retryable', async () => {
    h = await startHarness({ timeouts: { connectMs: 2000, responseMs: 300, idleMs: 300 } });
    await h.signInStrava();
    const file = await track();
    h.sim.faults.add('POST /api/v3/uploads', { type: 'status', status: 503 });
    await expect(h.strava.api.upload({ filePath: file, dataType: 'gpx' })).rejects.toMatchObject({
      kind: 'server',
      retryable: true,
    });
    h.sim.faults.add('POST /api/v3/uploads', { type: 'drop' });
    await expect(h.strava.api.upload({ filePath: file, dataType: 'gpx' })).rejects.toMatchObject({
      kind: 'network',
      retryable: true,
    });
    h.sim.faults.add('GET /api/v3/athlete', { type: 'stall', ms: 5000 });
    await expect(h.strava.api.getAthlete()).rejects.toMatchObject({
      kind: 'timeout',
      retryable: true,
    });
    // The body is rebuilt for each try: the same file uploads fine afterwards.
    expect((await h.strava.api.upload({ filePath: file, dataType: 'gpx' })).id_str).toMatch(
      /^\d+$/,
    );
  });

  it('lists activities after a start time and updates one', async () => {
    h = await startHarness();
    await h.signInStrava();
    const done = await processed(
      (await h.strava.api.upload({ filePath: await track(), dataType: 'gpx' })).id_str,
    );
    if (done.state !== 'ready') throw new Error('expected ready');
    const listed = await h.strava.api.listActivities({ after: Date.UTC(2021, 0, 1) / 1000 });
    expect(listed.map((a) => a.upload_id_str)).toContain(done.uploadId);
    expect(await h.strava.api.listActivities({ after: Date.UTC(2030, 0, 1) / 1000 })).toEqual([]);
    const updated = await h.strava.api.updateActivity(done.activityId, {
      sport_type: 'Walk',
      hide_from_home: true,
    });
    expect(updated).toMatchObject({ id: done.activityId, sport_type: 'Walk' });
    expect(await h.strava.api.getActivity(done.activityId)).toMatchObject({ sport_type: 'Walk' });
  });
});
