import type { IncomingMessage } from 'node:http';
import { badRequest, invalidAccessToken, invalidClientSecret } from './faults';
import { bearerToken, fieldString, readFields } from './request-body';
import type { Route } from './router';
import { emptyResponse, jsonResponse, type SimResponse } from './sim-response';
import type { SimState } from './sim-state';
import { summaryAthlete } from './strava-athletes';

/** Checks the app's credentials: 400 for an unknown client_id, 401 for a wrong secret. */
function checkClient(
  sim: SimState,
  clientId: string | undefined,
  secret: string | undefined,
): SimResponse | undefined {
  const known = clientId === undefined ? undefined : sim.fixed.apps.get(clientId);
  if (known === undefined) return badRequest('Application', 'client_id', 'invalid');
  if (secret !== known) return invalidClientSecret();
  return undefined;
}

/** Reads `client_id:client_secret` from HTTP Basic auth, as `/oauth/revoke` requires. */
function basicCredentials(req: IncomingMessage): { id: string; secret: string } | undefined {
  const match = /^Basic\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  if (!match?.[1]) return undefined;
  const decoded = Buffer.from(match[1], 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) return undefined;
  return { id: formDecode(decoded.slice(0, colon)), secret: formDecode(decoded.slice(colon + 1)) };
}

/** RFC 6749 §2.3.1 form-encodes Basic credentials; most clients send them raw. Accept both. */
function formDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** `POST /oauth/token`, `/oauth/deauthorize` and `/oauth/revoke`. No rate-limit headers here. */
export const stravaTokenRoutes: Route<SimState>[] = [
  {
    method: 'POST',
    template: '/oauth/token',
    family: 'strava-oauth',
    handler: async (request, sim) => {
      const f = await readFields(request.req, request.url);
      const clientId = fieldString(f, 'client_id');
      const refused = checkClient(sim, clientId, fieldString(f, 'client_secret'));
      if (refused || clientId === undefined)
        return refused ?? badRequest('Application', 'client_id', 'invalid');
      const grantType = fieldString(f, 'grant_type');
      sim.tokenCalls.push({ clientId, grantType: grantType ?? '' });
      if (grantType === 'authorization_code') {
        const redeemed = sim.grants.redeemCode(fieldString(f, 'code') ?? '', clientId);
        if (!redeemed) return badRequest('AuthorizationCode', 'code', 'invalid');
        const athlete = summaryAthlete(sim.athletes.get(redeemed.grant.athleteId));
        return jsonResponse(200, { ...redeemed.tokens, athlete });
      }
      if (grantType === 'refresh_token') {
        const tokens = sim.grants.refresh(
          fieldString(f, 'refresh_token') ?? '',
          clientId,
          sim.config.rotateRefreshTokens,
        );
        if (!tokens) return badRequest('RefreshToken', 'refresh_token', 'invalid');
        return jsonResponse(200, tokens);
      }
      return badRequest('RequestToken', 'grant_type', 'invalid');
    },
  },
  {
    method: 'POST',
    template: '/oauth/deauthorize',
    family: 'strava-oauth',
    handler: async (request, sim) => {
      const f = await readFields(request.req, request.url);
      const token = bearerToken(request.req) ?? fieldString(f, 'access_token') ?? '';
      if (!sim.grants.deauthorize(token)) return invalidAccessToken();
      return jsonResponse(200, { access_token: token });
    },
  },
  {
    method: 'POST',
    template: '/oauth/revoke',
    family: 'strava-oauth',
    handler: async (request, sim) => {
      const creds = basicCredentials(request.req);
      if (!creds || creds.id !== sim.fixed.clientId || creds.secret !== sim.fixed.clientSecret) {
        return invalidClientSecret();
      }
      const f = await readFields(request.req, request.url);
      const token = fieldString(f, 'token');
      if (!token) return badRequest('Token', 'token', 'missing');
      // RFC 7009: an unknown token is answered 200 as well, so a logout never fails on it.
      sim.grants.revoke(token, creds.id);
      return emptyResponse(200);
    },
  },
];
