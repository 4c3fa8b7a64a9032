import { z } from 'zod';
import type { SecretStore } from '../ports';
import { JsonSecret, type OnSecret } from '../secrets/json-secret';

/** The keychain account holding the MTPW token. */
export const mtpwTokenAccount = 'mtpw.token';

const storedSchema = z.object({ accessToken: z.string().min(1), connectedAt: z.number() });
export type StoredMtpwToken = z.infer<typeof storedSchema>;

/** The (very long-lived) MTPW token in the SecretStore; `onSecret` hears it whenever it is loaded or saved. */
export class MtpwTokenStore extends JsonSecret<StoredMtpwToken> {
  constructor(secrets: SecretStore, onSecret?: OnSecret) {
    super(
      secrets,
      mtpwTokenAccount,
      storedSchema,
      onSecret && { secretsOf: (t) => [t.accessToken], onSecret },
    );
  }
}
