import { z } from 'zod';
import type { SecretStore } from '../ports';

/** The keychain account holding the MTPW token. */
export const mtpwTokenAccount = 'mtpw.token';

const storedSchema = z.object({ accessToken: z.string().min(1), connectedAt: z.number() });
export type StoredMtpwToken = z.infer<typeof storedSchema>;

/** Reads and writes the (very long-lived) MTPW token in the SecretStore. */
export class MtpwTokenStore {
  constructor(private readonly secrets: SecretStore) {}

  /** The stored token, or null. */
  async load(): Promise<StoredMtpwToken | null> {
    const raw = await this.secrets.get(mtpwTokenAccount);
    if (raw === null) return null;
    try {
      const parsed = storedSchema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Saves the token. */
  async save(token: StoredMtpwToken): Promise<void> {
    await this.secrets.set(mtpwTokenAccount, JSON.stringify(token));
  }

  /** Forgets the token. */
  async clear(): Promise<void> {
    await this.secrets.delete(mtpwTokenAccount);
  }
}
