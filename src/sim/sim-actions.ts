import type { SimState } from './sim-state';
import { DEFAULT_ATHLETE_ID } from './strava-athletes';

/** Tokens made without the authorize page, for tests that start signed in. */
export interface IssuedTokens {
  access_token: string;
  refresh_token: string;
  expires_at: number;
}

/** Issues Strava tokens with the given scope for an athlete (default: the page's athlete). */
export function issueTokens(
  sim: SimState,
  opts: { scope: string[]; athleteId?: number },
): IssuedTokens {
  const athleteId = opts.athleteId ?? DEFAULT_ATHLETE_ID;
  sim.athletes.get(athleteId);
  const { tokens } = sim.grants.issue(sim.fixed.clientId, athleteId, opts.scope);
  return {
    access_token: tokens.access_token,
    refresh_token: tokens.refresh_token,
    expires_at: tokens.expires_at,
  };
}

/** Creates an MTPW sequence directly and returns its uuid, for tests of the import step. */
export function seedMtpwSequence(sim: SimState, opts: { name?: string } = {}): string {
  const name = opts.name ?? `Seeded sequence ${sim.mtpw.sequences.size + 1}`;
  return sim.mtpw.create({
    name,
    description: '',
    transport_type: 'Bicycle',
    tags: [],
    user: 'sim-user',
  }).unique_id;
}

/**
 * Deletes an activity as its owner would on strava.com, so its upload polls as
 * "The created activity has been deleted.". Throws for an unknown id.
 */
export function deleteActivity(sim: SimState, id: string): void {
  if (!/^\d+$/.test(id) || !sim.store.deleteActivity(Number(id))) {
    throw new RangeError(`No activity ${id}`);
  }
}
