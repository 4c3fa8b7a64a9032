import { djangoNotFound, drfMethodNotAllowed } from './django-pages';
import { recordNotFound } from './faults';
import { jsonResponse, type SimResponse } from './sim-response';

/**
 * The answer for a path no route serves, in the voice of whoever owns that path:
 * Strava's Fault under `/api/v3` and `/oauth`, JSON for `/__sim`, and Django's 404
 * page (or DRF's 405) for everything else, since MTPW shares the root.
 */
export function unknownRouteResponse(
  method: string,
  path: string,
  methodMismatch: boolean,
): SimResponse {
  if (path.startsWith('/api/v3/') || path.startsWith('/oauth/')) {
    return recordNotFound('resource', 'path', 'invalid');
  }
  if (path.startsWith('/__sim/'))
    return jsonResponse(404, { error: `No control endpoint ${method} ${path}` });
  if (methodMismatch && path.startsWith('/api/v1/')) return drfMethodNotAllowed(method);
  return djangoNotFound();
}
