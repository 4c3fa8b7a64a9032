import { mtpwAuthorizePage, mtpwInvalidRedirectPage } from './mtpw-authorize-page';
import { readBody } from './request-body';
import type { Route } from './router';
import { htmlResponse, redirectResponse, type SimResponse } from './sim-response';
import type { SimState } from './sim-state';

/** MTPW hands out tokens that effectively never expire (about 416 days). */
const MTPW_EXPIRES_IN = 36000000;

/** MTPW accepts only the MTP app's own scheme, whatever the host (`app`, `test` seen). */
function isMtpRedirect(uri: string): boolean {
  try {
    return new URL(uri).protocol === 'app.mtp.desktop:';
  } catch {
    return false;
  }
}

/** The implicit grant's answer: everything in the fragment, `state` last. */
function fragmentRedirect(redirectUri: string, fields: [string, string][]): SimResponse {
  const fragment = fields
    .map(([k, v]) => `${k}=${k === 'scope' ? v : encodeURIComponent(v)}`)
    .join('&');
  return redirectResponse(`${redirectUri.replace(/#.*$/, '')}#${fragment}`);
}

type Decision = {
  approve: boolean;
  clientId: string;
  redirectUri: string;
  state: string;
  responseType: string;
};

/** Checks and answers an authorize request, approved or cancelled; undefined = show the page. */
function decide(sim: SimState, d: Decision, asked: boolean): SimResponse | undefined {
  if (!isMtpRedirect(d.redirectUri)) return htmlResponse(400, mtpwInvalidRedirectPage());
  if (d.responseType !== 'token') {
    return fragmentRedirect(d.redirectUri, [
      ['error', 'unsupported_response_type'],
      ['state', d.state],
    ]);
  }
  if (!asked) return undefined;
  if (!d.approve)
    return fragmentRedirect(d.redirectUri, [
      ['error', 'access_denied'],
      ['state', d.state],
    ]);
  return fragmentRedirect(d.redirectUri, [
    ['access_token', sim.mtpw.tokenFor()],
    ['token_type', 'Bearer'],
    ['expires_in', String(MTPW_EXPIRES_IN)],
    ['scope', 'read+write'],
    ['state', d.state],
  ]);
}

/** `GET` and `POST /accounts/authorize/` (the implicit grant of the MTP desktop app). */
export const mtpwAuthRoutes: Route<SimState>[] = [
  {
    method: 'GET',
    template: '/accounts/authorize/',
    family: 'mtpw',
    handler: (request, sim) => {
      const q = request.url.searchParams;
      const d: Decision = {
        approve: true,
        clientId: q.get('client_id') ?? '',
        redirectUri: q.get('redirect_uri') ?? '',
        state: q.get('state') ?? '',
        responseType: q.get('response_type') ?? '',
      };
      const answer = decide(sim, d, sim.config.autoApprove);
      return Promise.resolve(answer ?? htmlResponse(200, mtpwAuthorizePage(d)));
    },
  },
  {
    method: 'POST',
    template: '/accounts/authorize/',
    family: 'mtpw',
    handler: async (request, sim) => {
      const form = new URLSearchParams((await readBody(request.req)).toString('utf8'));
      const d: Decision = {
        approve: form.get('decision') === 'approve',
        clientId: form.get('client_id') ?? '',
        redirectUri: form.get('redirect_uri') ?? '',
        state: form.get('state') ?? '',
        responseType: form.get('response_type') ?? '',
      };
      return decide(sim, d, true) ?? htmlResponse(400, mtpwInvalidRedirectPage());
    },
  },
];
