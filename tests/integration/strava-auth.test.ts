import { afterEach, describe, expect, it } from 'vitest';
import { startHarness, type SimHarness } from '../support/sim-harness';
import { StravaTokenStore } from '../../src/core/strava/strava-token-store';

let h: SimHarness;
afterEach(async () => h?.close());

const tokenRequests = () => h.sim.state().requests['POST /oauth/token'] ?? 0;
const hour = 3600_000;

describe('Strava sign-in and tokens against the simulator', () => {
  it('exchanges the code and keeps the tokens in the SecretStore only', async () => {
    h = await startHarness();
    const account = await h.signInStrava();
    expect(account.scopes).toEqual(['read', 'activity:write', 'activity:read_all']);
    expect(account.athleteId).toMatch(/^\d+$/);
    const stored = await new StravaTokenStore(h.secrets).load();
    expect(stored?.accessToken).toMatch(/.{20,}/);
    expect(await h.strava.api.getAthlete()).toMatchObject({ id: account.athleteId });
  });

  it('refuses a code used twice', async () => {
    h = await startHarness({ autoApprove: true });
    const url = new URL(
      `${h.sim.url}/oauth/authorize?client_id=54321&redirect_uri=http://localhost:9/exchange_token&response_type=code&scope=activity:write&state=s`,
    );
    const location = new URL(
      (await fetch(url, { redirect: 'manual' })).headers.get('location') ?? '',
    );
    const code = location.searchParams.get('code') ?? '';
    await h.strava.session.completeSignIn(code, ['activity:write']);
    await expect(h.strava.session.completeSignIn(code, ['activity:write'])).rejects.toMatchObject({
      kind: 'auth',
      retryable: false,
    });
  });

  it('refreshes five minutes before expiry, saving the rotated refresh token first', async () => {
    h = await startHarness();
    await h.signInStrava();
    const store = new StravaTokenStore(h.secrets);
    const before = await store.load();
    const first = await h.strava.session.accessToken();
    expect(tokenRequests()).toBe(1);

    h.sim.clock.advance(6 * hour - 4 * 60_000); // 4 minutes left
    const second = await h.strava.session.accessToken();
    const after = await store.load();
    expect(second).not.toBe(first);
    expect(after?.refreshToken).not.toBe(before?.refreshToken);
    expect(tokenRequests()).toBe(2);

    // The old refresh token is dead at once: using it is an auth error.
    await expect(h.strava.oauth.refresh(before?.refreshToken ?? '')).rejects.toMatchObject({
      kind: 'auth',
    });
    expect(await h.strava.api.getAthlete()).toBeTruthy();
  });

  it('runs one refresh for 10 concurrent callers', async () => {
    h = await startHarness();
    await h.signInStrava();
    h.sim.clock.advance(6 * hour);
    const tokens = await Promise.all(
      Array.from({ length: 10 }, () => h.strava.session.accessToken()),
    );
    expect(new Set(tokens).size).toBe(1);
    expect(tokenRequests()).toBe(2); // the sign-in, then exactly one refresh
    const athletes = await Promise.all(Array.from({ length: 10 }, () => h.strava.api.getAthlete()));
    expect(athletes).toHaveLength(10);
  });

  it('refreshes once and retries once after a 401 for an expired token', async () => {
    h = await startHarness();
    await h.signInStrava();
    h.sim.clock.advance(5 * hour + 30 * 60_000); // < 1 h left, so the refresh mints a new token
    h.sim.faults.add('GET /api/v3/athlete', { type: 'expire-token' });
    expect(await h.strava.api.getAthlete()).toBeTruthy();
    expect(h.sim.state().requests['GET /api/v3/athlete']).toBe(2);
    expect(tokenRequests()).toBe(2);
  });

  it('gives up with "reconnect" when the refreshed token is refused too', async () => {
    h = await startHarness();
    await h.signInStrava();
    h.sim.faults.add('GET /api/v3/athlete', { type: 'expire-token' }, { times: 5 });
    await expect(h.strava.api.getAthlete()).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/reconnect/i),
    });
    expect(h.sim.state().requests['GET /api/v3/athlete']).toBe(2);
  });

  it('forgets dead tokens when Strava refuses the refresh token', async () => {
    h = await startHarness();
    await h.signInStrava();
    const store = new StravaTokenStore(h.secrets);
    const stored = await store.load();
    await store.save({ ...stored!, refreshToken: 'dead', expiresAt: 1 });
    await expect(h.strava.session.accessToken()).rejects.toMatchObject({ kind: 'auth' });
    expect(await h.strava.session.account()).toBeNull();
  });

  it('signs out with /oauth/revoke, after which the tokens are dead and forgotten', async () => {
    h = await startHarness();
    await h.signInStrava();
    const stored = await new StravaTokenStore(h.secrets).load();
    expect(await h.strava.session.signOut()).toEqual({ revokedAtStrava: true });
    expect(h.sim.state().requests['POST /oauth/revoke']).toBe(1);
    expect(await h.secrets.accounts()).toEqual([]);
    const r = await fetch(`${h.sim.url}/api/v3/athlete`, {
      headers: { authorization: `Bearer ${stored?.accessToken}` },
    });
    expect(r.status).toBe(401);
  });

  it('falls back to /oauth/deauthorize where revoke is missing', async () => {
    h = await startHarness();
    await h.signInStrava();
    h.sim.faults.add('POST /oauth/revoke', { type: 'status', status: 404 });
    expect(await h.strava.session.signOut()).toEqual({ revokedAtStrava: true });
    expect(h.sim.state().requests['POST /oauth/deauthorize']).toBe(1);
  });

  it('forgets the tokens even when Strava cannot be reached', async () => {
    h = await startHarness();
    await h.signInStrava();
    h.sim.faults.add('POST /oauth/revoke', { type: 'drop' });
    expect(await h.strava.session.signOut()).toEqual({ revokedAtStrava: false });
    expect(await h.strava.session.account()).toBeNull();
  });

  it('reports a wrong client secret and an inactive app in plain words', async () => {
    h = await startHarness({ appClientSecret: 'wrong' });
    await expect(h.signInStrava()).rejects.toMatchObject({
      kind: 'config',
      message: expect.stringMatching(/Client Secret/),
    });
    await h.close();
    h = await startHarness();
    await h.signInStrava();
    h.sim.config.inactive = true;
    await expect(h.strava.api.getAthlete()).rejects.toMatchObject({
      kind: 'app-inactive',
      retryable: false,
    });
  });

  it('is "not connected" before sign-in', async () => {
    h = await startHarness();
    expect(await h.strava.session.account()).toBeNull();
    await expect(h.strava.api.getAthlete()).rejects.toMatchObject({
      kind: 'auth',
      message: expect.stringMatching(/Connect Strava/),
    });
  });
});
