import { simClientId, simClientSecret } from './contract-rig';
import { authorize, raw, type FaultRow } from './fault-row';

/** CONTRACTS.md's Fault table rows at /oauth, and the simulator's other OAuth refusals. */
export const oauthFaultRows: FaultRow[] = [
  {
    name: 'bad / used code',
    key: 'POST /oauth/token',
    status: 400,
    error: ['AuthorizationCode', 'code', 'invalid'],
    trigger: async (rig) => {
      const grant = await rig.authorizeCode();
      await rig.strava.session.completeSignIn(grant.code, grant.scopes);
      await rig.strava.session.completeSignIn(grant.code, grant.scopes);
    },
  },
  {
    name: 'bad refresh token',
    key: 'POST /oauth/token',
    status: 400,
    error: ['RefreshToken', 'refresh_token', 'invalid'],
    trigger: (rig) => rig.strava.oauth.refresh('not-a-refresh-token'),
  },
  {
    name: 'bad client_id',
    key: 'POST /oauth/token',
    status: 400,
    error: ['Application', 'client_id', 'invalid'],
    trigger: (rig) => rig.clientsFor({ clientId: '99999' }).oauth.refresh('x'),
  },
  {
    name: 'bad redirect_uri (at authorize)',
    key: 'GET /oauth/authorize',
    status: 400,
    error: ['Application', 'redirect_uri', 'invalid'],
    trigger: (rig) => authorize(rig, 'https://example.com/cb'),
  },
  {
    name: 'wrong client_secret',
    key: 'POST /oauth/token',
    status: 401,
    message: 'Authorization Error',
    error: ['Application', '', 'invalid'],
    trigger: (rig) => rig.clientsFor({ clientSecret: 'wrong' }).oauth.refresh('x'),
  },
  {
    name: 'app inactive (OAuth)',
    key: 'POST /oauth/token',
    status: 403,
    message: 'Forbidden',
    error: ['Application', 'Status', 'Inactive'],
    trigger: (rig) => {
      rig.sim.config.inactive = true;
      return rig.strava.oauth.refresh('x');
    },
  },
  {
    name: 'revoke with a wrong client_secret',
    key: 'POST /oauth/revoke',
    status: 401,
    message: 'Authorization Error',
    error: ['Application', '', 'invalid'],
    trigger: (rig) =>
      rig
        .clientsFor({ clientSecret: 'wrong' })
        .oauth.revoke({ accessToken: 'a', refreshToken: 'r' }),
  },
  {
    name: 'deauthorize with a dead token',
    key: 'POST /oauth/deauthorize',
    status: 401,
    error: ['Athlete', 'access_token', 'invalid'],
    trigger: (rig) => rig.strava.oauth.deauthorize('dead-token'),
  },
  {
    name: 'a scope Strava does not know (at authorize)',
    key: 'GET /oauth/authorize',
    status: 400,
    error: ['Authorize', 'scope', 'invalid'],
    trigger: (rig) => authorize(rig, 'http://localhost:9/cb', 'read,bogus'),
  },
  {
    name: 'an unsupported grant_type',
    key: 'POST /oauth/token',
    status: 400,
    error: ['RequestToken', 'grant_type', 'invalid'],
    responseOnly: true,
    trigger: (rig) =>
      raw(rig, '/oauth/token', {
        method: 'POST',
        body: new URLSearchParams({
          client_id: simClientId,
          client_secret: simClientSecret,
          grant_type: 'password',
        }),
      }),
  },
  {
    name: 'revoke without a token',
    key: 'POST /oauth/revoke',
    status: 400,
    error: ['Token', 'token', 'missing'],
    responseOnly: true,
    trigger: (rig) =>
      raw(rig, '/oauth/revoke', {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${simClientId}:${simClientSecret}`).toString('base64')}`,
        },
        body: new URLSearchParams({}),
      }),
  },
];
