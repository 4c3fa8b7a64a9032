/**
 * Strava's `SportType` enum, as the swagger models list it (definitions.json). One list
 * for the whole app: core validates a chosen sport against it, the renderer offers it,
 * and the simulator accepts exactly these.
 */
export const SPORT_TYPES = [
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
] as const;

/** One of Strava's sport types. */
export type SportType = (typeof SPORT_TYPES)[number];

const sportTypeSet: ReadonlySet<string> = new Set(SPORT_TYPES);

/** Whether `value` is one of Strava's sport types (case-sensitive, as Strava is). */
export function isSportType(value: string): value is SportType {
  return sportTypeSet.has(value);
}
