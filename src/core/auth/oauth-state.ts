import { randomBytes, timingSafeEqual } from 'node:crypto';

/** A fresh unguessable OAuth `state`, 128 bits, URL-safe. */
export function newOAuthState(): string {
  return randomBytes(16).toString('base64url');
}

/** Compares the `state` that came back with the one we sent, in constant time. */
export function sameState(expected: string, received: string | null | undefined): boolean {
  if (typeof received !== 'string') return false;
  const a = Buffer.from(expected);
  const b = Buffer.from(received);
  return a.length === b.length && timingSafeEqual(a, b);
}
