import { STATUS_CODES } from 'node:http';
import { djangoNotFound, djangoServerError } from './django-pages';
import { rateLimitExceeded } from './faults';
import type { RouteFamily } from './router';
import { htmlResponse, jsonResponse, type SimResponse } from './sim-response';

/** What a gateway in front of Strava or MTPW shows for a 502. */
const BAD_GATEWAY_HTML =
  '<html>\r\n<head><title>502 Bad Gateway</title></head>\r\n<body>\r\n<center><h1>502 Bad Gateway</h1></center>\r\n</body>\r\n</html>\r\n';

/**
 * The answer of a `status` fault. Strava answers with a Fault-shaped body
 * (`{"message":"Internal Server Error","errors":[]}`) and MTPW with Django's error
 * page; a 502 comes from the gateway, so it is HTML for both. No rate-limit headers:
 * the request never reached Strava's application.
 */
export function statusFaultResponse(family: RouteFamily, status: number): SimResponse {
  if (status === 502) return htmlResponse(502, BAD_GATEWAY_HTML);
  if (family === 'mtpw') return status === 404 ? djangoNotFound() : djangoServerError(status);
  const message = status === 404 ? 'Record Not Found' : (STATUS_CODES[status] ?? 'Error');
  return jsonResponse(status, { message, errors: [] });
}

/**
 * The answer of a `rate-limit` fault: Strava's 429 (headers added by the caller), or
 * for MTPW Django REST framework's throttle answer, which does carry a Retry-After.
 */
export function rateLimitFaultResponse(family: RouteFamily): SimResponse {
  if (family !== 'mtpw') return rateLimitExceeded();
  const response = jsonResponse(429, {
    detail: 'Request was throttled. Expected available in 60 seconds.',
  });
  response.headers['retry-after'] = '60';
  return response;
}

/** An unexpected exception inside the simulator: a 500 rather than a crash or a hang. */
export function internalErrorResponse(): SimResponse {
  return jsonResponse(500, { message: 'Internal Server Error', errors: [] });
}
