import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startSimulator, type Simulator } from '../../src/sim/index';
import { anyOf, bearer, matching, postForm } from './sim-test-kit';

let sim: Simulator;
let token: string;
beforeEach(async () => {
  sim = await startSimulator({ mtpwToken: 'fixed-mtpw-token' });
  token = sim.mtpwTokenFor();
});
afterEach(async () => sim.close());

const notAuthenticated = { detail: 'Authentication credentials were not provided.' };

/** POSTs the create form; `null` sends no token at all. */
function create(fields: Record<string, string>, t: string | null = token): Promise<Response> {
  return postForm(`${sim.url}/api/v1/sequence/create`, fields, t === null ? {} : bearer(t));
}

function importStrava(
  uuid: string,
  body: unknown,
  t: string = token,
  slash = '/',
): Promise<Response> {
  return fetch(`${sim.url}/api/v1/sequence/import/${uuid}${slash}`, {
    method: 'PUT',
    headers: { ...bearer(t), 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
}

describe('MTPW authorize (implicit grant)', () => {
  const query = (redirect: string) =>
    `${sim.url}/accounts/authorize/?${new URLSearchParams({ response_type: 'token', client_id: 'mtp-desktop', redirect_uri: redirect, state: 'st 1' }).toString()}`;

  it('shows Authorize and Cancel, then redirects with the token in the fragment', async () => {
    const page = await fetch(query('app.mtp.desktop://app'));
    expect(page.status).toBe(200);
    expect(await page.text()).toMatch(
      /action="\/accounts\/authorize\/"[\s\S]*value="approve">Authorize[\s\S]*value="cancel">Cancel/,
    );
    const form = {
      client_id: 'mtp-desktop',
      redirect_uri: 'app.mtp.desktop://test',
      state: 'st 1',
      response_type: 'token',
    };
    const approved = await postForm(`${sim.url}/accounts/authorize/`, {
      ...form,
      decision: 'approve',
    });
    expect(approved.status).toBe(302);
    const location = approved.headers.get('location') ?? '';
    expect(location).toMatch(
      /^app\.mtp\.desktop:\/\/test#access_token=[0-9a-f]{40}&token_type=Bearer&expires_in=36000000&scope=read\+write&state=st%201$/,
    );
    const issued = /access_token=([0-9a-f]+)/.exec(location)?.[1] ?? '';
    expect((await create({ name: 'x', transport_type: 'Walk' }, issued)).status).toBe(200);
    const cancelled = await postForm(`${sim.url}/accounts/authorize/`, {
      ...form,
      decision: 'cancel',
    });
    expect(cancelled.headers.get('location')).toBe(
      'app.mtp.desktop://test#error=access_denied&state=st%201',
    );
  });

  it('redirects at once when auto-approving, and refuses other redirect schemes', async () => {
    sim.config.autoApprove = true;
    const res = await fetch(query('app.mtp.desktop://app'), { redirect: 'manual' });
    expect(res.status).toBe(302);
    expect(res.headers.get('location')).toContain('#access_token=');
    const bad = await fetch(query('http://localhost/cb'), { redirect: 'manual' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain('Invalid redirect_uri');
  });
});

describe('MTPW sequences', () => {
  it('creates a sequence from a form, matching the transport case-insensitively', async () => {
    const res = await create({
      name: 'Bay paddle',
      transport_type: 'paddleboard',
      description: 'Calm',
      tag: 'sea, sup',
    });
    expect(res.status).toBe(200);
    const body = (await res.json()) as Record<string, string>;
    expect(body).toEqual({
      status: 'success',
      message: 'Sequence is created',
      unique_id: matching(/^[0-9a-f-]{36}$/),
    });
    expect(sim.state().mtpw.sequences[0]).toMatchObject({
      unique_id: body.unique_id,
      name: 'Bay paddle',
      transport_type: 'Paddleboard',
      tags: ['sea', 'sup'],
      strava: null,
    });
  });

  it.each([
    ['no name', { transport_type: 'Walk' }],
    ['a name over 100 characters', { name: 'n'.repeat(101), transport_type: 'Walk' }],
    ['no transport', { name: 'x' }],
    ['an unknown transport', { name: 'x', transport_type: 'Water' }],
  ])('answers %s with HTTP 200 and status false', async (_name, fields) => {
    const res = await create(fields);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ error: anyOf(String), status: false });
  });

  it('answers 403 without a valid token, and accepts the fixed token', async () => {
    const none = await create({ name: 'x', transport_type: 'Walk' }, null);
    expect(none.status).toBe(403);
    expect(await none.json()).toEqual(notAuthenticated);
    expect((await create({ name: 'x', transport_type: 'Walk' }, 'bogus')).status).toBe(403);
    expect((await create({ name: 'x', transport_type: 'Walk' }, 'fixed-mtpw-token')).status).toBe(
      200,
    );
  });

  it('marks a sequence as on Strava, storing the value as a string', async () => {
    const uuid = sim.seedMtpwSequence({ name: 'Seeded' });
    const res = await importStrava(uuid, { strava: '18106372042' });
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ message: 'Strava is updated \n', status: true });
    expect(sim.state().mtpw.sequences[0]).toMatchObject({
      unique_id: uuid,
      name: 'Seeded',
      strava: '18106372042',
    });
    await importStrava(uuid, { strava: true });
    expect(sim.state().mtpw.sequences[0]?.strava).toBe('True');
  });

  it('refuses a value over 50 characters with status false, and a missing token with 403', async () => {
    const uuid = sim.seedMtpwSequence();
    const long = await importStrava(uuid, { strava: '1'.repeat(51) });
    expect(long.status).toBe(200);
    expect(await long.json()).toEqual({ error: anyOf(String), status: false });
    const anonymous = await fetch(`${sim.url}/api/v1/sequence/import/${uuid}/`, {
      method: 'PUT',
      body: '{"strava":"1"}',
    });
    expect(anonymous.status).toBe(403);
    expect(await anonymous.json()).toEqual(notAuthenticated);
  });

  it('fails with an HTML 500 for an unknown uuid and an HTML 404 without the trailing slash', async () => {
    const unknown = await importStrava('00000000-0000-4000-8000-000000000000', { strava: '1' });
    expect(unknown.status).toBe(500);
    expect(unknown.headers.get('content-type')).toContain('text/html');
    expect(await unknown.text()).toContain('<h1>Server Error (500)</h1>');
    const noSlash = await importStrava(sim.seedMtpwSequence(), { strava: '1' }, token, '');
    expect(noSlash.status).toBe(404);
    expect(await noSlash.text()).toContain('<h1>Not Found</h1>');
  });
});
