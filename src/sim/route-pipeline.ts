import { inactiveApplication, invalidAccessToken } from './faults';
import { rateLimitFaultResponse } from './injected-responses';
import { bearerToken } from './request-body';
import type { Route, RouteRequest } from './router';
import type { SimResponse } from './sim-response';
import type { SimState } from './sim-state';

/** The one API call that costs no read: Strava exempts uploads from the read limit. */
const NOT_A_READ = 'POST /api/v3/uploads';

function withHeaders(response: SimResponse, headers: Record<string, string>): SimResponse {
  return { ...response, headers: { ...response.headers, ...headers } };
}

/**
 * Strava's API: an inactive app is refused first, then the request is counted against
 * the rate limits (429 when over), then the route runs. Every answer carries the
 * rate-limit headers, errors included.
 */
async function runStravaApi(
  route: Route<SimState>,
  request: RouteRequest,
  sim: SimState,
): Promise<SimResponse> {
  const now = sim.now();
  if (sim.config.inactive) return withHeaders(inactiveApplication(), sim.rateLimiter.headers(now));
  const isRead = request.key !== NOT_A_READ;
  const verdict = sim.rateLimiter.count(now, isRead);
  if (request.fault?.type === 'rate-limit') {
    return withHeaders(
      rateLimitFaultResponse('strava-api'),
      sim.rateLimiter.exhaustedHeaders(now, isRead),
    );
  }
  if (!verdict.allowed) {
    // A refusal the client could have foreseen from the headers it was sent (unlike an injected one).
    sim.rateLimitRefusals += 1;
    return withHeaders(rateLimitFaultResponse('strava-api'), verdict.headers);
  }
  const response = await route.handler(request, sim);
  return withHeaders(response, verdict.headers);
}

/** Strava's OAuth: no rate limits, but refused too while the app is inactive. */
async function runStravaOAuth(
  route: Route<SimState>,
  request: RouteRequest,
  sim: SimState,
): Promise<SimResponse> {
  if (sim.config.inactive) return inactiveApplication();
  if (request.fault?.type === 'rate-limit') return rateLimitFaultResponse('strava-oauth');
  if (request.fault?.type === 'expire-token') {
    sim.grants.expire(bearerToken(request.req) ?? '');
    return invalidAccessToken();
  }
  return route.handler(request, sim);
}

/** MTPW: Django; the sequence routes check their own token. */
async function runMtpw(
  route: Route<SimState>,
  request: RouteRequest,
  sim: SimState,
): Promise<SimResponse> {
  if (request.fault?.type === 'rate-limit') return rateLimitFaultResponse('mtpw');
  return route.handler(request, sim);
}

/** Runs a Strava or MTPW route through the checks of its service. */
export function runRoute(
  route: Route<SimState>,
  request: RouteRequest,
  sim: SimState,
): Promise<SimResponse> {
  switch (route.family) {
    case 'strava-api':
      return runStravaApi(route, request, sim);
    case 'strava-oauth':
      return runStravaOAuth(route, request, sim);
    case 'mtpw':
      return runMtpw(route, request, sim);
    case 'control':
      return route.handler(request, sim);
  }
}
