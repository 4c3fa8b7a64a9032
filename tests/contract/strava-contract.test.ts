import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import type { RecordedExchange } from '../support/recording-proxy';
import { sharedAvailable } from '../support/swagger-contract';
import { startContractRig, type ContractRig } from './contract-rig';
import {
  bodyOf,
  contractOf,
  keyOf,
  rateLimitHeaderProblems,
  undocumentedNullProblems,
} from './contract-run';

const hourMs = 3_600_000;
const trackStart = Date.UTC(2021, 4, 1, 8, 0, 0);

let rig: ContractRig;
const seen: RecordedExchange[] = [];
const check = <T>(action: () => Promise<T>, keys: string[]) => contractOf(rig, seen, action, keys);
let activityId = '';

describeWhen(sharedAvailable(), skipReasons.shared)(
  'sign-in, athlete and activity calls of the core client keep the contract',
  () => {
    beforeAll(async () => {
      rig = await startContractRig({ processingDelayMs: 0 });
    });
    afterAll(async () => rig?.close());

    it('signs in: the authorize URL and the code exchange', async () => {
      const keys = ['GET /oauth/authorize', 'POST /oauth/token'];
      const { exchanges } = await check(() => rig.signIn(), keys);
      expect(exchanges.map((r) => r.status)).toEqual([302, 200]);
      // An activity to read and update (its own upload calls are covered elsewhere).
      const path = await rig.track('ride.gpx', { points: 60, start: trackStart });
      const created = await rig.strava.api.upload({ filePath: path, dataType: 'gpx' });
      rig.sim.clock.advance(1000);
      activityId = (await rig.strava.api.getUpload(created.id_str)).activity_id ?? '';
      expect(activityId).toMatch(/^\d+$/);
    });

    it('reads the athlete', async () => {
      const { result } = await check(() => rig.strava.api.getAthlete(), ['GET /api/v3/athlete']);
      expect(result?.id).toMatch(/^\d+$/);
    });

    it('lists activities with after, before, page and per_page', async () => {
      const list = ['GET /api/v3/athlete/activities'];
      const after = Math.floor((trackStart - hourMs) / 1000);
      const first = await check(
        () => rig.strava.api.listActivities({ after, page: 1, perPage: 50 }),
        list,
      );
      expect(first.exchanges[0]?.query).toEqual([
        ['page', '1'],
        ['per_page', '50'],
        ['after', String(after)],
      ]);
      expect(first.result).toHaveLength(1);
      const before = Math.floor(Date.UTC(2030, 0, 1) / 1000);
      const second = await check(
        () => rig.strava.api.listActivities({ after: 0, before, page: 2, perPage: 1 }),
        list,
      );
      expect(second.exchanges[0]?.query.map(([name]) => name)).toContain('before');
      expect(second.result).toEqual([]);
    });

    it('reads an activity', async () => {
      const keys = ['GET /api/v3/activities/{id}'];
      const { result } = await check(() => rig.strava.api.getActivity(activityId), keys);
      expect(result?.id).toBe(activityId);
    });

    it('updates an activity with every UpdatableActivity field the client offers', async () => {
      const update = {
        name: 'Renamed',
        description: 'Updated',
        sport_type: 'Canoeing',
        commute: false,
        trainer: false,
        hide_from_home: true,
        gear_id: 'b12345',
      };
      const { exchanges, result } = await check(
        () => rig.strava.api.updateActivity(activityId, update),
        ['PUT /api/v3/activities/{id}'],
      );
      expect(exchanges[0]?.json).toEqual(update);
      expect(result).toMatchObject({ name: 'Renamed', sport_type: 'Canoeing' });
      expect(bodyOf(exchanges[0])).toMatchObject({ gear: { id: 'b12345' } });
    });

    it('refreshes an expired access token before a call', async () => {
      rig.sim.clock.advance(6 * hourMs);
      const { exchanges } = await check(
        () => rig.strava.api.getAthlete(),
        ['POST /oauth/token', 'GET /api/v3/athlete'],
      );
      const grant = exchanges[0]?.formFields.find((f) => f.name === 'grant_type');
      expect(grant).toMatchObject({ value: 'refresh_token' });
    });

    it('revokes the grant on sign-out', async () => {
      const { exchanges, result } = await check(
        () => rig.strava.session.signOut(),
        ['POST /oauth/revoke'],
      );
      expect(exchanges[0]?.status).toBe(200);
      expect(result).toEqual({ revokedAtStrava: true });
    });

    it('deauthorizes with the older endpoint', async () => {
      await rig.useTokens(['read', 'activity:write']);
      const token = await rig.strava.session.accessToken();
      const { exchanges } = await check(
        () => rig.strava.oauth.deauthorize(token),
        ['POST /oauth/deauthorize'],
      );
      expect(exchanges[0]?.status).toBe(200);
    });

    it('exercised every operation here, with rate-limit headers where CONTRACTS.md says', () => {
      expect([...new Set(seen.map(keyOf))].sort()).toEqual([
        'GET /api/v3/activities/{id}',
        'GET /api/v3/athlete',
        'GET /api/v3/athlete/activities',
        'GET /oauth/authorize',
        'POST /oauth/deauthorize',
        'POST /oauth/revoke',
        'POST /oauth/token',
        'PUT /api/v3/activities/{id}',
      ]);
      expect(rateLimitHeaderProblems(seen)).toEqual([]);
    });

    it('needs no null tolerance for athletes, activities or tokens', () => {
      expect(undocumentedNullProblems(seen)).toEqual({ documented: 0, other: [] });
    });
  },
);
