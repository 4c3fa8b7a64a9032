/**
 * MTPW's transport names (`mtp_api` values of the MTP Desktop Uploader's
 * transport-methods.json). MTPW's `transport_type` must name one of them.
 */
const MTPW_TRANSPORTS: readonly string[] = [
  'Bicycle',
  'Walk',
  'Scooter',
  'Skateboard',
  'Rollerskate',
  'Rock Climbing',
  'Wheelchair',
  'Car',
  'Electric Car',
  'Electric Bicycle',
  'Electric Scooter',
  'Ski',
  'Snowboard',
  'Snowshoe',
  'Ice Skating',
  'Snowmobile',
  'Swim',
  'Paddleboard',
  'Scuba Dive',
  'Surf',
  'Windsurf',
  'Kiteboard',
  'Canoe',
  'Freedive',
  'Kayak',
  'Row',
  'Sail',
  'Plane',
  'Helicopter',
  'Drone',
  'Boat',
  'Parachute',
  'Paraglide',
  'Hang Glide',
  'Wingsuit',
  'BASE Jump',
  'Glider',
  'Unlisted',
];

/**
 * The canonical transport name matching `value` case-insensitively, as MTPW matches it,
 * or undefined when MTPW has no such transport.
 */
export function findMtpwTransport(value: string): string | undefined {
  const wanted = value.trim().toLowerCase();
  return MTPW_TRANSPORTS.find((name) => name.toLowerCase() === wanted);
}
