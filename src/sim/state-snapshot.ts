import type { PlannedFault } from './fault-plan';
import type { MtpwSequence } from './mtpw-store';
import type { RateLimitSnapshot } from './rate-limiter';
import type { MutableSimConfig } from './sim-config';
import type { SimState } from './sim-state';
import { isoSeconds } from './strava-athletes';
import { uploadBody } from './upload-view';

/** An activity in `state()`; ids are strings. */
export interface ActivitySnapshot {
  id: string;
  external_id: string;
  name: string;
  description: string;
  sport_type: string;
  athlete_id: string;
  upload_id_str: string;
  start_date: string;
  distance: number;
  trainer: boolean;
  commute: boolean;
  hide_from_home: boolean;
  gear_id: string | null;
  deleted: boolean;
}

/** An upload in `state()`; ids are strings. */
export interface UploadSnapshot {
  id_str: string;
  status: string;
  error: string | null;
  activity_id: string | null;
  external_id: string;
  athlete_id: string;
  data_type: string;
  name: string | null;
  description: string | null;
  sport_type: string | null;
  bytes: number;
  created_at: number;
  process_at: number;
}

/** The JSON of `GET /__sim/state` and `sim.state()`. */
export interface SimStateSnapshot {
  now: number;
  activities: ActivitySnapshot[];
  uploads: UploadSnapshot[];
  mtpw: { sequences: MtpwSequence[] };
  requests: Record<string, number>;
  /** 429s the rate limiter gave (a client reading the headers could have avoided them). */
  rateLimitRefusals: number;
  rateLimit: RateLimitSnapshot;
  grants: { athlete_id: string; scope: string[]; revoked: boolean; access_expires_at: number }[];
  faults: PlannedFault[];
  config: MutableSimConfig;
}

/** Takes a snapshot of the simulator, first finishing any upload whose time has come. */
export function takeSnapshot(sim: SimState): SimStateSnapshot {
  const now = sim.now();
  sim.store.settle();
  const activityById = (id: number) => sim.store.activities.get(id);
  return {
    now,
    activities: [...sim.store.activities.values()].map((a) => ({
      id: String(a.id),
      external_id: a.externalId,
      name: a.name,
      description: a.description,
      sport_type: a.sportType,
      athlete_id: String(a.athleteId),
      upload_id_str: String(a.uploadId),
      start_date: isoSeconds(a.track.startMs),
      distance: a.track.distance,
      trainer: a.trainer,
      commute: a.commute,
      hide_from_home: a.hideFromHome,
      gear_id: a.gearId ?? null,
      deleted: a.deleted,
    })),
    uploads: [...sim.store.uploads.values()].map((u) => {
      const body = uploadBody(u, activityById);
      return {
        id_str: body.id_str,
        status: body.status,
        error: body.error,
        activity_id: body.activity_id === null ? null : String(body.activity_id),
        external_id: u.externalId,
        athlete_id: String(u.athleteId),
        data_type: u.dataType,
        name: u.name ?? null,
        description: u.description ?? null,
        sport_type: u.sportType ?? null,
        bytes: u.bytes,
        created_at: u.createdAt,
        process_at: u.processAt,
      };
    }),
    mtpw: { sequences: [...sim.mtpw.sequences.values()].map((s) => ({ ...s, tags: [...s.tags] })) },
    requests: Object.fromEntries(sim.requests),
    rateLimitRefusals: sim.rateLimitRefusals,
    rateLimit: sim.rateLimiter.snapshot(now),
    grants: sim.grants.snapshot(),
    faults: sim.faults.list(),
    config: structuredClone(sim.config),
  };
}
