/**
 * Sport types as people type them, shared by core (--sport-type) and the renderer's
 * Edit panel, so both refuse an unknown sport with the same nearest names.
 */
import { SPORT_TYPES } from './sport-types';
import type { SportType } from './sport-types';

/** How many near names a refusal offers. */
const suggestions = 3;

/** Levenshtein distance between two short strings (sport names are at most 30 characters). */
export function editDistance(a: string, b: string): number {
  let row = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const next = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      next[j] = Math.min((row[j] ?? 0) + 1, (next[j - 1] ?? 0) + 1, (row[j - 1] ?? 0) + cost);
    }
    row = next;
  }
  return row[b.length] ?? 0;
}

/** The valid sport types closest to `name` (ignoring case), nearest first. */
export function nearestSportTypes(name: string, count = suggestions): SportType[] {
  const typed = name.trim().toLowerCase();
  return SPORT_TYPES.map((sport, order) => ({
    sport,
    order,
    d: editDistance(typed, sport.toLowerCase()),
  }))
    .sort((x, y) => x.d - y.d || x.order - y.order)
    .slice(0, count)
    .map((x) => x.sport);
}

/**
 * Reads a sport type as a person types it: one of the swagger's `SportType` values,
 * in any case (`ride` is `Ride`: no two differ only in case). An unknown one is
 * refused with the nearest valid names.
 */
export function checkSportType(
  name: string,
): { sportType: SportType } | { problem: string; nearest: SportType[] } {
  const typed = name.trim().toLowerCase();
  const found = SPORT_TYPES.find((sport) => sport.toLowerCase() === typed);
  if (found !== undefined) return { sportType: found };
  const nearest = nearestSportTypes(name);
  return {
    problem: `"${name.trim()}" is not a Strava sport type; did you mean ${nearest.join(', ')}?`,
    nearest,
  };
}
