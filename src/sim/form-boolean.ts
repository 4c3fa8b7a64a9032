/**
 * Reads a boolean as clients send it: JSON `true`/`false`, or form text
 * `true`/`false`/`1`/`0` (Strava's upload form documents `1` for trainer/commute).
 * Returns 'invalid' for anything else so the route can refuse it.
 */
export function formBoolean(value: unknown): boolean | 'invalid' | undefined {
  if (value === undefined) return undefined;
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number' && (value === 0 || value === 1)) return value === 1;
  if (typeof value === 'string') {
    const v = value.trim().toLowerCase();
    if (v === 'true' || v === '1') return true;
    if (v === 'false' || v === '0' || v === '') return false;
  }
  return 'invalid';
}
