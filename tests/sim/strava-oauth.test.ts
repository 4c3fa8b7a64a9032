import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { anyOf, apiGet, bearer, fault, postForm } from './sim-test-kit';

let sim: Simulator;
beforeEach(async () => {
  sim = await startSimulator();
});
afterEach(async () => sim.close());

const REDIRECT = 'http://127.0.0.1:8123/exchange_token';
const hour = 3600_000;

function authorizeUrl(params: Record<string, string>): string {
  const q = new URLSearchParams({
    client_id: '54321',
    redirect_uri: REDIRECT,
    response_type: 'code',
    ...params,
  });
  return `${sim.url}/oauth/authorize?${q.toString()}`;
}

/** Submits the authorize form as the page would, with the given ticked scopes. */
async function submit(
  decision: 'approve' | 'cancel',
  scopes: string[],
  state = 'xyz',
): Promise<Response> {
  const body = new URLSearchParams({
    client_id: '54321',
    redirect_uri: REDIRECT,
    state,
    response_type: 'code',
    decision,
  });
  for (const s of scopes) body.append('scope', s);
  return fetch(`${sim.url}/oauth/authorize`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: body.toString(),
    redirect: 'manual',
  });
}

async function exchange(code: string, secret = 'sim-client-secret'): Promise<Response> {
  return postForm(`${sim.url}/oauth/token`, {
    client_id: '54321',
    client_secret: secret,
    code,
    grant_type: 'authorization_code',
  });
}

async function signIn(scopes = ['activity:write', 'activity:read_all']) {
  const location = new URL((await submit('approve', scopes)).headers.get('location') ?? '');
  const res = await exchange(location.searchParams.get('code') ?? '');
  return (await res.json()) as {
    access_token: string;
    refresh_token: string;
    expires_at: number;
    expires_in: number;
  };
}

function refresh(token: string): Promise<Response> {
  return postForm(`${sim.url}/oauth/token`, {
    client_id: '54321',
    client_secret: 'sim-client-secret',
    grant_type: 'refresh_token',
    refresh_token: token,
  });
}

describe('Strava authorize page', () => {
  it('renders one ticked checkbox per requested scope and both buttons', async () => {
    const res = await fetch(
      authorizeUrl({ scope: 'read,activity:write,activity:read_all', state: 's1' }),
    );
    expect(res.status).toBe(200);
    const html = await res.text();
    expect(html).toContain('<form id="authorize-form" method="post" action="/oauth/authorize">');
    for (const scope of ['read', 'activity:write', 'activity:read_all']) {
      expect(html).toContain(`name="scope" value="${scope}" checked`);
    }
    expect(html).toContain('id="scope-activity-write"');
    expect(html).toMatch(/<button[^>]*name="decision" value="approve">Authorize<\/button>/);
    expect(html).toMatch(/<button[^>]*name="decision" value="cancel">Cancel<\/button>/);
    expect(html).toContain('name="state" value="s1"');
  });

  it('refuses an unknown client_id, a non-loopback redirect_uri and an unknown scope', async () => {
    const bad = await fetch(authorizeUrl({ client_id: '999' }));
    expect(bad.status).toBe(400);
    expect(await bad.json()).toEqual(fault('Bad Request', 'Application', 'client_id', 'invalid'));
    const remote = await fetch(authorizeUrl({ redirect_uri: 'https://evil.example/cb' }));
    expect(remote.status).toBe(400);
    expect(await remote.json()).toEqual(
      fault('Bad Request', 'Application', 'redirect_uri', 'invalid'),
    );
    const scope = await fetch(authorizeUrl({ scope: 'activity:everything' }));
    expect(scope.status).toBe(400);
  });

  it('grants only the scopes left ticked', async () => {
    const res = await submit('approve', ['read', 'activity:write'], 'abc');
    expect(res.status).toBe(302);
    const location = res.headers.get('location') ?? '';
    expect(location).toMatch(
      /^http:\/\/127\.0\.0\.1:8123\/exchange_token\?state=abc&code=[0-9a-f]{40}&scope=read,activity:write$/,
    );
  });

  it('redirects with access_denied on Cancel, with an empty state when none was sent', async () => {
    const res = await submit('cancel', ['read'], '');
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toBe(`${REDIRECT}?state=&error=access_denied`);
  });

  it('redirects at once with every requested scope when auto-approving', async () => {
    sim.config.autoApprove = true;
    const res = await fetch(authorizeUrl({ scope: 'activity:write,activity:read_all' }), {
      redirect: 'manual',
    });
    expect(res.status).toBe(302);
    const location = new URL(res.headers.get('location') ?? '');
    expect(location.searchParams.get('state')).toBe('');
    expect(location.searchParams.get('scope')).toBe('activity:write,activity:read_all');
  });

  it('shows the athlete-cap page with no redirect when the app is full', async () => {
    sim.config.athleteCap = true;
    const res = await submit('approve', ['activity:write']);
    expect(res.status).toBe(403);
    expect(res.headers.get('location')).toBeNull();
    expect(await res.text()).toContain('Limit of connected athletes exceeded');
  });
});

describe('Strava token endpoint', () => {
  it('exchanges a code once, with the athlete and a 6 h token', async () => {
    const location = new URL(
      (await submit('approve', ['activity:write'])).headers.get('location') ?? '',
    );
    const code = location.searchParams.get('code') ?? '';
    const res = await exchange(code);
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-usage')).toBeNull();
    const body = (await res.json()) as Record<string, unknown>;
    expect(body).toMatchObject({
      token_type: 'Bearer',
      expires_in: 21600,
      athlete: { id: anyOf(Number), resource_state: 2 },
    });
    expect(body.access_token).toMatch(/^[0-9a-f]{40}$/);
    expect(body.refresh_token).toMatch(/^[0-9a-f]{40}$/);
    expect(Math.abs(Number(body.expires_at) - (sim.clock.now() / 1000 + 21600))).toBeLessThan(2);
    const again = await exchange(code);
    expect(again.status).toBe(400);
    expect(await again.json()).toEqual(
      fault('Bad Request', 'AuthorizationCode', 'code', 'invalid'),
    );
  });

  it('refuses an expired code, a wrong secret and an unknown client', async () => {
    const location = new URL(
      (await submit('approve', ['activity:write'])).headers.get('location') ?? '',
    );
    const code = location.searchParams.get('code') ?? '';
    const wrong = await exchange(code, 'nope');
    expect(wrong.status).toBe(401);
    expect(await wrong.json()).toEqual(fault('Authorization Error', 'Application', '', 'invalid'));
    const unknown = await postForm(`${sim.url}/oauth/token`, {
      client_id: '1',
      client_secret: 'x',
      code,
      grant_type: 'authorization_code',
    });
    expect(unknown.status).toBe(400);
    expect(await unknown.json()).toEqual(
      fault('Bad Request', 'Application', 'client_id', 'invalid'),
    );
    sim.clock.advance(11 * 60_000);
    expect((await exchange(code)).status).toBe(400);
  });

  it('accepts JSON and query parameters as well as a form', async () => {
    const location = new URL((await submit('approve', ['read'])).headers.get('location') ?? '');
    const res = await fetch(`${sim.url}/oauth/token?client_id=54321`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        client_secret: 'sim-client-secret',
        code: location.searchParams.get('code'),
        grant_type: 'authorization_code',
      }),
    });
    expect(res.status).toBe(200);
  });

  it('returns the same access token while it has more than an hour left, and rotates the refresh token', async () => {
    const first = await signIn();
    const res = await refresh(first.refresh_token);
    expect(res.status).toBe(200);
    const second = (await res.json()) as Record<string, unknown>;
    expect(second).not.toHaveProperty('athlete');
    expect(second.access_token).toBe(first.access_token);
    expect(second.refresh_token).not.toBe(first.refresh_token);
    const dead = await refresh(first.refresh_token);
    expect(dead.status).toBe(400);
    expect(await dead.json()).toEqual(
      fault('Bad Request', 'RefreshToken', 'refresh_token', 'invalid'),
    );
  });

  it('mints a new access token within the last hour, and the old one keeps working until it expires', async () => {
    const first = await signIn();
    sim.clock.advance(5.5 * hour);
    const second = (await (await refresh(first.refresh_token)).json()) as {
      access_token: string;
      expires_in: number;
    };
    expect(second.access_token).not.toBe(first.access_token);
    expect(second.expires_in).toBe(21600);
    expect((await apiGet(sim, first.access_token, '/athlete')).status).toBe(200);
    sim.clock.advance(hour);
    const expired = await apiGet(sim, first.access_token, '/athlete');
    expect(expired.status).toBe(401);
    expect(await expired.json()).toEqual(
      fault('Authorization Error', 'Athlete', 'access_token', 'invalid'),
    );
    expect((await apiGet(sim, second.access_token, '/athlete')).status).toBe(200);
  });

  it('keeps the refresh token when rotation is off', async () => {
    sim.config.rotateRefreshTokens = false;
    const first = await signIn();
    const second = (await (await refresh(first.refresh_token)).json()) as { refresh_token: string };
    expect(second.refresh_token).toBe(first.refresh_token);
  });
});

describe('Strava sign-out', () => {
  it('deauthorizes every token of the athlete', async () => {
    const a = await signIn();
    const b = await signIn();
    const res = await fetch(`${sim.url}/oauth/deauthorize`, {
      method: 'POST',
      headers: bearer(a.access_token),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ access_token: a.access_token });
    expect((await apiGet(sim, b.access_token, '/athlete')).status).toBe(401);
    expect((await refresh(a.refresh_token)).status).toBe(400);
    const again = await fetch(`${sim.url}/oauth/deauthorize`, {
      method: 'POST',
      headers: bearer(a.access_token),
    });
    expect(again.status).toBe(401);
    expect(await again.json()).toEqual(
      fault('Authorization Error', 'Athlete', 'access_token', 'invalid'),
    );
  });

  it('revokes both tokens of a grant given either one, and accepts unknown tokens', async () => {
    const basic = `Basic ${Buffer.from('54321:sim-client-secret').toString('base64')}`;
    const a = await signIn();
    const other = await signIn();
    const res = await postForm(
      `${sim.url}/oauth/revoke`,
      { token: a.refresh_token, token_type_hint: 'refresh_token' },
      { authorization: basic },
    );
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('');
    expect((await apiGet(sim, a.access_token, '/athlete')).status).toBe(401);
    expect((await refresh(a.refresh_token)).status).toBe(400);
    expect((await apiGet(sim, other.access_token, '/athlete')).status).toBe(200);
    expect(
      (await postForm(`${sim.url}/oauth/revoke`, { token: 'unknown' }, { authorization: basic }))
        .status,
    ).toBe(200);
    const wrong = `Basic ${Buffer.from('54321:bad').toString('base64')}`;
    const refused = await postForm(
      `${sim.url}/oauth/revoke`,
      { token: other.access_token },
      { authorization: wrong },
    );
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual(
      fault('Authorization Error', 'Application', '', 'invalid'),
    );
  });

  it('answers every Strava call with 403 Inactive while the app is inactive', async () => {
    const tokens = await signIn();
    sim.config.inactive = true;
    const inactive = fault('Forbidden', 'Application', 'Status', 'Inactive');
    const api = await apiGet(sim, tokens.access_token, '/athlete');
    expect(api.status).toBe(403);
    expect(await api.json()).toEqual(inactive);
    const token = await refresh(tokens.refresh_token);
    expect(token.status).toBe(403);
    expect(await token.json()).toEqual(inactive);
    const page = await fetch(authorizeUrl({}));
    expect(page.status).toBe(403);
  });
});
