import { z } from 'zod';
import type { SecretStore } from '../ports';

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

/** Reads and writes Strava's tokens in the SecretStore, parsing what comes back. */
export class StravaTokenStore {
  constructor(private readonly secrets: SecretStore) {}

  /** The stored tokens, or null when none (or when the stored value is unreadable). */
  async load(): Promise<StoredStravaTokens | null> {
    const raw = await this.secrets.get(stravaTokensAccount);
    if (raw === null) return null;
    try {
      const parsed = storedStravaTokensSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Saves the tokens; resolves only once they are durable. */
  async save(tokens: StoredStravaTokens): Promise<void> {
    await this.secrets.set(stravaTokensAccount, JSON.stringify(tokens));
  }

  /** Forgets the tokens. */
  async clear(): Promise<void> {
    await this.secrets.delete(stravaTokensAccount);
  }
}
