import { afterEach, beforeEach, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import type { RecordedExchange } from '../support/recording-proxy';
import {
  responseBodyOf,
  sharedAvailable,
  validateExchange,
  validateRequest,
  validateResponse,
} from '../support/swagger-contract';
import { startContractRig, type ContractRig } from './contract-rig';
import { keyOf } from './contract-run';
import { apiFaultRows } from './api-fault-rows';
import { oauthFaultRows } from './oauth-fault-rows';

const faultRows = [...oauthFaultRows, ...apiFaultRows];

const answerProblems = (r: RecordedExchange) =>
  validateResponse(r.method, r.path, r.status, responseBodyOf(r.responseBody));

let rig: ContractRig;

describeWhen(sharedAvailable(), skipReasons.shared)(
  'every error the simulator gives is a Fault of the contract',
  () => {
    beforeEach(async () => {
      rig = await startContractRig();
    });
    afterEach(async () => rig?.close());

    it.each(faultRows)('$name → $status', async (row) => {
      const { exchanges } = await rig.during(() => row.trigger(rig));
      const hit = exchanges.findLast((r) => keyOf(r) === row.key && r.status === row.status);
      expect(
        hit,
        `${row.key} answered ${row.status}; got ${exchanges.map((r) => `${keyOf(r)} ${r.status}`).join(', ')}`,
      ).toBeDefined();
      if (!hit) return;
      if (row.responseOnly) {
        expect(answerProblems(hit)).toEqual([]);
        // The request breaks the contract on purpose, and the validator says so.
        expect(validateRequest(hit)).not.toEqual([]);
      } else {
        expect(exchanges.flatMap((r) => validateExchange(r))).toEqual([]);
      }
      const [resource, field, code] = row.error ?? [];
      expect(responseBodyOf(hit.responseBody)).toMatchObject({
        ...(row.message ? { message: row.message } : {}),
        errors: row.error ? [{ resource, field, code }] : [],
      });
    });

    it('answers a 429 with the rate-limit headers and no Retry-After', async () => {
      const row = faultRows.find((r) => r.status === 429);
      const { exchanges } = await rig.during(() => row?.trigger(rig) ?? Promise.resolve());
      const hit = exchanges.find((r) => r.status === 429);
      expect(hit?.responseHeaders['retry-after']).toBeUndefined();
      expect(hit?.responseHeaders['x-ratelimit-usage']).toMatch(/^\d+,\d+$/);
    });

    it("shows Strava's HTML pages at authorize: the approval page, and the athlete cap with no redirect", async () => {
      rig.sim.config.autoApprove = false;
      const page = await rig.during(() => rig.authorizeCode());
      expect(page.exchanges.map((r) => [r.status, r.responseHeaders['content-type']])).toEqual([
        [200, 'text/html; charset=utf-8'],
      ]);
      rig.sim.config.autoApprove = true;
      rig.sim.config.athleteCap = true;
      const capped = await rig.during(() => rig.authorizeCode());
      expect(capped.exchanges.map((r) => r.status)).toEqual([403]);
      expect(capped.exchanges[0]?.responseBody).toContain('Limit of connected athletes exceeded');
      expect([...page.exchanges, ...capped.exchanges].flatMap((r) => validateExchange(r))).toEqual(
        [],
      );
    });

    it('answers a 502 with the gateway page, which is outside the API contract (not a Fault)', async () => {
      await rig.useTokens(['read']);
      rig.sim.faults.add('GET /api/v3/athlete', { type: 'status', status: 502 });
      const { exchanges } = await rig.during(() => rig.strava.api.getAthlete());
      const hit = exchanges.find((r) => r.status === 502);
      expect(hit?.responseHeaders['content-type']).toMatch(/^text\/html/);
      expect(hit ? answerProblems(hit) : []).toContainEqual(
        expect.stringContaining('the body is not JSON'),
      );
    });
  },
);
