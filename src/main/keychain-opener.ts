import { UploadError } from '../core/errors/upload-error';
import type { SecretStore } from '../core/ports';
import { createKeytarSecretStore } from '../core/secrets/keytar-secret-store';

/**
 * The keychain, or a `config` error a person can act on. keytar is a native module:
 * without libsecret (Linux) it fails to load with a dynamic-linker message.
 */
export function openKeychain(): SecretStore {
  try {
    return createKeytarSecretStore();
  } catch (error) {
    throw new UploadError(
      {
        kind: 'config',
        message:
          'The system keychain could not be opened, and sign-ins are kept there. On Linux, install libsecret (libsecret-1-0) and a Secret Service such as GNOME Keyring, then start the app again.',
        retryable: false,
        detail: error instanceof Error ? error.message : String(error),
      },
      { cause: error },
    );
  }
}
