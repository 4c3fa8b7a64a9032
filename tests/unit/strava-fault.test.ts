import { describe, expect, it } from 'vitest';
import { stravaFaultError } from '../../src/core/strava/strava-fault';

const now = Date.UTC(2026, 10, 23, 10, 7, 0);
const fault = (message: string, resource: string, field: string, code: string) =>
  JSON.stringify({ message, errors: [{ resource, field, code }] });

// Every row of CONTRACTS.md's error table, mapped to a kind, retryability and a plain message.
const rows: Array<[string, number, string, string, boolean]> = [
  [
    'bad / used code',
    400,
    fault('Bad Request', 'AuthorizationCode', 'code', 'invalid'),
    'auth',
    false,
  ],
  [
    'bad refresh token',
    400,
    fault('Bad Request', 'RefreshToken', 'refresh_token', 'invalid'),
    'auth',
    false,
  ],
  [
    'bad client_id',
    400,
    fault('Bad Request', 'Application', 'client_id', 'invalid'),
    'config',
    false,
  ],
  [
    'bad redirect_uri',
    400,
    fault('Bad Request', 'Application', 'redirect_uri', 'invalid'),
    'config',
    false,
  ],
  [
    'wrong client_secret',
    401,
    fault('Authorization Error', 'Application', '', 'invalid'),
    'config',
    false,
  ],
  [
    'bad or expired access token',
    401,
    fault('Authorization Error', 'Athlete', 'access_token', 'invalid'),
    'auth',
    false,
  ],
  [
    'read scope missing',
    401,
    fault('Authorization Error', 'AccessToken', 'activity:read_permission', 'missing'),
    'scope',
    false,
  ],
  [
    'app inactive',
    403,
    fault('Forbidden', 'Application', 'Status', 'Inactive'),
    'app-inactive',
    false,
  ],
  [
    'write scope missing',
    401,
    fault('Authorization Error', 'AccessToken', 'activity:write_permission', 'missing'),
    'scope',
    false,
  ],
  [
    'rate limit',
    429,
    fault('Rate Limit Exceeded', 'Application', 'rate limit', 'exceeded'),
    'rate-limit',
    true,
  ],
  ['empty upload', 400, fault('Bad Request', 'Upload', 'data', 'empty'), 'invalid-gpx', false],
  [
    'bad gzip',
    400,
    fault('Bad Request', 'upload', 'gzip', 'invalid encoding'),
    'invalid-gpx',
    false,
  ],
  ['server error', 500, '<html>oops</html>', 'server', true],
  ['not found', 404, fault('Record Not Found', 'Upload', 'id', 'not found'), 'not-found', false],
];

describe('stravaFaultError', () => {
  it.each(rows)('%s → %s', (_name, status, body, kind, retryable) => {
    const error = stravaFaultError(status, body, now);
    expect(error.kind).toBe(kind);
    expect(error.retryable).toBe(retryable);
    expect(error.status).toBe(status);
    expect(error.message).not.toMatch(/HTTP|\d{3}|undefined|stack/);
  });

  it('says when a rate-limited request may go again', () => {
    expect(stravaFaultError(429, '{}', now).retryAt).toBe(Date.UTC(2026, 10, 23, 10, 15, 0));
  });

  it('survives bodies that are not JSON', () => {
    expect(stravaFaultError(418, 'teapot', now)).toMatchObject({
      kind: 'server',
      retryable: false,
    });
  });
});
