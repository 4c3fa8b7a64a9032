import type { Redactor } from '../log/redact';

/** Names of settings whose values are credentials: dropped, only their presence is told. */
const secretName =
  /secret|token|password|passwd|credential|authori[sz]ation|cookie|api[-_]?key|^code$|^state$/i;

/** What stands in for a removed secret. */
export const removedMark = '[removed]';

/**
 * A copy of a settings object fit to leave the machine: every value under a
 * secret-looking name becomes `[removed]` (or stays absent when it was unset),
 * and every other string passes the Redactor, which knows the tokens by value.
 */
export function scrubSettings(value: unknown, redactor: Redactor, depth = 0): unknown {
  if (depth > 8) return removedMark;
  if (typeof value === 'string') return redactor.redact(value);
  if (Array.isArray(value)) return value.map((v) => scrubSettings(v, redactor, depth + 1));
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) {
    if (secretName.test(key)) {
      if (entry !== undefined && entry !== null && entry !== '') out[key] = removedMark;
    } else {
      out[key] = scrubSettings(entry, redactor, depth + 1);
    }
  }
  return out;
}
