import { djangoServerError, drfNotAuthenticated, mtpwError } from './django-pages';
import { findMtpwTransport } from './mtpw-transports';
import { bearerToken, fieldString, readFields, type RequestFields } from './request-body';
import type { Route, RouteRequest } from './router';
import { jsonResponse, type SimResponse } from './sim-response';
import type { SimState } from './sim-state';

/**
 * The MTPW user behind the request's bearer token. The `expire-token` fault
 * invalidates the presented token first, so the answer is DRF's 403.
 */
function mtpwUser(request: RouteRequest, sim: SimState): string | undefined {
  const token = bearerToken(request.req) ?? '';
  if (request.fault?.type === 'expire-token') sim.mtpw.revoke(token);
  return sim.mtpw.userOf(token);
}

/**
 * Python's `str()` of a JSON value, which is what Django stores in a CharField:
 * `true` becomes `True`, which is why the client must send the activity id.
 */
function pythonStr(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  if (typeof value === 'number') return String(value);
  return undefined;
}

function createSequence(sim: SimState, user: string, f: RequestFields): SimResponse {
  const name = (fieldString(f, 'name') ?? '').trim();
  if (name === '') return mtpwError('Sequence name is required.');
  if (name.length > 100) return mtpwError('Sequence name must be at most 100 characters.');
  const transportRaw = (fieldString(f, 'transport_type') ?? '').trim();
  if (transportRaw === '') return mtpwError('Transport type is required.');
  const transport = findMtpwTransport(transportRaw);
  if (!transport) return mtpwError(`Transport type "${transportRaw}" does not exist.`);
  const tags = (fieldString(f, 'tag') ?? '')
    .split(',')
    .map((t) => t.trim())
    .filter((t) => t !== '');
  const sequence = sim.mtpw.create({
    name,
    description: fieldString(f, 'description') ?? '',
    transport_type: transport,
    tags,
    user,
  });
  return jsonResponse(200, {
    status: 'success',
    message: 'Sequence is created',
    unique_id: sequence.unique_id,
  });
}

/** `POST /api/v1/sequence/create` and `PUT /api/v1/sequence/import/{uuid}/`. */
export const mtpwSequenceRoutes: Route<SimState>[] = [
  {
    method: 'POST',
    template: '/api/v1/sequence/create',
    family: 'mtpw',
    handler: async (request, sim) => {
      const user = mtpwUser(request, sim);
      if (!user) return drfNotAuthenticated();
      return createSequence(sim, user, await readFields(request.req, request.url));
    },
  },
  {
    method: 'PUT',
    template: '/api/v1/sequence/import/{uuid}/',
    family: 'mtpw',
    handler: async (request, sim) => {
      if (!mtpwUser(request, sim)) return drfNotAuthenticated();
      const fields = await readFields(request.req, request.url);
      const sequence = sim.mtpw.sequences.get(request.params.uuid ?? '');
      // MTPW looks the sequence up without a guard: an unknown uuid is an unhandled 500.
      if (!sequence) return djangoServerError();
      const strava = pythonStr(fields.strava);
      if (strava === undefined) return mtpwError('strava is required.');
      if (strava.length > 50)
        return mtpwError('strava: Ensure this field has no more than 50 characters.');
      sequence.strava = strava;
      return jsonResponse(200, { message: 'Strava is updated \n', status: true });
    },
  },
];
