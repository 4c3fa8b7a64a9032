import { randomUUID } from 'node:crypto';
import { randomToken } from './random-token';

/** The user who signs in on the simulated MTPW authorize page. */
export const DEFAULT_MTPW_USER = 'sim-user';

/** A sequence as MTPW stores it. */
export interface MtpwSequence {
  unique_id: string;
  name: string;
  description: string;
  transport_type: string;
  tags: string[];
  /** The `strava` field as MTPW stored it: always a string once set, at most 50 characters. */
  strava: string | null;
  user: string;
}

/** MTPW's sequences and bearer tokens. */
export class MtpwStore {
  readonly sequences = new Map<string, MtpwSequence>();
  private tokens = new Map<string, string>();

  constructor(private readonly fixedToken: string | undefined) {}

  /** A new bearer token for `user`. */
  tokenFor(user: string = DEFAULT_MTPW_USER): string {
    const token = randomToken();
    this.tokens.set(token, user);
    return token;
  }

  /** The user behind a token, or undefined. The fixed token from the options is always valid. */
  userOf(token: string): string | undefined {
    if (this.fixedToken !== undefined && token === this.fixedToken) return DEFAULT_MTPW_USER;
    return this.tokens.get(token);
  }

  /** Invalidates a token (the `expire-token` fault); the fixed token cannot be invalidated. */
  revoke(token: string): void {
    this.tokens.delete(token);
  }

  /** Stores a new sequence and returns it. */
  create(fields: Omit<MtpwSequence, 'unique_id' | 'strava'>): MtpwSequence {
    const sequence: MtpwSequence = { ...fields, unique_id: randomUUID(), strava: null };
    this.sequences.set(sequence.unique_id, sequence);
    return sequence;
  }
}
