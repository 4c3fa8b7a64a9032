import type { z } from 'zod';
import type { SecretStore } from '../ports';

/** Told each secret value (token, client secret) as soon as it is known, e.g. Redactor.remember. */
export type OnSecret = (secret: string) => void;

/** Which values of a stored T are secret, and who to tell about them. */
export interface SecretSighting<T> {
  secretsOf: (value: T) => readonly string[];
  onSecret: OnSecret;
}

/**
 * One JSON value in the SecretStore, parsed on the way out: the keychain is a
 * trust boundary too, and an unreadable value reads as "nothing stored". Every
 * value loaded or saved passes here, so this is where its secrets are announced
 * (a refresh or a code exchange saves, a restart loads).
 */
export class JsonSecret<T> {
  constructor(
    private readonly secrets: SecretStore,
    private readonly account: string,
    private readonly schema: z.ZodType<T>,
    private readonly sighting?: SecretSighting<T>,
  ) {}

  /** The stored value, or null when there is none or it does not parse. */
  async load(): Promise<T | null> {
    const raw = await this.secrets.get(this.account);
    if (raw === null) return null;
    try {
      const parsed = this.schema.safeParse(JSON.parse(raw));
      if (!parsed.success) return null;
      this.announce(parsed.data);
      return parsed.data;
    } catch {
      return null;
    }
  }

  /** Saves the value; resolves once it is durable. */
  async save(value: T): Promise<void> {
    this.announce(value);
    await this.secrets.set(this.account, JSON.stringify(value));
  }

  /** Forgets the value. */
  async clear(): Promise<void> {
    await this.secrets.delete(this.account);
  }

  private announce(value: T): void {
    if (!this.sighting) return;
    for (const secret of this.sighting.secretsOf(value)) this.sighting.onSecret(secret);
  }
}
