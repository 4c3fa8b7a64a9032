import { invalidAccessToken, missingPermission } from './faults';
import { bearerToken } from './request-body';
import type { RouteRequest } from './router';
import type { SimResponse } from './sim-response';
import type { SimState } from './sim-state';
import type { Grant } from './strava-grants';

/** The scope an API route needs: a write scope, any activity read scope, or just a valid token. */
export type ScopeNeed = 'activity:write' | 'activity:read' | 'token';

/**
 * Authenticates an API request by its bearer token and checks its scope.
 * The `expire-token` fault expires the presented token first, so the answer is exactly
 * the 401 of a token that ran out.
 */
export function authorizeApi(
  request: RouteRequest,
  sim: SimState,
  need: ScopeNeed,
): { grant: Grant } | { response: SimResponse } {
  const token = bearerToken(request.req) ?? '';
  if (request.fault?.type === 'expire-token') sim.grants.expire(token);
  const grant = sim.grants.authenticate(token);
  if (!grant) return { response: invalidAccessToken() };
  if (need === 'activity:write' && !grant.scope.includes('activity:write')) {
    return { response: missingPermission('write') };
  }
  if (
    need === 'activity:read' &&
    !grant.scope.some((s) => s === 'activity:read' || s === 'activity:read_all')
  ) {
    return { response: missingPermission('read') };
  }
  return { grant };
}
