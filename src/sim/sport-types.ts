/**
 * Strava's `SportType` enum, copied from the swagger models (definitions.json).
 * Embedded rather than read at run time so the simulator stands alone.
 */
export const SPORT_TYPES: readonly string[] = [
  'AlpineSki',
  'BackcountrySki',
  'Badminton',
  'Basketball',
  'Canoeing',
  'Cricket',
  'Crossfit',
  'Dance',
  'EBikeRide',
  'Elliptical',
  'EMountainBikeRide',
  'Golf',
  'GravelRide',
  'Handcycle',
  'HighIntensityIntervalTraining',
  'Hike',
  'IceSkate',
  'InlineSkate',
  'Kayaking',
  'Kitesurf',
  'MountainBikeRide',
  'NordicSki',
  'Padel',
  'PhysicalTherapy',
  'Pickleball',
  'Pilates',
  'Racquetball',
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
  'Squash',
  'StairStepper',
  'StandUpPaddling',
  'Surfing',
  'Swim',
  'TableTennis',
  'Tennis',
  'TrailRun',
  'Velomobile',
  'VirtualRide',
  'VirtualRow',
  'VirtualRun',
  'Volleyball',
  'Walk',
  'WeightTraining',
  'Wheelchair',
  'Windsurf',
  'Workout',
  'Yoga',
];

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

/** Whether `value` is one of Strava's sport types (case-sensitive, as Strava is). */
export function isSportType(value: string): boolean {
  return SPORT_TYPES.includes(value);
}

/**
 * The deprecated `type` field for a sport type.
 * Racket and gym sports have no legacy counterpart; `Workout` keeps the field valid.
 */
export function legacyActivityType(sportType: string): string {
  if (ACTIVITY_TYPES.has(sportType)) return sportType;
  return LEGACY_TYPE_OF[sportType] ?? 'Workout';
}
