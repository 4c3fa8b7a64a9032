/** The words for how long a backlog will take: "about 2 days 14 h". */
export function durationWords(ms: number): string {
  if (!Number.isFinite(ms)) return 'an unknown time';
  const minutes = Math.max(1, Math.round(ms / 60_000));
  if (minutes < 60) return `about ${minutes} min`;
  const hours = Math.floor(minutes / 60);
  if (hours < 24) return `about ${hours} h${minutes % 60 ? ` ${minutes % 60} min` : ''}`;
  const days = Math.floor(hours / 24);
  return `about ${days} ${days === 1 ? 'day' : 'days'}${hours % 24 ? ` ${hours % 24} h` : ''}`;
}

const holdingWords = {
  none: '',
  '15-minute': " Strava's 15-minute limit is holding the batch now.",
  daily: " Strava's daily limit is holding the batch; it resets at midnight UTC.",
} as const;

/**
 * The Queue's and `mtp-strava status`'s line for a backlog:
 * "4,812 to go: about 2 days 14 h at Strava's limits. Strava's daily limit is holding the batch; …".
 */
export function backlogWords(
  estimate: { remaining: number; finishAt: number; holding: keyof typeof holdingWords },
  now: number,
): string {
  if (estimate.remaining === 0) return 'Nothing to go.';
  return (
    `${estimate.remaining.toLocaleString('en-US')} to go: ${durationWords(estimate.finishAt - now)} at Strava's limits.` +
    holdingWords[estimate.holding]
  );
}
