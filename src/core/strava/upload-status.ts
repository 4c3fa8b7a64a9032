import type { StravaUpload } from './strava-schemas';

/** Strava's four upload statuses, exactly as it writes them. */
export const uploadStatusText = {
  processing: 'Your activity is still being processed.',
  ready: 'Your activity is ready.',
  error: 'There was an error processing your activity.',
  deleted: 'The created activity has been deleted.',
} as const;

/** What an Upload means for us. */
export type UploadOutcome =
  | { state: 'processing'; uploadId: string }
  | { state: 'ready'; uploadId: string; activityId: string }
  | { state: 'duplicate'; uploadId: string; activityId: string }
  | { state: 'error'; uploadId: string; message: string }
  | { state: 'deleted'; uploadId: string };

/**
 * Finds the existing activity id in both duplicate forms Strava uses
 * ("… duplicate of activity 123" and "… duplicate of <a href='/activities/123'…");
 * the text before "duplicate of" is unreliable, so only the id is read.
 */
export function duplicateActivityId(error: string | null | undefined): string | undefined {
  if (!error) return undefined;
  const match =
    /duplicate of\s+(?:activity\s+(\d+)|<a\s[^>]*href=['"][^'"]*\/activities\/(\d+))/i.exec(error);
  return match?.[1] ?? match?.[2];
}

/** Reads an Upload's `status`, `error` and `activity_id` into one outcome. */
export function uploadOutcome(upload: StravaUpload): UploadOutcome {
  const uploadId = upload.id_str;
  const duplicateOf = duplicateActivityId(upload.error);
  if (duplicateOf) return { state: 'duplicate', uploadId, activityId: duplicateOf };
  if (upload.activity_id) return { state: 'ready', uploadId, activityId: upload.activity_id };
  if (upload.status === uploadStatusText.deleted) return { state: 'deleted', uploadId };
  if (upload.error || upload.status === uploadStatusText.error) {
    return { state: 'error', uploadId, message: upload.error ?? upload.status };
  }
  return { state: 'processing', uploadId };
}
