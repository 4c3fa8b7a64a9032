import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { makeSequenceFolder } from '../support/make-sequence-folder';
import { startPipelineHarness, type PipelineHarness } from '../support/pipeline-harness';

let h: PipelineHarness;
afterEach(async () => h?.close());

const posts = () => h.sim.state().requests['POST /api/v3/uploads'] ?? 0;
const day = (n: number) => ({ points: 60, start: Date.UTC(2021, 4, n, 8) });

describe('the upload pipeline against the simulator', () => {
  it('uploads MTP folders end to end, links MTPW and keeps the MTP Desktop Uploader markers', async () => {
    h = await startPipelineHarness();
    const mtpwId = h.sim.seedMtpwSequence({ name: 'Bay paddle' });
    const folders = [
      await makeSequenceFolder(h.dir, { name: 'Bay paddle', mtpwId, track: day(1) }),
      await makeSequenceFolder(h.dir, {
        name: 'Harbour walk',
        transportType: 'Earth',
        transportMethod: 'Walk',
        track: day(2),
      }),
    ];
    const pipeline = h.pipeline();
    pipeline.add(folders, { createMtpw: false });
    expect(await pipeline.run()).toEqual({ done: 2, failed: 0, stillProcessing: 0 });

    const state = h.sim.state();
    expect(state.activities.map((a) => [a.name, a.sport_type]).sort()).toEqual([
      ['Bay paddle', 'StandUpPaddling'],
      ['Harbour walk', 'Walk'],
    ]);
    const paddle = pipeline.items().find((i) => i.name === 'Bay paddle');
    expect(state.mtpw.sequences.find((s) => s.unique_id === mtpwId)?.strava).toBe(
      paddle?.activityId,
    );
    expect(state.uploads.find((u) => u.id_str === paddle?.uploadId)?.external_id).toBe(mtpwId);
    const marker = JSON.parse(
      await readFile(join(folders[0]!, 'upload_strava.json'), 'utf8'),
    ) as Record<string, unknown>;
    expect(marker).toEqual({
      sequence: 'Bay paddle',
      status: 'TRUE',
      data: paddle?.uploadId,
      activity_id: paddle?.activityId,
    });
    const json = JSON.parse(await readFile(join(folders[0]!, 'Bay paddle.json'), 'utf8')) as {
      sequence: { destination: Record<string, unknown> };
    };
    expect(json.sequence.destination).toMatchObject({ mtp: mtpwId, strava: true });

    pipeline.add(folders, { createMtpw: false });
    await pipeline.run();
    expect(posts()).toBe(2);
  });

  it('sends nothing again on a second run, even with a new journal', async () => {
    h = await startPipelineHarness();
    const folder = await makeSequenceFolder(h.dir, { name: 'Once', track: day(3) });
    const first = h.pipeline();
    first.add([folder], { createMtpw: false });
    await first.run();
    expect(posts()).toBe(1);
    first.add([folder], { createMtpw: false });
    await first.run();
    await h.forgetJournal();
    const fresh = h.pipeline();
    fresh.add([folder], { createMtpw: false });
    expect(await fresh.run()).toEqual({ done: 1, failed: 0, stillProcessing: 0 });
    expect(fresh.items()[0]).toMatchObject({ activitySource: 'already-on-strava' });
    expect(posts()).toBe(1);
  });

  it('creates the MTPW sequence first when asked, and uses its id as external_id', async () => {
    h = await startPipelineHarness();
    const pipeline = h.pipeline();
    pipeline.add([await makeSequenceFolder(h.dir, { name: 'New one', track: day(4) })], {
      createMtpw: true,
    });
    await pipeline.run();
    const [item] = pipeline.items();
    const [sequence] = h.sim.state().mtpw.sequences;
    expect(item).toMatchObject({ stage: 'done', mtpwId: sequence?.unique_id, mtpwSynced: true });
    expect(sequence).toMatchObject({ name: 'New one', strava: item?.activityId });
    expect(h.sim.state().uploads[0]?.external_id).toBe(sequence?.unique_id);
  });

  it('retries what a retry can fix and ends with one activity', async () => {
    h = await startPipelineHarness();
    h.sim.faults.add('POST /api/v3/uploads', { type: 'status', status: 503 }, { times: 2 });
    h.sim.faults.add('POST /api/v3/uploads', { type: 'drop', when: 'after' });
    const pipeline = h.pipeline();
    pipeline.add([await makeSequenceFolder(h.dir, { name: 'Flaky', track: day(5) })], {
      createMtpw: false,
    });
    expect(await pipeline.run()).toEqual({ done: 1, failed: 0, stillProcessing: 0 });
    expect(h.sim.state().activities).toHaveLength(1);
    expect(pipeline.items()[0]?.activitySource).toBe('duplicate');
  });

  it('fails at once on what a retry cannot fix, with a reason', async () => {
    h = await startPipelineHarness();
    const pipeline = h.pipeline();
    pipeline.add([await makeSequenceFolder(h.dir, { name: 'Bad track', track: { points: 1 } })], {
      createMtpw: false,
    });
    expect(await pipeline.run()).toEqual({ done: 0, failed: 1, stillProcessing: 0 });
    expect(pipeline.items()[0]).toMatchObject({
      stage: 'failed',
      failedStep: 'reading',
      attempts: 0,
      error: { kind: 'invalid-gpx' },
    });
    expect(posts()).toBe(0);
  });

  it('stops after three automatic retries, then a user Retry resumes from the failed step', async () => {
    h = await startPipelineHarness();
    const folder = await makeSequenceFolder(h.dir, {
      name: 'Outage',
      mtpwId: h.sim.seedMtpwSequence(),
      track: day(6),
    });
    h.sim.faults.add(
      'PUT /api/v1/sequence/import/{uuid}/',
      { type: 'status', status: 500 },
      { times: 4 },
    );
    const pipeline = h.pipeline();
    pipeline.add([folder], { createMtpw: false });
    expect(await pipeline.run()).toEqual({ done: 0, failed: 1, stillProcessing: 0 });
    expect(pipeline.items()[0]).toMatchObject({
      failedStep: 'syncing',
      attempts: 3,
      error: { kind: 'mtpw' },
    });
    expect(h.sim.state().requests['PUT /api/v1/sequence/import/{uuid}/']).toBe(4);

    expect(pipeline.retry().map((i) => i.stage)).toEqual(['syncing']);
    expect(await pipeline.run()).toEqual({ done: 1, failed: 0, stillProcessing: 0 });
    expect(posts()).toBe(1); // Strava was never asked again
  });

  it('resumes a journaled upload by polling it, never posting it again', async () => {
    h = await startPipelineHarness();
    const folder = await makeSequenceFolder(h.dir, { name: 'Crashed', track: day(7) });
    const first = h.pipeline();
    first.add([folder], { createMtpw: false });
    const stop = new AbortController();
    const unsubscribe = first.subscribe((items) => {
      if (items[0]?.stage === 'processing') stop.abort();
    });
    await first.run({ signal: stop.signal });
    unsubscribe();
    expect(first.items()[0]).toMatchObject({ stage: 'processing', uploadId: expect.any(String) });
    const restarted = h.pipeline();
    expect(await restarted.run()).toEqual({ done: 1, failed: 0, stillProcessing: 0 });
    expect(posts()).toBe(1);
  });

  it('confirms many uploads with list reads instead of one poll each', async () => {
    h = await startPipelineHarness();
    const folders = [];
    for (let i = 0; i < 8; i++)
      folders.push(await makeSequenceFolder(h.dir, { name: `Batch ${i}`, track: day(10 + i) }));
    const pipeline = h.pipeline({ concurrency: 4 });
    pipeline.add(folders, { createMtpw: false });
    expect(await pipeline.run()).toEqual({ done: 8, failed: 0, stillProcessing: 0 });
    const requests = h.sim.state().requests;
    expect(requests['GET /api/v3/uploads/{id}'] ?? 0).toBe(0);
    expect(requests['GET /api/v3/athlete/activities']).toBeLessThan(8);
  });

  it('leaves a slow upload "still processing on Strava" rather than posting it again', async () => {
    h = await startPipelineHarness({ processingDelayMs: 3_600_000 });
    const pipeline = h.pipeline({ pollBoundMs: 300 });
    pipeline.add([await makeSequenceFolder(h.dir, { name: 'Slow', track: day(20) })], {
      createMtpw: false,
    });
    expect(await pipeline.run({ stopOnSlowProcessing: true })).toEqual({
      done: 0,
      failed: 0,
      stillProcessing: 1,
    });
    expect(pipeline.items()[0]?.waitingFor).toMatch(/Still processing on Strava/);
    expect(posts()).toBe(1);
  });

  it('waits for the rate-limit window instead of sending what would be refused', async () => {
    h = await startPipelineHarness({ rateLimits: { overall: [1, 2000] } });
    await h.strava.api.getAthlete(); // the one request of this window
    const pipeline = h.pipeline();
    pipeline.add([await makeSequenceFolder(h.dir, { name: 'Later', track: day(21) })], {
      createMtpw: false,
    });
    const stop = new AbortController();
    pipeline.subscribe((items) => {
      if (items[0]?.waitingFor?.includes('rate limit')) stop.abort();
    });
    await pipeline.run({ signal: stop.signal });
    expect(pipeline.items()[0]).toMatchObject({
      stage: 'uploading',
      waitingFor: expect.stringMatching(/rate limit/),
    });
    expect(posts()).toBe(0);
    expect(h.sim.state().requests['GET /api/v3/athlete']).toBe(1);
  });
});
