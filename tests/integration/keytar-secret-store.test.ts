import { randomUUID } from 'node:crypto';
import { afterAll, expect, it } from 'vitest';
import { describeWhen, skipReasons } from '../support/skip-when';
import {
  createKeytarSecretStore,
  keychainService,
} from '../../src/core/secrets/keytar-secret-store';

// The real Secret Service is started by scripts/with-keyring.sh (npm test); elsewhere say why we skip.
const ready = process.env.MTP_KEYRING_READY === '1';

describeWhen(ready, skipReasons.keyring)('keytar SecretStore against a real Secret Service', () => {
  const service = `${keychainService}-test-${randomUUID()}`;
  const store = createKeytarSecretStore(service);

  afterAll(async () => {
    for (const account of await store.accounts()) await store.delete(account);
  });

  it('files secrets under the app service name when no service is given', async () => {
    const account = `default-service-${randomUUID()}`;
    const byDefault = createKeytarSecretStore();
    await byDefault.set(account, 'filed');
    try {
      expect(await createKeytarSecretStore('mtp-strava-uploader').get(account)).toBe('filed');
    } finally {
      await byDefault.delete(account);
    }
  });

  it('stores, reads, replaces, lists and deletes a secret', async () => {
    expect(await store.get('strava.tokens')).toBeNull();
    await store.set('strava.tokens', '{"accessToken":"a"}');
    expect(await store.get('strava.tokens')).toBe('{"accessToken":"a"}');
    await store.set('strava.tokens', '{"accessToken":"b"}');
    expect(await store.get('strava.tokens')).toBe('{"accessToken":"b"}');
    await store.set('mtpw.token', 'x'.repeat(4096));
    expect((await store.accounts()).sort()).toEqual(['mtpw.token', 'strava.tokens']);
    expect(await store.delete('strava.tokens')).toBe(true);
    expect(await store.delete('strava.tokens')).toBe(false);
    expect(await store.get('strava.tokens')).toBeNull();
    expect(await store.accounts()).toEqual(['mtpw.token']);
  });

  it('keeps values of other services apart', async () => {
    const other = createKeytarSecretStore(`${service}-other`);
    await store.set('shared.name', 'mine');
    expect(await other.get('shared.name')).toBeNull();
  });

  it('reports a keychain failure as a typed config error', async () => {
    const broken = createKeytarSecretStore(service, {
      getPassword: () => Promise.reject(new Error('Cannot autolaunch D-Bus without X11 $DISPLAY')),
      setPassword: () => Promise.reject(new Error('locked')),
      deletePassword: () => Promise.reject(new Error('locked')),
      findCredentials: () => Promise.reject(new Error('locked')),
    });
    await expect(broken.get('x')).rejects.toMatchObject({ kind: 'config', retryable: true });
    await expect(broken.set('x', 'y')).rejects.toMatchObject({ kind: 'config' });
  });
});
