/** Strava scopes as what they let the app do, in the order a person cares about. */
const words: ReadonlyArray<readonly [string, string]> = [
  ['activity:write', 'can upload'],
  ['activity:read_all', 'can confirm uploads quickly'],
];

/** The granted scopes the app uses, in words; scopes it does not use are left out. */
export function scopeWords(scopes: readonly string[]): string[] {
  return words.filter(([scope]) => scopes.includes(scope)).map(([, text]) => text);
}
