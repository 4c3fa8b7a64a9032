import type { SequenceInfo } from './sequence-info';

/**
 * The sentences about a sequence's own file (not its track) that a person should read
 * before sending it. A chosen sport (`sportType`) silences the one about the sport.
 */
export function sequenceWarnings(
  info: Pick<SequenceInfo, 'transport'>,
  options: { sportType?: string } = {},
): string[] {
  const warnings: string[] = [];
  if (options.sportType === undefined && !info.transport?.stravaSport) {
    // Without a sport_type, Strava silently files the activity under the athlete's default.
    const why =
      info.transport === undefined
        ? 'The folder names no transport'
        : `The transport "${info.transport.method}" has no Strava sport`;
    warnings.push(`${why}, so Strava will use your default sport: choose one.`);
  }
  return warnings;
}
