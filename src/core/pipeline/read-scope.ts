/** The scopes that let a token list the athlete's activities (CONTRACTS.md: activity:read or activity:read_all). */
const listingScopes = new Set(['activity:read', 'activity:read_all']);

/**
 * Whether uploads can be confirmed many at a time with one list read; without a
 * read scope, Strava answers a list with 401 and each upload is polled instead.
 */
export function canListActivities(scopes: readonly string[]): boolean {
  return scopes.some((scope) => listingScopes.has(scope));
}
