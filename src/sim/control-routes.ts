import { z } from 'zod';
import { simFaultSchema } from './fault-plan';
import { readBody } from './request-body';
import type { Route, RouteHandler } from './router';
import { applyConfigPatch, configPatchSchema } from './sim-config';
import { deleteActivity, issueTokens, seedMtpwSequence } from './sim-actions';
import { jsonResponse, type SimResponse } from './sim-response';
import type { SimState } from './sim-state';
import { takeSnapshot } from './state-snapshot';

const faultRequest = z.object({
  endpoint: z.string().min(1),
  fault: simFaultSchema,
  times: z.number().positive().optional(),
  probability: z.number().min(0).max(1).optional(),
});
const clockRequest = z.union([
  z.object({ advanceMs: z.number().finite() }).strict(),
  z.object({ setMs: z.number().finite() }).strict(),
]);
const tokensRequest = z.object({
  scope: z.union([
    z.array(z.string()),
    z.string().transform((s) => s.split(',').filter((x) => x !== '')),
  ]),
  athleteId: z.number().int().positive().optional(),
});
const sequenceRequest = z.object({ name: z.string().min(1).max(100).optional() });
const mtpwTokenRequest = z.object({ userName: z.string().min(1).optional() });

/** Reads a JSON body (an empty body is `{}`) and validates it. */
async function parseJson<T>(
  request: Parameters<RouteHandler<SimState>>[0],
  schema: z.ZodType<T>,
): Promise<T | SimResponse> {
  const text = (await readBody(request.req)).toString('utf8').trim();
  let value: unknown = {};
  try {
    if (text !== '') value = JSON.parse(text);
  } catch {
    return jsonResponse(400, { error: 'The body is not valid JSON.' });
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) return jsonResponse(400, { error: z.prettifyError(parsed.error) });
  return parsed.data;
}

function isResponse(value: unknown): value is SimResponse {
  return (
    typeof value === 'object' &&
    value !== null &&
    'status' in value &&
    'body' in value &&
    'headers' in value
  );
}

/** Builds a control route: JSON in, JSON out. */
function control<T>(
  method: string,
  template: string,
  schema: z.ZodType<T>,
  act: (sim: SimState, body: T, params: Readonly<Record<string, string>>) => unknown,
): Route<SimState> {
  return {
    method,
    template,
    family: 'control',
    handler: async (request, sim) => {
      const body = await parseJson(request, schema);
      if (isResponse(body)) return body;
      try {
        return jsonResponse(200, act(sim, body, request.params) ?? { ok: true });
      } catch (error) {
        return jsonResponse(error instanceof RangeError ? 404 : 400, {
          error: (error as Error).message,
        });
      }
    },
  };
}

const none = z.object({}).passthrough();

/**
 * `/__sim/...`: everything the `Simulator` object offers, over HTTP, so the CLI's
 * simulator and a browser demo can be driven from another process.
 */
export const controlRoutes: Route<SimState>[] = [
  control('GET', '/__sim/state', none, (sim) => takeSnapshot(sim)),
  control('GET', '/__sim/config', none, (sim) => sim.config),
  control('POST', '/__sim/config', configPatchSchema, (sim, patch) => {
    applyConfigPatch(sim.config, patch);
    return sim.config;
  }),
  control('POST', '/__sim/faults', faultRequest, (sim, b) => {
    sim.faults.add(b.endpoint, b.fault, { times: b.times, probability: b.probability });
    return { faults: sim.faults.list() };
  }),
  control('DELETE', '/__sim/faults', none, (sim) => {
    sim.faults.clear();
    return { faults: [] };
  }),
  control('POST', '/__sim/clock', clockRequest, (sim, b) => {
    if ('advanceMs' in b) sim.clock.advance(b.advanceMs);
    else sim.clock.set(b.setMs);
    return { now: sim.now() };
  }),
  control('POST', '/__sim/tokens', tokensRequest, (sim, b) => issueTokens(sim, b)),
  control('POST', '/__sim/mtpw/sequences', sequenceRequest, (sim, b) => ({
    unique_id: seedMtpwSequence(sim, b),
  })),
  control('POST', '/__sim/mtpw/token', mtpwTokenRequest, (sim, b) => ({
    access_token: sim.mtpw.tokenFor(b.userName),
  })),
  control('POST', '/__sim/activities/{id}/delete', none, (sim, _b, params) => {
    deleteActivity(sim, params.id ?? '');
    return { ok: true };
  }),
  control('POST', '/__sim/reset', none, (sim) => {
    sim.reset();
    return { ok: true };
  }),
];
