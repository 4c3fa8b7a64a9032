/** Splits a sport type into words: `StandUpPaddling` → `Stand Up Paddling`. */
function sportWords(sportType: string): string {
  return sportType.replace(/([a-z])([A-Z])/g, '$1 $2');
}

/**
 * Strava's default activity name from the start hour and the sport, e.g.
 * "Morning Ride". The simulator knows no time zone, so the hour is UTC.
 */
export function defaultActivityName(startMs: number, sportType: string): string {
  const hour = new Date(startMs).getUTCHours();
  const part =
    hour < 5
      ? 'Night'
      : hour < 11
        ? 'Morning'
        : hour < 14
          ? 'Lunch'
          : hour < 18
            ? 'Afternoon'
            : hour < 21
              ? 'Evening'
              : 'Night';
  return `${part} ${sportWords(sportType)}`;
}
