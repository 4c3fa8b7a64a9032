/** The list lives in src/shared so that core, the app and the simulator agree on it. */
export { isSportType, SPORT_TYPES } from '../shared/sport-types';

/** Strava's legacy `ActivityType` enum (swagger), which lacks the newer sport types. */
const ACTIVITY_TYPES: ReadonlySet<string> = new Set([
  'AlpineSki',
  'BackcountrySki',
  'Canoeing',
  'Crossfit',
  'EBikeRide',
  'Elliptical',
  'Golf',
  'Handcycle',
  'Hike',
  'IceSkate',
  'InlineSkate',
  'Kayaking',
  'Kitesurf',
  'NordicSki',
  'Ride',
  'RockClimbing',
  'RollerSki',
  'Rowing',
  'Run',
  'Sail',
  'Skateboard',
  'Snowboard',
  'Snowshoe',
  'Soccer',
  'StairStepper',
  'StandUpPaddling',
  'Surfing',
  'Swim',
  'Velomobile',
  'VirtualRide',
  'VirtualRun',
  'Walk',
  'WeightTraining',
  'Wheelchair',
  'Windsurf',
  'Workout',
  'Yoga',
]);

/** Newer sport types and the legacy type Strava reports for them (swagger's ActivityType note). */
const LEGACY_TYPE_OF: Readonly<Record<string, string>> = {
  MountainBikeRide: 'Ride',
  GravelRide: 'Ride',
  EMountainBikeRide: 'EBikeRide',
  TrailRun: 'Run',
  VirtualRow: 'Rowing',
};

/**
 * The deprecated `type` field for a sport type.
 * Racket and gym sports have no legacy counterpart; `Workout` keeps the field valid.
 */
export function legacyActivityType(sportType: string): string {
  if (ACTIVITY_TYPES.has(sportType)) return sportType;
  return LEGACY_TYPE_OF[sportType] ?? 'Workout';
}
