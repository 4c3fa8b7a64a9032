import { expect } from 'vitest';
import type { RecordedExchange } from '../support/recording-proxy';
import { validateExchange } from '../support/swagger-contract';
import type { ContractRig, During } from './contract-rig';

/** `GET /api/v3/uploads/{id}` for a concrete path: names what was exercised. */
export const keyOf = (r: RecordedExchange): string =>
  `${r.method} ${r.path.replace(/\/\d+(?=\/|$)/g, '/{id}')}`;

/** The parsed JSON answer of an exchange. */
export const bodyOf = (r: RecordedExchange | undefined): unknown =>
  JSON.parse(r?.responseBody ?? 'null');

/**
 * Runs a client call through the proxy, expects exactly the exchanges `keys`, and
 * expects both sides of each to keep the contract. The exchanges are added to `seen`.
 */
export async function contractOf<T>(
  rig: ContractRig,
  seen: RecordedExchange[],
  action: () => Promise<T>,
  keys: string[],
): Promise<During<T>> {
  const during = await rig.during(action);
  seen.push(...during.exchanges);
  expect(during.exchanges.map(keyOf)).toEqual(keys);
  expect(during.exchanges.flatMap((r) => validateExchange(r))).toEqual([]);
  return during;
}

/** CONTRACTS.md: rate-limit headers on every /api/v3 answer, none on /oauth/token. */
export function rateLimitHeaderProblems(seen: readonly RecordedExchange[]): string[] {
  const problems: string[] = [];
  const names = [
    'x-ratelimit-limit',
    'x-ratelimit-usage',
    'x-readratelimit-limit',
    'x-readratelimit-usage',
  ];
  for (const r of seen) {
    const value = (name: string) => r.responseHeaders[name];
    if (r.path.startsWith('/api/v3/')) {
      for (const name of names) {
        const v = value(name);
        if (typeof v !== 'string' || !/^\d+,\d+$/.test(v))
          problems.push(`${keyOf(r)}: ${name} is ${String(v)}`);
      }
    }
    if (r.path === '/oauth/token') {
      const extra = Object.keys(r.responseHeaders).filter((h) => h.includes('ratelimit'));
      if (extra.length > 0) problems.push(`${keyOf(r)}: has ${extra.join(', ')}`);
    }
  }
  return problems;
}

const documentedNull =
  /^(POST \/api\/v3\/uploads|GET \/api\/v3\/uploads\/\{uploadId\}) → (200|201|400): \/(error must be string|activity_id must be integer)$/;

/**
 * What a strict reading of the swagger (no nulls) finds beyond the Upload's
 * `error: null` / `activity_id: null`, which CONTRACTS.md shows Strava sending.
 */
export function undocumentedNullProblems(seen: readonly RecordedExchange[]): {
  documented: number;
  other: string[];
} {
  const strict = seen.flatMap((r) => validateExchange(r, { nullableOptional: false }));
  return {
    documented: strict.filter((p) => documentedNull.test(p)).length,
    other: strict.filter((p) => !documentedNull.test(p)),
  };
}
