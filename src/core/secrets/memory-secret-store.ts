import type { SecretStore } from '../ports';

/** A SecretStore in memory, for tests of logic and for the browser demo. */
export function createMemorySecretStore(): SecretStore & { snapshot(): Map<string, string> } {
  const values = new Map<string, string>();
  return {
    get: (account) => Promise.resolve(values.get(account) ?? null),
    set: (account, value) => {
      values.set(account, value);
      return Promise.resolve();
    },
    delete: (account) => Promise.resolve(values.delete(account)),
    accounts: () => Promise.resolve([...values.keys()]),
    snapshot: () => new Map(values),
  };
}
