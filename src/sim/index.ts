import type { FaultPlan } from './fault-plan';
import { serve } from './server';
import { createSimClock, type SimClock } from './sim-clock';
import type { MutableSimConfig, SimOptions } from './sim-config';
import { deleteActivity, issueTokens, seedMtpwSequence, type IssuedTokens } from './sim-actions';
import { SimState } from './sim-state';
import { takeSnapshot, type SimStateSnapshot } from './state-snapshot';

export type { FaultOptions, FaultPlan, PlannedFault, SimFault } from './fault-plan';
export type { LimitPair, RateLimitSnapshot } from './rate-limiter';
export type { SimClock } from './sim-clock';
export type { DuplicateForm, MutableSimConfig, SimOptions } from './sim-config';
export type { IssuedTokens } from './sim-actions';
export type { ActivitySnapshot, SimStateSnapshot, UploadSnapshot } from './state-snapshot';
export type { MtpwSequence } from './mtpw-store';

/** A running simulator of Strava and MTPW, and the handles tests use to steer it. */
export interface Simulator {
  /** `http://127.0.0.1:<port>`: Strava's site root and MTPW's root (same server). */
  url: string;
  clock: SimClock;
  faults: FaultPlan;
  /** Live settings; changes apply to the next request. */
  config: MutableSimConfig;
  /** The same JSON as `GET /__sim/state`. */
  state(): SimStateSnapshot;
  /** Strava tokens without the authorize page (default athlete unless `athleteId`). */
  issueTokens(opts: { scope: string[]; athleteId?: number }): IssuedTokens;
  /** Creates a sequence MTPW knows and returns its uuid. */
  seedMtpwSequence(opts?: { name?: string }): string;
  /** A valid MTPW bearer token. */
  mtpwTokenFor(userName?: string): string;
  /** Deletes an activity, so its upload polls as "The created activity has been deleted.". */
  deleteActivity(id: string): void;
  /** Every accepted `POST /oauth/token` call so far: which app's Client ID, which grant type. */
  tokenCalls(): ReadonlyArray<{ clientId: string; grantType: string }>;
  /** Stops the server and ends every connection, stalled ones included. */
  close(): Promise<void>;
}

/**
 * Starts a simulator of Strava (OAuth and API v3) and Map the Paths Web on 127.0.0.1.
 * Behaviour follows docs/CONTRACTS.md; `options` set the app credentials and defaults.
 */
export async function startSimulator(options: SimOptions = {}): Promise<Simulator> {
  const clock = createSimClock();
  const sim = new SimState(options, clock);
  const server = await serve(sim, sim.fixed.port);
  return {
    url: server.url,
    clock,
    faults: sim.faults,
    config: sim.config,
    state: () => takeSnapshot(sim),
    issueTokens: (opts) => issueTokens(sim, opts),
    seedMtpwSequence: (opts) => seedMtpwSequence(sim, opts),
    mtpwTokenFor: (userName) => sim.mtpw.tokenFor(userName),
    deleteActivity: (id) => deleteActivity(sim, id),
    tokenCalls: () => [...sim.tokenCalls],
    close: () => server.close(),
  };
}
