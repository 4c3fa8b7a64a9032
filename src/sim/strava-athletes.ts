/** The athlete who signs in on the simulated authorize page. */
export const DEFAULT_ATHLETE_ID = 83920146;

/** What the simulator knows about an athlete. */
export interface AthleteRecord {
  id: number;
  username: string;
  firstname: string;
  lastname: string;
  createdAt: string;
}

/** The simulated athletes, created on first use. */
export class StravaAthletes {
  private athletes = new Map<number, AthleteRecord>();

  constructor(private readonly now: () => number) {}

  /** The athlete with this id, created with made-up names if new. */
  get(id: number): AthleteRecord {
    let athlete = this.athletes.get(id);
    if (!athlete) {
      const isDefault = id === DEFAULT_ATHLETE_ID;
      athlete = {
        id,
        username: isDefault ? 'sim_rider' : `sim_athlete_${id}`,
        firstname: isDefault ? 'Sam' : 'Athlete',
        lastname: isDefault ? 'Simulator' : String(id),
        createdAt: isoSeconds(this.now()),
      };
      this.athletes.set(id, athlete);
    }
    return athlete;
  }
}

/** Strava's date-time format: ISO 8601 in UTC without milliseconds. */
export function isoSeconds(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}

/**
 * The SummaryAthlete inside `/oauth/token`'s answer.
 * Fields Strava sends as null are left out, so the body validates against the
 * swagger schema, which declares no nullable types.
 */
export function summaryAthlete(a: AthleteRecord): Record<string, unknown> {
  return {
    id: a.id,
    username: a.username,
    resource_state: 2,
    firstname: a.firstname,
    lastname: a.lastname,
    bio: '',
    city: 'Simville',
    state: '',
    country: 'United Kingdom',
    sex: 'F',
    premium: false,
    summit: false,
    created_at: a.createdAt,
    updated_at: a.createdAt,
    badge_type_id: 0,
    weight: 0,
    profile_medium: 'avatar/athlete/medium.png',
    profile: 'avatar/athlete/large.png',
  };
}

/** Every simulated athlete's gear: Strava lists it only to a token with `profile:read_all`. */
const simBikes = [
  { id: 'b1001', primary: true, name: 'Sim gravel bike', resource_state: 2, distance: 0 },
];
const simShoes = [
  { id: 'g2001', primary: true, name: 'Sim trail shoes', resource_state: 2, distance: 0 },
];

/** The DetailedAthlete of `GET /api/v3/athlete`; bikes and shoes only with `profile:read_all`. */
export function detailedAthlete(a: AthleteRecord, withGear = false): Record<string, unknown> {
  return {
    ...summaryAthlete(a),
    resource_state: 3,
    follower_count: 0,
    friend_count: 0,
    mutual_friend_count: 0,
    athlete_type: 1,
    date_preference: '%m/%d/%Y',
    measurement_preference: 'meters',
    clubs: [],
    bikes: withGear ? simBikes : [],
    shoes: withGear ? simShoes : [],
  };
}
