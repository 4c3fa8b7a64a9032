import { z } from 'zod';
import { uploadErrorDataSchema } from './upload-error-data';

/**
 * The queue as it crosses IPC: its rows, the snapshot `queue:get` answers, the
 * numbered deltas `queue:changed` pushes, and the lines the Queue screen shows
 * beside them (the backlog estimate, the watched folder). ipc-contract.ts re-exports
 * all of it.
 */

/** A queue item's id: 16 hex digits of its folder's hash. */
export const itemIdSchema = z.string().regex(/^[0-9a-f]{16}$/);
/** A folder's path as it crosses IPC. */
export const folderPathSchema = z.string().min(1).max(4096);

/** The stages of one sequence, in order; `failed` keeps the step it failed at. */
export const stageSchema = z.enum([
  'queued',
  'reading',
  'uploading',
  'processing',
  'syncing',
  'done',
  'failed',
]);
/** The steps an item can fail at, and be retried from. */
export const failableStepSchema = z.enum(['reading', 'uploading', 'processing', 'syncing']);

/** One queue row as the renderer sees it. */
export const queueItemViewSchema = z.object({
  id: itemIdSchema,
  name: z.string(),
  folder: z.string(),
  stage: stageSchema,
  failedStep: failableStepSchema.optional(),
  error: uploadErrorDataSchema.optional(),
  waitingFor: z.string().optional(),
  notBefore: z.number().optional(),
  bytesSent: z.number(),
  bytesTotal: z.number(),
  uploadId: z.string().optional(),
  activityId: z.string().optional(),
  activityUrl: z.string().optional(),
  activitySource: z.enum(['uploaded', 'duplicate', 'already-on-strava']).optional(),
  mtpwId: z.string().optional(),
  mtpwSynced: z.boolean(),
  /** Which sequence may exist twice on Map the Paths (a create cut off before its answer). */
  mtpwWarning: z.string().optional(),
});
export type QueueItemView = z.infer<typeof queueItemViewSchema>;

/** The number of the last queue change pushed: deltas count up from it, one at a time. */
const queueSeq = z.number().int().nonnegative();

export const queueSnapshotSchema = z.object({
  /** A delta numbered `seq + 1` is the next change after this snapshot. */
  seq: queueSeq,
  items: z.array(queueItemViewSchema),
  /** When Strava's rate limit holds uploads back: the time they go on. */
  rateLimitedUntil: z.number().optional(),
});
export type QueueSnapshot = z.infer<typeof queueSnapshotSchema>;

/** What is left of the queue and when it will be done at Strava's limits (see backlog-words.ts). */
export const backlogEstimateSchema = z
  .object({
    remaining: z.number().int().nonnegative(),
    /** When the last upload should be done (ms since the epoch); null when it cannot be known. */
    finishAt: z.number().nullable(),
    holding: z.enum(['none', '15-minute', 'daily']),
  })
  .strict();
export type BacklogEstimateView = z.infer<typeof backlogEstimateSchema>;

/** The watched folder of Settings, as the Queue shows it. */
export const watchStatusSchema = z
  .object({
    folder: z.string().max(4096).optional(),
    state: z.enum(['off', 'watching', 'unavailable']),
    /** Why the folder cannot be watched now (gone, unreadable), or that it is back. */
    notice: z.string().max(500).optional(),
    /** Sequence folders the watch queued since the app started. */
    queued: z.number().int().nonnegative(),
  })
  .strict();
export type WatchStatusView = z.infer<typeof watchStatusSchema>;

/**
 * One push of `queue:changed`: only the rows that changed since delta `seq - 1`
 * (new rows go at the end, in this order) and the ids removed (applied first, so an
 * id in both was removed and queued again). A receiver that did not see `seq - 1`
 * asks `queue:get` for a snapshot instead.
 */
export const queueDeltaSchema = z.object({
  seq: queueSeq.min(1),
  changed: z.array(queueItemViewSchema),
  removed: z.array(itemIdSchema),
  /** When Strava's rate limit holds uploads back: the time they go on (absent: it does not). */
  rateLimitedUntil: z.number().optional(),
});
export type QueueDelta = z.infer<typeof queueDeltaSchema>;

/**
 * What a queue action (add, retry, remove) answers: the number of the last delta
 * pushed. Its change travels as a delta like any other (`seq + 1` or later), so
 * an action never sends the whole queue.
 */
export const queueAckSchema = z.object({ seq: queueSeq });
export type QueueAck = z.infer<typeof queueAckSchema>;
