import { stat } from 'node:fs/promises';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import type { UploadInput } from '../../src/core/strava/strava-api-client';
import type { RecordedExchange } from '../support/recording-proxy';
import { sharedAvailable } from '../support/swagger-contract';
import { uploadStatuses } from './contract-shapes';
import { startContractRig, type ContractRig } from './contract-rig';
import {
  contractOf,
  keyOf,
  rateLimitHeaderProblems,
  undocumentedNullProblems,
} from './contract-run';

const processingMs = 60_000;
const paddle = { points: 120, start: Date.UTC(2021, 4, 1, 8, 0, 0) };

let rig: ContractRig;
const seen: RecordedExchange[] = [];
const check = <T>(action: () => Promise<T>, keys: string[]) => contractOf(rig, seen, action, keys);
const upload = (path: string, extra: Partial<UploadInput> = {}) =>
  rig.strava.api.upload({ filePath: path, dataType: 'gpx', ...extra });
const poll = (id: string) => rig.strava.api.getUpload(id);
const processed = () => rig.sim.clock.advance(processingMs + 1000);
const postUpload = ['POST /api/v3/uploads'];
const getUpload = ['GET /api/v3/uploads/{id}'];

describeWhen(sharedAvailable(), skipReasons.shared)(
  'uploads and their polling keep the swagger contract',
  () => {
    beforeAll(async () => {
      rig = await startContractRig({ processingDelayMs: processingMs });
      await rig.useTokens(['read', 'activity:write', 'activity:read_all']);
    });
    afterAll(async () => rig?.close());

    it('uploads a GPX with name, description, external_id, sport_type, trainer and commute', async () => {
      const path = await rig.track('paddle.gpx', paddle);
      const fields = {
        name: 'Morning paddle',
        description: 'MTP sequence',
        externalId: 'mtp-seq-1',
        sportType: 'Kayaking',
        trainer: false,
        commute: true,
      };
      const { exchanges, result } = await check(() => upload(path, fields), postUpload);
      const sent = exchanges[0];
      expect(sent?.status).toBe(201);
      expect(sent?.formFields.map((f) => f.name).sort()).toEqual([
        'commute',
        'data_type',
        'description',
        'external_id',
        'file',
        'name',
        'sport_type',
        'trainer',
      ]);
      const bytes = (await stat(path)).size;
      expect(sent?.formFields.find((f) => f.kind === 'file')).toEqual({
        name: 'file',
        kind: 'file',
        filename: 'paddle.gpx',
        bytes,
      });
      expect(result?.status).toBe(uploadStatuses.processing);
    });

    it('uploads a gzipped GPX as gpx.gz', async () => {
      const path = await rig.track('lake.gpx.gz', { points: 90, start: Date.UTC(2021, 5, 1, 8) });
      const { result } = await check(() => upload(path, { dataType: 'gpx.gz' }), postUpload);
      expect(result?.status).toBe(uploadStatuses.processing);
    });

    it('polls an upload from "still being processed" to "ready"', async () => {
      const path = await rig.track('ready.gpx', { points: 60, start: Date.UTC(2021, 6, 1, 8) });
      const created = await upload(path, { name: 'Ready ride', sportType: 'Ride' });
      const first = await check(() => poll(created.id_str), getUpload);
      expect(first.result?.status).toBe(uploadStatuses.processing);
      processed();
      const second = await check(() => poll(created.id_str), getUpload);
      expect(second.result).toMatchObject({
        status: uploadStatuses.ready,
        activity_id: expect.stringMatching(/^\d+$/),
      });
    });

    it('polls an upload that failed processing', async () => {
      const noTimes =
        '<gpx version="1.1"><trk><trkseg><trkpt lat="1" lon="1"/><trkpt lat="1.1" lon="1"/></trkseg></trk></gpx>';
      const created = await upload(await rig.file('no-times.gpx', noTimes));
      processed();
      const { result } = await check(() => poll(created.id_str), getUpload);
      expect(result).toMatchObject({ status: uploadStatuses.error, error: expect.any(String) });
    });

    it('polls an upload whose activity was deleted', async () => {
      const path = await rig.track('deleted.gpx', { points: 60, start: Date.UTC(2021, 7, 1, 8) });
      const created = await upload(path);
      processed();
      rig.sim.deleteActivity((await poll(created.id_str)).activity_id ?? '');
      const { result } = await check(() => poll(created.id_str), getUpload);
      expect(result).toMatchObject({
        status: uploadStatuses.deleted,
        error: null,
        activity_id: null,
      });
    });

    it.each([
      ['text', /^\S+ duplicate of activity \d+$/],
      ['html', /duplicate of <a href='\/activities\/\d+' target='_blank'>/],
    ] as const)('polls a duplicate in its %s form', async (form, pattern) => {
      rig.sim.config.duplicateForm = form;
      const path = await rig.track(`again-${form}.gpx`, paddle);
      const created = await upload(path, { externalId: `again-${form}` });
      processed();
      const { result } = await check(() => poll(created.id_str), getUpload);
      expect(result).toMatchObject({
        status: uploadStatuses.error,
        error: expect.stringMatching(pattern),
      });
    });

    it('gets a duplicate refused at POST time (a 400 with an Upload body)', async () => {
      rig.sim.faults.add('POST /api/v3/uploads', { type: 'duplicate', at: 'post' });
      const path = await rig.track('post-dup.gpx', { points: 30, start: Date.UTC(2021, 8, 1, 8) });
      const { exchanges, result } = await check(() => upload(path), postUpload);
      expect(exchanges[0]?.status).toBe(400);
      expect(result?.error).toMatch(/duplicate of/);
    });

    it('exercised both upload operations, with rate-limit headers on every answer', () => {
      expect([...new Set(seen.map(keyOf))].sort()).toEqual([...getUpload, ...postUpload]);
      expect(rateLimitHeaderProblems(seen)).toEqual([]);
    });

    it('needs null tolerance only for the Upload nulls CONTRACTS.md shows', () => {
      const { documented, other } = undocumentedNullProblems(seen);
      expect(other).toEqual([]);
      expect(documented).toBeGreaterThan(0);
    });
  },
);
