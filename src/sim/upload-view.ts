import type { ActivityRecord, UploadRecord } from './activity-records';

/** Strava's four upload statuses, word for word. */
export const UPLOAD_STATUS = {
  processing: 'Your activity is still being processed.',
  ready: 'Your activity is ready.',
  error: 'There was an error processing your activity.',
  deleted: 'The created activity has been deleted.',
} as const;

/** The Upload body: `{id, id_str, external_id, error, status, activity_id}`. */
export interface UploadBody {
  id: number;
  id_str: string;
  external_id: string;
  error: string | null;
  status: string;
  activity_id: number | null;
}

/**
 * Renders an upload as Strava's Upload object. `error` and `activity_id` are null
 * until they apply, as Strava sends them (the swagger does not declare them nullable).
 */
export function uploadBody(
  upload: UploadRecord,
  activityOf: (id: number) => ActivityRecord | undefined,
): UploadBody {
  const base = { id: upload.id, id_str: String(upload.id), external_id: upload.externalId };
  const outcome = upload.outcome;
  if (!outcome)
    return { ...base, error: null, status: UPLOAD_STATUS.processing, activity_id: null };
  if (outcome.kind === 'error') {
    return { ...base, error: outcome.error, status: UPLOAD_STATUS.error, activity_id: null };
  }
  if (outcome.kind === 'ready' && activityOf(outcome.activityId)?.deleted === false) {
    return { ...base, error: null, status: UPLOAD_STATUS.ready, activity_id: outcome.activityId };
  }
  return { ...base, error: null, status: UPLOAD_STATUS.deleted, activity_id: null };
}
