import type { z } from 'zod';
import type { SecretStore } from '../ports';

/**
 * One JSON value in the SecretStore, parsed on the way out: the keychain is a
 * trust boundary too, and an unreadable value reads as "nothing stored".
 */
export class JsonSecret<T> {
  constructor(
    private readonly secrets: SecretStore,
    private readonly account: string,
    private readonly schema: z.ZodType<T>,
  ) {}

  /** The stored value, or null when there is none or it does not parse. */
  async load(): Promise<T | null> {
    const raw = await this.secrets.get(this.account);
    if (raw === null) return null;
    try {
      const parsed = this.schema.safeParse(JSON.parse(raw));
      return parsed.success ? parsed.data : null;
    } catch {
      return null;
    }
  }

  /** Saves the value; resolves once it is durable. */
  async save(value: T): Promise<void> {
    await this.secrets.set(this.account, JSON.stringify(value));
  }

  /** Forgets the value. */
  async clear(): Promise<void> {
    await this.secrets.delete(this.account);
  }
}
