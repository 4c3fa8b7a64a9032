import { defaultRetryOptions, type RetryOptions } from './retry-policy';

/** Tunables of the pipeline; the defaults are what the app and CLI use. */
export interface PipelineOptions {
  /** Steps running at once (uploads, reads); items waiting on Strava do not count. */
  concurrency: number;
  /** Shortest wait before asking Strava whether an upload is processed (Strava: mean under 2 s; never faster than 1 s). */
  pollStartMs: number;
  /**
   * Longest wait before the first check of an upload. That wait is learned from
   * recent uploads (processing-time-learner.ts), between `pollStartMs` and this.
   */
  firstCheckMaxMs: number;
  /** Longest wait between two checks while processing (or the learned first wait, when longer). */
  pollMaxMs: number;
  /** After this long "processing", stop checking often: the item is "still processing on Strava". */
  pollBoundMs: number;
  /** How often such an item is checked again. */
  recheckMs: number;
  /** Uploads not seen in the activity list after this long are polled one by one (failures and duplicates never show there). */
  listGraceMs: number;
  /** Tracks up to this size are gzipped and sent from memory; larger ones through a working copy on disk. */
  inMemoryTrackBytes: number;
  retry: RetryOptions;
}

export const defaultPipelineOptions: PipelineOptions = {
  concurrency: 2,
  pollStartMs: 1_000,
  firstCheckMaxMs: 30_000,
  pollMaxMs: 8_000,
  pollBoundMs: 120_000,
  recheckMs: 10 * 60_000,
  listGraceMs: 4_000,
  inMemoryTrackBytes: 4 * 1024 * 1024,
  retry: defaultRetryOptions,
};
