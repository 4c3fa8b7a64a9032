import { UploadError } from '../errors/upload-error';
import { uploadOutcome, type UploadOutcome } from '../strava/upload-status';
import type { PipelineDeps } from './pipeline-deps';
import type { QueueItem } from './queue-item';

/** Allowance around the track starts, since `after` and `before` filter on the activity's start time. */
const startMarginS = 24 * 3600;

/** When the item's activity should start (s since the epoch): its track's start, moved by its time offset. */
function activityStartS(item: QueueItem): number | undefined {
  if (!item.trackStart) return undefined;
  return Date.parse(item.trackStart) / 1000 + (item.shape?.timeOffsetS ?? 0);
}

/**
 * Confirms many uploads with one read: lists the athlete's activities that start
 * from a day before the earliest of their tracks to a day after the latest, and
 * matches them on `upload_id_str` (never on external_id, which Strava alters).
 * Returns uploadId → activityId for what it found. Only for a token with a read
 * scope (read-scope.ts): the caller decides.
 */
export async function confirmByList(
  items: QueueItem[],
  deps: PipelineDeps,
): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  if (items.length === 0) return found;
  const starts = items.map(activityStartS);
  const after = Math.max(0, Math.floor(Math.min(...starts.map((s) => s ?? 0))) - startMarginS);
  // Bounded on both sides when every start is known: a backlog of old tracks is then
  // not listed together with every activity the athlete recorded since.
  const before = starts.every((s): s is number => s !== undefined)
    ? Math.ceil(Math.max(...starts)) + startMarginS
    : undefined;
  const wanted = new Set(items.map((i) => i.uploadId));
  for (let page = 1; page <= 5 && found.size < wanted.size; page++) {
    const activities = await deps.strava.api.listActivities({
      after,
      ...(before === undefined ? {} : { before }),
      page,
      perPage: 200,
    });
    for (const a of activities) {
      const uploadId = a.upload_id_str ?? a.upload_id ?? undefined;
      if (uploadId && wanted.has(uploadId)) found.set(uploadId, a.id);
    }
    if (activities.length < 200) break;
  }
  return found;
}

/** Asks Strava about one upload. */
export async function pollUpload(item: QueueItem, deps: PipelineDeps): Promise<UploadOutcome> {
  if (!item.uploadId)
    throw new UploadError({
      kind: 'processing',
      message: `"${item.name}" has no Strava upload to check.`,
      retryable: false,
    });
  return uploadOutcome(await deps.strava.api.getUpload(item.uploadId));
}
