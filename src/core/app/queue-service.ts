import type { QueueItemView, QueueSnapshot } from '../../shared/ipc-contract';
import { UploadError } from '../errors/upload-error';
import type { MtpwClient } from '../mtpw/mtpw-client';
import type { MtpwTokenStore } from '../mtpw/mtpw-token-store';
import { logItemTransitions } from '../log/item-transition-log';
import { expandSequenceFolders } from '../pipeline/expand-inputs';
import type { Journal } from '../pipeline/journal';
import { Pipeline } from '../pipeline/pipeline';
import type { PipelineOptions } from '../pipeline/pipeline-options';
import type { QueueItem } from '../pipeline/queue-item';
import type { Clock, Logger } from '../ports';
import type { StravaProvider } from './strava-provider';

/** How often, at most, the queue is pushed to the UI (progress events come much faster). */
const pushEveryMs = 150;

/**
 * Runs the pipeline in the background for the app: starts it when work arrives,
 * survives restarts through the journal, and pushes a throttled snapshot of the
 * queue to whoever listens (the renderer, through main).
 */
export class QueueService {
  private pipeline: Pipeline | undefined;
  private running: Promise<void> | undefined;
  private readonly listeners = new Set<(snapshot: QueueSnapshot) => void>();
  private pushTimer: NodeJS.Timeout | undefined;
  private lastPush = 0;

  constructor(
    private readonly deps: {
      strava: StravaProvider;
      mtpw: MtpwClient;
      mtpwTokens: MtpwTokenStore;
      journal: Journal;
      clock: Clock;
      logger: Logger;
      workDir: string;
      options: PipelineOptions;
      activityUrl: (id: string) => string;
      /** Told when a run of the queue ends, for a notification. */
      onBatchFinished?: (summary: { done: number; failed: number }) => void;
    },
  ) {}

  /** The queue as the UI shows it. */
  async snapshot(): Promise<QueueSnapshot> {
    const items = this.pipeline ? this.pipeline.items() : this.deps.journal.all();
    const rateLimitedUntil = await this.rateLimitedUntil(items);
    return {
      items: items.map((i) => this.view(i)),
      ...(rateLimitedUntil ? { rateLimitedUntil } : {}),
    };
  }

  /** Calls `listener` with the queue whenever it changes, at most every 150 ms. */
  subscribe(listener: (snapshot: QueueSnapshot) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues folders and makes sure the pipeline runs. */
  async add(paths: string[], createMtpw: boolean): Promise<QueueSnapshot> {
    (await this.ensurePipeline()).add(await expandSequenceFolders(paths), { createMtpw });
    this.start();
    return this.snapshot();
  }

  /** The user's Retry (one item or all). */
  async retry(id?: string): Promise<QueueSnapshot> {
    const retried = (await this.ensurePipeline()).retry(id);
    if (id !== undefined && retried.length === 0)
      throw new UploadError({
        kind: 'invalid-input',
        message: 'That item has not failed.',
        retryable: false,
      });
    this.start();
    return this.snapshot();
  }

  /** Removes an item nothing of which is on Strava yet. */
  async remove(id: string): Promise<QueueSnapshot> {
    if (!(await this.ensurePipeline()).remove(id)) {
      throw new UploadError({
        kind: 'invalid-input',
        message: 'This item is already on its way to Strava and cannot be removed.',
        retryable: false,
      });
    }
    return this.snapshot();
  }

  /** Resumes unfinished work from the journal (at app start, once Strava is set up). */
  async resume(): Promise<void> {
    if (!(await this.deps.strava.configured())) return;
    const pipeline = await this.ensurePipeline();
    if (pipeline.items().some((i) => i.stage !== 'done' && i.stage !== 'failed')) this.start();
  }

  private async ensurePipeline(): Promise<Pipeline> {
    if (this.pipeline) return this.pipeline;
    const strava = await this.deps.strava.get();
    this.pipeline = new Pipeline({
      strava,
      mtpw: {
        client: this.deps.mtpw,
        connected: async () => (await this.deps.mtpwTokens.load()) !== null,
      },
      journal: this.deps.journal,
      clock: this.deps.clock,
      workDir: this.deps.workDir,
      logger: this.deps.logger,
      options: this.deps.options,
    });
    logItemTransitions(this.pipeline, this.deps.logger);
    this.pipeline.subscribe(() => this.schedulePush());
    return this.pipeline;
  }

  private start(): void {
    if (this.running || !this.pipeline) return;
    const pipeline = this.pipeline;
    this.running = pipeline
      .run()
      .then((summary) => this.deps.onBatchFinished?.(summary))
      .catch((error: unknown) =>
        this.deps.logger.warn('queue: the pipeline stopped', { error: String(error) }),
      )
      .finally(() => {
        this.running = undefined;
        this.schedulePush();
        // Work added while the run was ending starts a new run.
        if (
          pipeline
            .items()
            .some(
              (i) =>
                i.stage !== 'done' &&
                i.stage !== 'failed' &&
                (i.notBefore ?? 0) <= this.deps.clock.now(),
            )
        )
          this.start();
      });
  }

  private schedulePush(): void {
    if (this.pushTimer) return;
    const wait = Math.max(0, this.lastPush + pushEveryMs - Date.now());
    this.pushTimer = setTimeout(() => {
      this.pushTimer = undefined;
      this.lastPush = Date.now();
      void this.snapshot().then((snapshot) =>
        this.listeners.forEach((listener) => listener(snapshot)),
      );
    }, wait);
  }

  private async rateLimitedUntil(items: QueueItem[]): Promise<number | undefined> {
    if (
      !items.some(
        (i) => i.stage === 'uploading' || i.stage === 'processing' || i.stage === 'queued',
      )
    )
      return undefined;
    if (!(await this.deps.strava.configured())) return undefined;
    const verdict = (await this.deps.strava.get()).rateLimits.check(
      'upload',
      this.deps.clock.now(),
    );
    return verdict.ok ? undefined : verdict.until;
  }

  private view(item: QueueItem): QueueItemView {
    const {
      id,
      name,
      folder,
      stage,
      failedStep,
      error,
      waitingFor,
      notBefore,
      bytesSent,
      bytesTotal,
      uploadId,
      activityId,
      activitySource,
      mtpwId,
      mtpwSynced,
      mtpwWarning,
    } = item;
    return {
      id,
      name,
      folder,
      stage,
      bytesSent,
      bytesTotal,
      mtpwSynced,
      ...(failedStep ? { failedStep } : {}),
      // The renderer shows the words; the technical detail stays in the journal and the log.
      ...(error
        ? {
            error: {
              kind: error.kind,
              message: error.message,
              retryable: error.retryable,
              ...(error.retryAt ? { retryAt: error.retryAt } : {}),
            },
          }
        : {}),
      ...(waitingFor ? { waitingFor } : {}),
      ...(notBefore ? { notBefore } : {}),
      ...(uploadId ? { uploadId } : {}),
      ...(activityId ? { activityId, activityUrl: this.deps.activityUrl(activityId) } : {}),
      ...(activitySource ? { activitySource } : {}),
      ...(mtpwId ? { mtpwId } : {}),
      ...(mtpwWarning ? { mtpwWarning } : {}),
    };
  }
}
