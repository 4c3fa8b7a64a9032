import { z } from 'zod';
import { failableStepSchema, stageSchema } from '../../shared/ipc-contract';
import { uploadErrorDataSchema } from '../../shared/upload-error-data';
import { shapeOptionsSchema } from '../shape/shape-options';

export const stages = stageSchema.options;
export type Stage = (typeof stages)[number];
/** The steps that can fail (and be retried from). */
export type Step = Exclude<Stage, 'queued' | 'done' | 'failed'>;

/** One `<base>_part_<N>` folder of a merged item, as its read found it. */
export const itemPartSchema = z.object({
  folder: z.string(),
  gpxPath: z.string().optional(),
  mtpwId: z.string().optional(),
});
export type ItemPart = z.infer<typeof itemPartSchema>;

/** One sequence in the queue, exactly as the journal stores it. */
export const queueItemSchema = z.object({
  id: z.string(),
  folder: z.string(),
  name: z.string(),
  stage: stageSchema,
  /** The step a failed item stopped at; Retry resumes there. */
  failedStep: failableStepSchema.optional(),
  error: uploadErrorDataSchema.optional(),
  /** Automatic retries spent on the current step. */
  attempts: z.number().int().nonnegative(),
  /** Do not act on this item before this time (backoff, rate-limit window, processing re-check). */
  notBefore: z.number().optional(),
  /** Why the item is waiting, in words, while `notBefore` is in the future. */
  waitingFor: z.string().optional(),
  createMtpw: z.boolean(),
  /** How the track is shaped before it is sent; chosen once, so every try sends the same track. */
  shape: shapeOptionsSchema.optional(),
  /**
   * `--merge-parts`: the part folders sent as this one activity, part 1 first (`folder`
   * is part 1). Journaled, so a resumed or retried item merges the same folders.
   */
  parts: z.array(itemPartSchema).optional(),
  /** The folder check's sentences a person should read (no Strava sport, times read as UTC). */
  warnings: z.array(z.string()).optional(),
  /** The PENDING marker is in the item's folders (pending-marker.ts): written once. */
  pendingMarked: z.boolean().optional(),
  /** The one `PUT /activities/{id}` (hide from home, gear) was answered: never sent twice. */
  activityUpdated: z.boolean().optional(),
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  sportType: z.string().optional(),
  mtpApi: z.string().optional(),
  gpxPath: z.string().optional(),
  /** What the read found: an MTP folder (with its `<name>.json`) or a plain one; the last step marks it without reading it again. */
  folderKind: z.enum(['mtp', 'plain']).optional(),
  jsonPath: z.string().optional(),
  trackStart: z.string().optional(),
  mtpwId: z.string().optional(),
  mtpwCreateStarted: z.boolean().optional(),
  /** The MTPW id created here is journaled but not yet written into `<name>.json`. */
  mtpwIdToWriteBack: z.boolean().optional(),
  /** MTPW creates cut off before their answer: each may have left a copy there that cannot be looked up. */
  mtpwInterruptedCreates: z.number().int().nonnegative().optional(),
  /** Says, in words, which sequence may exist twice on Map the Paths. */
  mtpwWarning: z.string().optional(),
  uploadStartedAt: z.number().optional(),
  uploadId: z.string().optional(),
  activityId: z.string().optional(),
  /** How the activity was found: processed from our upload, or an existing duplicate. */
  activitySource: z.enum(['uploaded', 'duplicate', 'already-on-strava']).optional(),
  processingSince: z.number().optional(),
  /** Past the polling bound: checked again only now and then. */
  slowProcessing: z.boolean().optional(),
  polls: z.number().int().nonnegative().default(0),
  mtpwSynced: z.boolean(),
  bytesSent: z.number().nonnegative().default(0),
  bytesTotal: z.number().nonnegative().default(0),
  addedAt: z.number(),
  updatedAt: z.number(),
});
export type QueueItem = z.infer<typeof queueItemSchema>;
