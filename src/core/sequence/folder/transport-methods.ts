/** One way of moving, as the MTP Desktop Uploader offers it under a parent type. */
export interface TransportMethod {
  /** The method's name as the uploader shows and writes it (`uploader_transport_method`). */
  type: string;
  /** What MTPW's `transport_type` expects for this method (CONTRACTS.md, MTPW). */
  mtpApi: string;
  /** The Strava SportType to upload with, or null: no Strava sport, leave Strava's default. */
  stravaSport: string | null;
}

/** A transport found in the table, with the canonical spellings. */
export interface Transport {
  parent: string;
  method: string;
  mtpApi: string;
  stravaSport: string | null;
}

/**
 * The MTP Desktop Uploader's transport table (`transports/transport-methods.json`,
 * trek-view/mtp-desktop-uploader @ 0134e395), written out as data so the app never
 * reads it at run time. `strava_activity: false` there is `stravaSport: null` here.
 * Kept as published, even where Strava now has a matching sport (Wheelchair): a test
 * checks it entry by entry against the original.
 */
export const transportTable: Readonly<Record<string, readonly TransportMethod[]>> = {
  Earth: [
    { type: 'Bicycle', mtpApi: 'Bicycle', stravaSport: 'Ride' },
    { type: 'Walk', mtpApi: 'Walk', stravaSport: 'Walk' },
    { type: 'Scooter', mtpApi: 'Scooter', stravaSport: 'Workout' },
    { type: 'Skateboard', mtpApi: 'Skateboard', stravaSport: 'Skateboard' },
    { type: 'Rollerskate', mtpApi: 'Rollerskate', stravaSport: 'InlineSkate' },
    { type: 'Rock Climbing', mtpApi: 'Rock Climbing', stravaSport: 'RockClimbing' },
    { type: 'Wheelchair', mtpApi: 'Wheelchair', stravaSport: null },
    { type: 'Car', mtpApi: 'Car', stravaSport: null },
    { type: 'Electric Car', mtpApi: 'Electric Car', stravaSport: null },
    { type: 'Electric Bicycle', mtpApi: 'Electric Bicycle', stravaSport: 'EBikeRide' },
    { type: 'Electric Scooter', mtpApi: 'Electric Scooter', stravaSport: null },
  ],
  Snow: [
    { type: 'Ski', mtpApi: 'Ski', stravaSport: 'NordicSki' },
    { type: 'Snowboard', mtpApi: 'Snowboard', stravaSport: 'Snowboard' },
    { type: 'Snowshoe', mtpApi: 'Snowshoe', stravaSport: 'Snowshoe' },
    { type: 'Ice Skating', mtpApi: 'Ice Skating', stravaSport: 'IceSkate' },
    { type: 'Snowmobile', mtpApi: 'Snowmobile', stravaSport: null },
  ],
  Water: [
    { type: 'Swim', mtpApi: 'Swim', stravaSport: 'Swim' },
    { type: 'Paddleboard', mtpApi: 'Paddleboard', stravaSport: 'StandUpPaddling' },
    { type: 'Scuba Dive', mtpApi: 'Scuba Dive', stravaSport: 'Workout' },
    { type: 'Surf', mtpApi: 'Surf', stravaSport: 'Surfing' },
    { type: 'Windsurf', mtpApi: 'Windsurf', stravaSport: 'Windsurf' },
    { type: 'Kiteboard', mtpApi: 'Kiteboard', stravaSport: 'Kitesurf' },
    { type: 'Canoe', mtpApi: 'Canoe', stravaSport: 'Canoeing' },
    { type: 'Freedive', mtpApi: 'Freedive', stravaSport: 'Workout' },
    { type: 'Kayak', mtpApi: 'Kayak', stravaSport: 'Kayaking' },
    { type: 'Row', mtpApi: 'Row', stravaSport: 'Rowing' },
    { type: 'Sail', mtpApi: 'Sail', stravaSport: 'Sail' },
    // The original lists aircraft and boats under Water; kept, since MTPW knows them there.
    { type: 'Plane', mtpApi: 'Plane', stravaSport: null },
    { type: 'Helicopter', mtpApi: 'Helicopter', stravaSport: null },
    { type: 'Drone', mtpApi: 'Drone', stravaSport: null },
    { type: 'Boat', mtpApi: 'Boat', stravaSport: null },
  ],
  Air: [
    { type: 'Parachute', mtpApi: 'Parachute', stravaSport: null },
    { type: 'Paraglide', mtpApi: 'Paraglide', stravaSport: null },
    { type: 'Hang Glide', mtpApi: 'Hang Glide', stravaSport: null },
    { type: 'Wingsuit', mtpApi: 'Wingsuit', stravaSport: null },
    { type: 'BASE Jump', mtpApi: 'BASE Jump', stravaSport: null },
    { type: 'Glider', mtpApi: 'Glider', stravaSport: null },
  ],
  Other: [{ type: 'Unlisted', mtpApi: 'Unlisted', stravaSport: null }],
};

const allTransports: readonly Transport[] = Object.entries(transportTable).flatMap(
  ([parent, methods]) =>
    methods.map((m) => ({ parent, method: m.type, mtpApi: m.mtpApi, stravaSport: m.stravaSport })),
);

/** Case- and spacing-insensitive key: MTP files and EXIF tags vary in both. */
const key = (value: string): string => value.trim().replace(/\s+/g, ' ').toLowerCase();

/** The one transport whose method matches, or undefined when none or several do. */
function byMethod(method: string): Transport | undefined {
  const matches = allTransports.filter((t) => key(t.method) === key(method));
  return matches.length === 1 ? matches[0] : undefined;
}

/** Splits the EXIF form `Water-Paddleboard` (`MTPSequenceTransport`) into parent and method. */
function splitCombined(value: string): { parent: string; method: string } | undefined {
  const dash = value.indexOf('-');
  if (dash <= 0) return undefined;
  return { parent: value.slice(0, dash), method: value.slice(dash + 1) };
}

/** The transport for an exact parent and method, or undefined. */
function byPair(parent: string, method: string): Transport | undefined {
  return allTransports.find((t) => key(t.parent) === key(parent) && key(t.method) === key(method));
}

/**
 * Finds a transport from what an MTP file says: `type` and `method` as in
 * `uploader_transport_type` / `uploader_transport_method`, the EXIF form
 * `"Water-Paddleboard"` alone, or a method alone when only one parent has it.
 * A pair that does not match falls back to the method alone: older uploaders wrote
 * parents (`Land`, `Powered`) that the current table no longer has.
 */
export function findTransport(type?: string, method?: string): Transport | undefined {
  const hasType = type !== undefined && type.trim() !== '';
  const hasMethod = method !== undefined && method.trim() !== '';
  if (hasType && hasMethod) return byPair(type, method) ?? byMethod(method);
  const single = hasMethod ? method : hasType ? type : undefined;
  if (single === undefined) return undefined;
  const combined = splitCombined(single);
  if (combined) {
    const found = byPair(combined.parent, combined.method) ?? byMethod(combined.method);
    if (found) return found;
  }
  // A parent alone (`Water`) names no transport; only a method alone can.
  return hasMethod ? byMethod(single) : undefined;
}
