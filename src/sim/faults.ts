import { jsonResponse, type SimResponse } from './sim-response';

/** One entry of a Strava Fault's `errors` array. */
export interface FaultError {
  resource: string;
  field: string;
  code: string;
}

/** Strava's error body: `{"message", "errors": [{resource, field, code}]}`. */
export interface FaultBody {
  message: string;
  errors: FaultError[];
}

/** A Strava Fault answer with a single error entry. */
export function faultResponse(
  status: number,
  message: string,
  resource: string,
  field: string,
  code: string,
): SimResponse {
  const body: FaultBody = { message, errors: [{ resource, field, code }] };
  return jsonResponse(status, body);
}

/** 400 `Bad Request` with one error: the shape of most of Strava's validation failures. */
export function badRequest(resource: string, field: string, code: string): SimResponse {
  return faultResponse(400, 'Bad Request', resource, field, code);
}

/** 401 for a missing, bad, expired or revoked access token. */
export function invalidAccessToken(): SimResponse {
  return faultResponse(401, 'Authorization Error', 'Athlete', 'access_token', 'invalid');
}

/** 401 for a known client_id with the wrong secret (note the empty `field`). */
export function invalidClientSecret(): SimResponse {
  return faultResponse(401, 'Authorization Error', 'Application', '', 'invalid');
}

/** 401 for a token lacking a scope, e.g. `activity:write_permission`. */
export function missingPermission(permission: 'read' | 'write'): SimResponse {
  return faultResponse(
    401,
    'Authorization Error',
    'AccessToken',
    `activity:${permission}_permission`,
    'missing',
  );
}

/** 403 answered to every call while the app is `Inactive` (owner without a subscription). */
export function inactiveApplication(): SimResponse {
  return faultResponse(403, 'Forbidden', 'Application', 'Status', 'Inactive');
}

/** The 429 body; headers are added by the caller, and Strava sends no Retry-After. */
export function rateLimitExceeded(): SimResponse {
  return faultResponse(429, 'Rate Limit Exceeded', 'Application', 'rate limit', 'exceeded');
}

/** 404 `Record Not Found` for an unknown upload, activity or path. */
export function recordNotFound(resource: string, field: string, code: string): SimResponse {
  return faultResponse(404, 'Record Not Found', resource, field, code);
}
