import type { FolderIo } from '../folder-io/folder-io';
import type {
  BacklogEstimateView,
  QueueAck,
  QueueDelta,
  QueueSnapshot,
} from '../../shared/ipc-contract';
import { UploadError } from '../errors/upload-error';
import type { MtpwClient } from '../mtpw/mtpw-client';
import type { MtpwTokenStore } from '../mtpw/mtpw-token-store';
import { logItemTransitions } from '../log/item-transition-log';
import { expandSequenceFolders } from '../pipeline/expand-inputs';
import type { Journal } from '../pipeline/journal';
import { Pipeline } from '../pipeline/pipeline';
import type { PipelineOptions } from '../pipeline/pipeline-options';
import type { ShapeOptions } from '../shape/shape-options';
import type { QueueItem } from '../pipeline/queue-item';
import { itemsToGo, queueBacklog, toGoFromCounts } from '../strava/queue-backlog';
import type { Clock, Logger } from '../ports';
import type { AppSettings } from './app-settings';
import { groupByShape } from './shape-groups';
import { shapingFromSettings } from './shaping-defaults';
import { QueueDeltaPublisher } from './queue-delta-publisher';
import { toQueueItemView } from './queue-item-view';
import type { StravaProvider } from './strava-provider';

/** How often, at most, the queue's changes are pushed to the UI (progress events come much faster). */
const pushEveryMs = 150;

/**
 * Runs the pipeline in the background for the app: starts it when work arrives,
 * survives restarts through the journal, and pushes throttled, numbered deltas of
 * the queue to whoever listens (the renderer, through main); `snapshot` gives the
 * whole queue at the number of the last delta.
 */
export class QueueService {
  private pipeline: Pipeline | undefined;
  private running: Promise<void> | undefined;
  private readonly deltas: QueueDeltaPublisher;

  constructor(
    private readonly deps: {
      strava: StravaProvider;
      /** The Map the Paths client for the host in effect (it may change in Settings). */
      mtpw: () => MtpwClient;
      /** The user's settings: concurrency and the shaping defaults, read when they change. */
      settings: AppSettings;
      mtpwTokens: MtpwTokenStore;
      journal: Journal;
      clock: Clock;
      logger: Logger;
      workDir: string;
      options: PipelineOptions;
      /** Where the pipeline reads and marks folders (a worker thread in the app). */
      folderIo?: FolderIo;
      activityUrl: (id: string) => string;
      /** Told when a run of the queue ends, for a notification. */
      onBatchFinished?: (summary: { done: number; failed: number }) => void;
    },
  ) {
    this.deltas = new QueueDeltaPublisher(
      {
        view: (item) => toQueueItemView(item, deps.activityUrl),
        rateLimitedUntil: () => this.rateLimitedUntil(),
      },
      { everyMs: pushEveryMs },
    );
    // A change of app, hosts or account: the running queue follows it without a restart.
    deps.strava.onChange(() => this.pipeline?.forgetAccount());
    deps.settings.onChange(() =>
      this.pipeline?.setConcurrency(deps.settings.user().uploads.concurrency),
    );
  }

  /** The whole queue as the UI shows it, at the number of the last delta pushed. */
  async snapshot(): Promise<QueueSnapshot> {
    const rateLimitedUntil = await this.rateLimitedUntil();
    // Taken together, with no await between: the rows are at least as new as delta `seq`.
    const seq = this.deltas.seq;
    const items = this.items();
    return {
      seq,
      items: items.map((i) => toQueueItemView(i, this.deps.activityUrl)),
      ...(rateLimitedUntil ? { rateLimitedUntil } : {}),
    };
  }

  /** Calls `listener` with each change of the queue (only the rows that changed), at most every 150 ms. */
  subscribe(listener: (delta: QueueDelta) => void): () => void {
    return this.deltas.subscribe(listener);
  }

  /**
   * Queues folders and makes sure the pipeline runs; the new rows follow as a delta.
   * A path in `shapes` is shaped as the user edited its row; any other takes the
   * Settings defaults.
   */
  async add(
    paths: string[],
    createMtpw: boolean,
    shapes: ReadonlyMap<string, ShapeOptions> = new Map(),
  ): Promise<QueueAck> {
    const defaults = shapingFromSettings(this.deps.settings.user().uploads.shaping);
    const pipeline = await this.ensurePipeline();
    for (const group of groupByShape(paths, shapes, defaults)) {
      pipeline.add(await expandSequenceFolders(group.paths), {
        createMtpw,
        ...(group.shape ? { shape: group.shape } : {}),
      });
    }
    this.start();
    return this.ack();
  }

  /** The user's Retry (one item or all). */
  async retry(id?: string): Promise<QueueAck> {
    const retried = (await this.ensurePipeline()).retry(id);
    if (id !== undefined && retried.length === 0)
      throw new UploadError({
        kind: 'invalid-input',
        message: 'That item has not failed.',
        retryable: false,
      });
    this.start();
    return this.ack();
  }

  /** Removes an item nothing of which is on Strava yet. */
  async remove(id: string): Promise<QueueAck> {
    if (!(await this.ensurePipeline()).remove(id)) {
      throw new UploadError({
        kind: 'invalid-input',
        message: 'This item is already on its way to Strava and cannot be removed.',
        retryable: false,
      });
    }
    return this.ack();
  }

  private ack(): QueueAck {
    this.deltas.schedule();
    return { seq: this.deltas.seq };
  }

  /** What is left and when it will be done at Strava's limits, for the Queue's backlog line. */
  async estimate(): Promise<BacklogEstimateView> {
    const now = this.deps.clock.now();
    const remaining = this.pipeline
      ? toGoFromCounts(this.pipeline.counts())
      : itemsToGo(this.deps.journal.all());
    const estimate =
      remaining > 0 && (await this.deps.strava.configured())
        ? await queueBacklog(await this.deps.strava.get(), remaining, now)
        : undefined;
    if (!estimate) return { remaining, finishAt: remaining === 0 ? now : null, holding: 'none' };
    const { finishAt, holding } = estimate;
    return { remaining, finishAt: Number.isFinite(finishAt) ? finishAt : null, holding };
  }

  /** After the computer wakes from sleep: the pipeline and the banner look at the clock again. */
  wake(): void {
    this.pipeline?.wake();
    this.deltas.schedule();
  }

  /** Resumes unfinished work from the journal (at app start, once Strava is set up). */
  async resume(): Promise<void> {
    if (!(await this.deps.strava.configured())) return;
    const pipeline = await this.ensurePipeline();
    if (pipeline.items().some((i) => i.stage !== 'done' && i.stage !== 'failed')) this.start();
  }

  private async ensurePipeline(): Promise<Pipeline> {
    if (this.pipeline) return this.pipeline;
    // Fails with the `config` words when no Strava app is set up; later steps read the clients anew.
    await this.deps.strava.get();
    const mtpw = this.deps.mtpw;
    this.pipeline = new Pipeline({
      strava: this.deps.strava.live(),
      mtpw: {
        get client() {
          return mtpw();
        },
        connected: async () => (await this.deps.mtpwTokens.load()) !== null,
      },
      journal: this.deps.journal,
      clock: this.deps.clock,
      workDir: this.deps.workDir,
      logger: this.deps.logger,
      options: { ...this.deps.options, concurrency: this.deps.settings.user().uploads.concurrency },
      ...(this.deps.folderIo ? { folderIo: this.deps.folderIo } : {}),
    });
    logItemTransitions(this.pipeline, this.deps.logger);
    this.pipeline.subscribe((changed, removed) => this.deltas.note(changed, removed));
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
        this.deltas.schedule();
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

  private items(): readonly QueueItem[] {
    return this.pipeline ? this.pipeline.items() : this.deps.journal.all();
  }

  /** Whether anything still has to reach Strava: counted by the pipeline's index, not by a scan. */
  private waitsOnStrava(): boolean {
    if (!this.pipeline)
      return this.deps.journal
        .all()
        .some((i) => i.stage === 'uploading' || i.stage === 'processing' || i.stage === 'queued');
    const counts = this.pipeline.counts();
    return counts.uploading + counts.processing + counts.queued > 0;
  }

  private async rateLimitedUntil(): Promise<number | undefined> {
    if (!this.waitsOnStrava()) return undefined;
    if (!(await this.deps.strava.configured())) return undefined;
    // The tracker the pipeline spends: one per app, whatever clients are in use.
    const verdict = this.deps.strava.rateLimits.check('upload', this.deps.clock.now());
    return verdict.ok ? undefined : verdict.until;
  }
}
