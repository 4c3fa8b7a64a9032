import type { TrackSummary } from './track-metrics';

/** How a finished upload ended. */
export type UploadOutcome =
  { kind: 'ready'; activityId: number } | { kind: 'error'; error: string } | { kind: 'deleted' };

/** An upload as the simulator keeps it. */
export interface UploadRecord {
  id: number;
  athleteId: number;
  /** The external id the Upload reports: as sent, or made from the file name. */
  externalId: string;
  /** The altered external id the activity will carry (Strava appends the type). */
  activityExternalId: string;
  fileName: string;
  dataType: string;
  name: string | undefined;
  description: string | undefined;
  sportType: string | undefined;
  trainer: boolean;
  commute: boolean;
  bytes: number;
  createdAt: number;
  processAt: number;
  track: { ok: true; summary: TrackSummary } | { ok: false; reason: string };
  /** Set by the `duplicate` fault: processing ends as a duplicate whatever the file. */
  forceDuplicate: boolean;
  outcome: UploadOutcome | undefined;
}

/** An activity as the simulator keeps it. */
export interface ActivityRecord {
  id: number;
  athleteId: number;
  uploadId: number;
  externalId: string;
  name: string;
  description: string;
  sportType: string;
  trainer: boolean;
  commute: boolean;
  hideFromHome: boolean;
  gearId: string | undefined;
  track: TrackSummary;
  deleted: boolean;
}
