import { createRequire } from 'node:module';
import { UploadError } from '../errors/upload-error';
import type { SecretStore } from '../ports';

/** The keychain service every secret of the app is filed under. */
export const keychainService = 'mtp-strava-uploader';

interface Keytar {
  getPassword(service: string, account: string): Promise<string | null>;
  setPassword(service: string, account: string, password: string): Promise<void>;
  deletePassword(service: string, account: string): Promise<boolean>;
  findCredentials(service: string): Promise<Array<{ account: string; password: string }>>;
}

/** keytar is a native CommonJS module; loading it lazily keeps core importable where it is absent. */
function loadKeytar(): Keytar {
  const require = createRequire(import.meta.url);
  return require('keytar') as Keytar;
}

const keychainError = (error: unknown) =>
  new UploadError(
    {
      kind: 'config',
      message:
        'The system keychain could not be used. Make sure it is unlocked (on Linux: a Secret Service such as GNOME Keyring).',
      retryable: true,
      detail: error instanceof Error ? error.message : String(error),
    },
    { cause: error },
  );

/** A SecretStore in the OS keychain (macOS Keychain, Windows Credential Vault, Secret Service). */
export function createKeytarSecretStore(
  service = keychainService,
  keytar: Keytar = loadKeytar(),
): SecretStore {
  const guard = async <T>(work: () => Promise<T>): Promise<T> => {
    try {
      return await work();
    } catch (error) {
      throw keychainError(error);
    }
  };
  return {
    get: (account) => guard(() => keytar.getPassword(service, account)),
    set: (account, value) => guard(() => keytar.setPassword(service, account, value)),
    delete: (account) => guard(() => keytar.deletePassword(service, account)),
    accounts: () =>
      guard(async () => (await keytar.findCredentials(service)).map((c) => c.account)),
  };
}
