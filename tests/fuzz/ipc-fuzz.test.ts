import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ipcContract, type Channel } from '../../src/shared/ipc-contract';
import { uploadErrorDataSchema } from '../../src/shared/upload-error-data';
import { startAppHarness, type AppHarness } from '../support/app-harness';

let h: AppHarness;
beforeAll(async () => {
  h = await startAppHarness();
});
afterAll(async () => h.close());

const channels = Object.keys(ipcContract) as Channel[];

/** Hostile shapes on top of fast-check's anything(): prototype keys, huge and deep values, path tricks. */
const hostile = fc.oneof(
  fc.anything({
    withBigInt: true,
    withDate: true,
    withMap: true,
    withSet: true,
    withTypedArray: true,
    withSparseArray: true,
    withNullPrototype: true,
  }),
  fc.constantFrom<unknown>(
    JSON.parse('{"__proto__": {"polluted": true}}'),
    { constructor: { prototype: { polluted: true } } },
    { paths: ['../../../../etc/passwd'.repeat(1000)], createMtpw: 'yes' },
    { service: 'strava', method: 'window', extra: 1 },
    { id: 'ffffffffffffffff'.repeat(100) },
    { activityId: '1'.repeat(21) },
    { clientId: '1', clientSecret: "'; DROP TABLE" },
    'x'.repeat(1_000_000),
  ),
  fc.letrec((tie) => ({
    deep: fc.oneof(
      { depthSize: 'small' },
      fc.constant(null),
      fc.array(tie('deep'), { maxLength: 3 }),
    ),
  })).deep,
);

async function stateUnchanged(): Promise<void> {
  const queue = await h.app.handle('queue:get', {});
  expect(queue).toEqual({ ok: true, value: { seq: 0, items: [] } });
  expect(await h.secrets.accounts()).toEqual([]);
  expect(h.opened).toEqual([]);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('IPC fuzzing: random and hostile payloads to every handler', () => {
  it.each(channels)(
    '%s rejects every invalid payload with a validation error, never a throw',
    async (channel) => {
      await fc.assert(
        fc.asyncProperty(hostile, async (payload) => {
          // A call without arguments (undefined) is the empty request, as the preload sends it.
          fc.pre(
            !ipcContract[channel].request.safeParse(payload === undefined ? {} : payload).success,
          );
          const result = await h.app.handle(channel, payload);
          expect(result).toMatchObject({
            ok: false,
            error: { kind: 'invalid-input', retryable: false },
          });
        }),
        { numRuns: 150 },
      );
      await stateUnchanged();
    },
  );

  it.each(['accounts:get', 'settings:get', 'queue:get', 'queue:retry', 'accounts:cancelConnect'])(
    '%s answers, valid request or not, with exactly what its response schema allows',
    async (channel) => {
      const valid = fc.constantFrom<unknown>(
        {},
        undefined,
        { service: 'strava' },
        { service: 'mtpw' },
      );
      await fc.assert(
        fc.asyncProperty(fc.oneof(valid, hostile), async (payload) => {
          const result = await h.app.handle(channel, payload);
          if (result.ok) {
            // Parsing strips unknown keys: equal means nothing extra was in the answer.
            expect(ipcContract[channel as Channel].response.parse(result.value)).toEqual(
              result.value,
            );
          } else {
            expect(uploadErrorDataSchema.parse(result.error)).toEqual(result.error);
            expect(result.error).not.toHaveProperty('detail');
          }
        }),
        { numRuns: 100 },
      );
      await stateUnchanged();
    },
  );

  it('refuses every channel name that is not in the contract', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ maxLength: 40 }), fc.anything(), async (name, payload) => {
        fc.pre(!Object.hasOwn(ipcContract, name));
        expect(await h.app.handle(name, payload)).toMatchObject({
          ok: false,
          error: { kind: 'invalid-input' },
        });
      }),
      { numRuns: 300 },
    );
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(await h.app.handle(name, {})).toMatchObject({
        ok: false,
        error: { kind: 'invalid-input' },
      });
    }
    await stateUnchanged();
  });
});
