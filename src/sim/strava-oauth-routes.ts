import type { IncomingMessage } from 'node:http';
import { athleteCapPage, STRAVA_SCOPES, stravaAuthorizePage } from './authorize-page';
import { badRequest } from './faults';
import { readBody } from './request-body';
import type { Route } from './router';
import { htmlResponse, redirectResponse, type SimResponse } from './sim-response';
import type { SimState } from './sim-state';
import { DEFAULT_ATHLETE_ID } from './strava-athletes';

const APP_NAME = 'MTP Strava Uploader';

/** A validated authorize request, or the Fault to answer instead. */
type Checked =
  | { ok: true; clientId: string; redirectUri: string; state: string; scopes: string[] }
  | { ok: false; response: SimResponse };

/** Whether a redirect URI is one Strava always allows: http(s) on localhost or 127.0.0.1. */
function isLoopbackRedirect(uri: string): boolean {
  try {
    const url = new URL(uri);
    const hostOk = url.hostname === 'localhost' || url.hostname === '127.0.0.1';
    return hostOk && (url.protocol === 'http:' || url.protocol === 'https:');
  } catch {
    return false;
  }
}

/** Checks client_id, redirect_uri and the scopes, in that order, as Strava reports them. */
function checkAuthorize(
  sim: SimState,
  get: (name: string) => string | null,
  scopes: string[],
): Checked {
  const clientId = get('client_id') ?? '';
  if (!sim.fixed.apps.has(clientId))
    return { ok: false, response: badRequest('Application', 'client_id', 'invalid') };
  const redirectUri = get('redirect_uri') ?? '';
  if (!isLoopbackRedirect(redirectUri)) {
    return { ok: false, response: badRequest('Application', 'redirect_uri', 'invalid') };
  }
  if (scopes.some((s) => !(s in STRAVA_SCOPES)))
    return { ok: false, response: badRequest('Authorize', 'scope', 'invalid') };
  return { ok: true, clientId, redirectUri, state: get('state') ?? '', scopes };
}

/** Appends query fields the way Strava writes them: `state` always, scopes unescaped. */
function redirectWith(redirectUri: string, fields: [string, string][]): SimResponse {
  const query = fields
    .map(([k, v]) => `${k}=${k === 'scope' ? v : encodeURIComponent(v)}`)
    .join('&');
  return redirectResponse(`${redirectUri}${redirectUri.includes('?') ? '&' : '?'}${query}`);
}

/** Approves: a code for the granted scopes, or Strava's athlete-cap page with no redirect. */
function approve(
  sim: SimState,
  r: { clientId: string; redirectUri: string; state: string },
  granted: string[],
): SimResponse {
  if (sim.config.athleteCap) return htmlResponse(403, athleteCapPage());
  sim.athletes.get(DEFAULT_ATHLETE_ID);
  const code = sim.grants.createCode(r.clientId, DEFAULT_ATHLETE_ID, granted);
  return redirectWith(r.redirectUri, [
    ['state', r.state],
    ['code', code],
    ['scope', granted.join(',')],
  ]);
}

/** Splits Strava's comma-separated scope parameter; none means `read`. */
function requestedScopes(raw: string | null): string[] {
  const scopes = (raw ?? '').split(/[\s,]+/).filter((s) => s !== '');
  return scopes.length > 0 ? [...new Set(scopes)] : ['read'];
}

async function formOf(req: IncomingMessage): Promise<URLSearchParams> {
  return new URLSearchParams((await readBody(req)).toString('utf8'));
}

/** `GET /oauth/authorize` and the form it posts to. */
export const stravaOAuthRoutes: Route<SimState>[] = [
  {
    method: 'GET',
    template: '/oauth/authorize',
    family: 'strava-oauth',
    handler: (request, sim) => {
      const q = request.url.searchParams;
      const checked = checkAuthorize(sim, (n) => q.get(n), requestedScopes(q.get('scope')));
      if (!checked.ok) return Promise.resolve(checked.response);
      if (q.get('response_type') !== 'code')
        return Promise.resolve(badRequest('Authorize', 'response_type', 'invalid'));
      if (sim.config.autoApprove) return Promise.resolve(approve(sim, checked, checked.scopes));
      return Promise.resolve(
        htmlResponse(200, stravaAuthorizePage({ appName: APP_NAME, ...checked })),
      );
    },
  },
  {
    method: 'POST',
    template: '/oauth/authorize',
    family: 'strava-oauth',
    handler: async (request, sim) => {
      const form = await formOf(request.req);
      // Unticked boxes are simply absent from the form: the ticked ones are the grant.
      const checked = checkAuthorize(sim, (n) => form.get(n), form.getAll('scope'));
      if (!checked.ok) return checked.response;
      if (form.get('decision') !== 'approve') {
        return redirectWith(checked.redirectUri, [
          ['state', checked.state],
          ['error', 'access_denied'],
        ]);
      }
      return approve(sim, checked, checked.scopes);
    },
  },
];
