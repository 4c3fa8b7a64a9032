import type { GpxPointStats } from './gpx-point-stats';

const plural = (n: number, one: string, many: string): string => `${n} ${n === 1 ? one : many}`;

const seconds = (s: number): string => `${Math.round(s * 10) / 10} s`;

/** The sentences that tell a person what is odd about a track Strava will still take. */
export function gpxWarnings(
  stats: GpxPointStats,
  options: { gapSeconds: number; routePoints: boolean },
): string[] {
  const warnings: string[] = [];
  const { points } = stats;
  if (options.routePoints) {
    warnings.push(
      `The file has no track points, so its ${plural(points, 'route point', 'route points')} are read instead; Strava may not accept a route.`,
    );
  }
  const longest = stats.longestGap;
  if (longest !== undefined) {
    warnings.push(
      `The track has ${plural(stats.gapCount, 'pause', 'pauses')} longer than ${options.gapSeconds} s (the longest: ${seconds(longest.seconds)} after point ${longest.afterPoint}).`,
    );
  }
  if (stats.backwardsTimes > 0) {
    warnings.push(
      `${plural(stats.backwardsTimes, 'point has a time', 'points have a time')} earlier than the point before (first: point ${stats.firstBackwardsPoint}); Strava may refuse the file or draw it wrongly.`,
    );
  }
  if (stats.repeatedTimes > 0) {
    warnings.push(
      `${plural(stats.repeatedTimes, 'point repeats a time', 'points repeat times')} the track had already reached (first: point ${stats.firstRepeatedPoint}); Strava may see them as bad data.`,
    );
  }
  if (stats.withElevation === 0) {
    warnings.push('The track has no elevation; Strava will use its own elevation data.');
  } else if (stats.withElevation < points) {
    warnings.push(
      `${plural(points - stats.withElevation, 'point has', 'points have')} no elevation.`,
    );
  }
  if (stats.withoutZone > 0) {
    warnings.push(
      `${plural(stats.withoutZone, 'point has a time', 'points have times')} without a time zone; they are read as UTC, as GPX requires.`,
    );
  }
  return warnings;
}
