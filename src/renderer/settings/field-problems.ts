import { userSettingsSchema } from '../../shared/settings-schema';

/**
 * Checks a section's values before they are sent, with the schema core uses, so a
 * mistake shows next to its field at once; core checks again and its reasons win.
 * Fields left out take their defaults. Keys are the schema's field paths
 * (`uploads.concurrency`, `advanced.mtpwBaseUrl`).
 */
export function fieldProblems(draft: Record<string, unknown>, development: boolean): Problems {
  const parsed = userSettingsSchema({ development }).safeParse(draft);
  const problems: Problems = {};
  if (!parsed.success)
    for (const issue of parsed.error.issues) problems[issue.path.join('.')] ??= issue.message;
  return problems;
}

/** Field path → why its value cannot be saved. */
export type Problems = Record<string, string>;

/** The texts the user filled in; an empty one is left out (its default applies). */
export function filledIn<T extends Record<string, string>>(texts: T): Partial<T> {
  return Object.fromEntries(Object.entries(texts).filter(([, v]) => v.trim() !== '')) as Partial<T>;
}

/** A number typed in a field; NaN (refused with its reason) when it is not one. */
export const typedNumber = (text: string): number => (text.trim() === '' ? NaN : Number(text));
