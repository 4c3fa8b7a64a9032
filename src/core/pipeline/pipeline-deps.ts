import { localFolderIo, type FolderIo } from '../folder-io/folder-io';
import type { MtpwClient } from '../mtpw/mtpw-client';
import type { Clock, Logger } from '../ports';
import type { StravaApiClient } from '../strava/strava-api-client';
import type { RateLimitTracker } from '../strava/rate-limit-tracker';
import type { StravaSession } from '../strava/strava-session';
import type { Journal } from './journal';
import type { PipelineOptions } from './pipeline-options';

/** What the pipeline works with; the app and the CLI wire the same pieces. */
export interface PipelineDeps {
  strava: { api: StravaApiClient; session: StravaSession; rateLimits: RateLimitTracker };
  /** Absent when MTPW is not configured; its token store says whether it is connected. */
  mtpw?: { client: MtpwClient; connected(): Promise<boolean> };
  journal: Journal;
  clock: Clock;
  /** A private folder for the compressed tracks (kept until the upload is confirmed). */
  workDir: string;
  logger: Logger;
  options: PipelineOptions;
  /** Where folders are read and marked (default: on this thread; the app and the CLI use a worker). */
  folderIo?: FolderIo;
  /**
   * How the scheduler waits for the next due item (default: a real timer). `idle`
   * is true when nothing is in flight, which lets a simulation jump its clock instead.
   */
  wait?: (ms: number, signal: AbortSignal, idle: boolean) => Promise<void>;
}

/** Where the pipeline's folder work is done: the deps' FolderIo, else the calling thread. */
export const folderIoOf = (deps: Pick<PipelineDeps, 'folderIo'>): FolderIo =>
  deps.folderIo ?? localFolderIo;
