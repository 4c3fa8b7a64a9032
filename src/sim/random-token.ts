import { randomBytes } from 'node:crypto';

/**
 * A random 40-hex-character token, the shape of Strava's codes and tokens.
 * Drawn from crypto rather than the seeded PRNG: two simulators with the same seed
 * must not hand out the same bearer tokens.
 */
export function randomToken(): string {
  return randomBytes(20).toString('hex');
}
