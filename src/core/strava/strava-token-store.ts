import { z } from 'zod';
import type { SecretStore } from '../ports';
import { JsonSecret, type OnSecret } from '../secrets/json-secret';

/** The keychain account that holds Strava's tokens as one JSON value, so a rotation is one write. */
export const stravaTokensAccount = 'strava.tokens';

export const storedStravaTokensSchema = z.object({
  accessToken: z.string().min(1),
  refreshToken: z.string().min(1),
  /** Epoch seconds, as Strava gives it. */
  expiresAt: z.number().int(),
  scopes: z.array(z.string()),
  athlete: z.object({ id: z.string(), name: z.string() }).optional(),
});
export type StoredStravaTokens = z.infer<typeof storedStravaTokensSchema>;

/** Strava's tokens in the SecretStore; `onSecret` hears both tokens whenever they are loaded or saved. */
export class StravaTokenStore extends JsonSecret<StoredStravaTokens> {
  constructor(secrets: SecretStore, onSecret?: OnSecret) {
    super(
      secrets,
      stravaTokensAccount,
      storedStravaTokensSchema,
      onSecret && { secretsOf: (t) => [t.accessToken, t.refreshToken], onSecret },
    );
  }
}
