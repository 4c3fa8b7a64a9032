import { resolve } from 'node:path';
import { listGap } from './check-schedule';
import { mergedItemId, newMergedItem, queueEntries } from './part-items';
import { itemId, newQueueItem, retried, waitForRateLimit } from './item-transitions';
import type { PipelineDeps } from './pipeline-deps';
import { ProcessingTimeLearner } from './processing-time-learner';
import type { QueueItem, Stage } from './queue-item';
import { ListPermission } from './list-permission';
import { waitOrWake } from './sleep';
import { processingStep } from './step-processing';
import { runStep, stepOf } from './run-step';
import { WaitIndex } from './wait-index';
import { removeLeftoverWorkingCopies } from './working-copies';
import type { ShapeOptions } from '../shape/shape-options';

/** How a run ended: counts per outcome. */
export interface RunSummary {
  done: number;
  failed: number;
  /** Uploaded, but Strava is still processing them after the polling bound. */
  stillProcessing: number;
}

/** Told of every change: the items that changed (whole, as they are now) and the ids removed. */
export type QueueListener = (changed: QueueItem[], removed: string[]) => void;

/** The key the processing round runs under, beside the ids it holds. */
const roundKey = 'confirm';

/**
 * The upload queue's scheduler: one state machine per sequence
 * (queued → reading → uploading → processing → syncing → done | failed), each step
 * journaled, run so that Strava's rate-limit budget is shared between items. The
 * items are indexed by what they wait for (wait-index.ts), so picking the next step
 * and saving one cost O(log n) whatever the size of the queue.
 */
export class Pipeline {
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<QueueListener>();
  private readonly index: WaitIndex;
  private readonly learner: ProcessingTimeLearner;
  private nudge: () => void = () => undefined;
  private lastListAt = 0;
  private readonly listPermission = new ListPermission(() => this.deps.strava.session);
  private concurrency: number;

  constructor(private readonly deps: PipelineDeps) {
    this.concurrency = deps.options.concurrency;
    this.index = new WaitIndex(deps.journal.all(), deps.clock.now());
    this.learner = ProcessingTimeLearner.forOptions(deps.options);
    // Another process holding the journal may be sending one of these right now.
    if (deps.journal.writable) removeLeftoverWorkingCopies(deps.workDir, deps.logger);
  }

  /** False when another process holds the journal: this one may show the queue, and must not work on it. */
  get ownsQueue(): boolean {
    return this.deps.journal.writable;
  }

  /** Every item, in the order they were added (for views: the scheduler never needs the list). */
  items(): QueueItem[] {
    return this.deps.journal.all();
  }

  /** How many items are at each stage, without listing them. */
  counts(): Record<Stage, number> {
    return this.index.counts();
  }

  /** Calls `listener` with what changed whenever the queue changes; returns the unsubscribe function. */
  subscribe(listener: QueueListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues folders; a folder already queued keeps its item (and its progress). */
  add(folders: string[], options: { createMtpw: boolean; shape?: ShapeOptions }): QueueItem[] {
    const now = this.deps.clock.now();
    const entries = queueEntries(
      folders.map((folder) => resolve(folder)),
      options.shape?.mergeParts ?? false,
    );
    const added = entries.map(({ folder: absolute, parts }) => {
      const existing = this.deps.journal.get(parts ? mergedItemId(parts) : itemId(absolute));
      const fresh = parts
        ? newMergedItem(parts, options.createMtpw, now)
        : newQueueItem(absolute, options.createMtpw, now);
      return (
        existing ?? this.save(options.shape ? { ...fresh, shape: options.shape } : fresh, false)
      );
    });
    // One sync for the whole batch: dropping 5,000 folders is not 5,000 disk flushes.
    this.deps.journal.flush();
    this.nudge();
    return added;
  }

  /**
   * Looks at the queue again now: after the computer slept, a timer set before it
   * fires late (timers stop while suspended), so every due item is found anew.
   */
  wake(): void {
    this.nudge();
  }

  /** The user's Retry: failed items (one, or all) resume from the step that failed. */
  retry(id?: string): QueueItem[] {
    const one = id === undefined ? undefined : this.deps.journal.get(id);
    const targets = (id === undefined ? this.items() : one ? [one] : []).filter(
      (i) => i.stage === 'failed',
    );
    const now = this.deps.clock.now();
    const done = targets.map((item) => this.save(retried(item, now), false));
    this.deps.journal.flush();
    this.nudge();
    return done;
  }

  /** Steps at once from now on (changed in Settings); above the new number, running steps finish first. */
  setConcurrency(concurrency: number): void {
    this.concurrency = concurrency;
    this.nudge();
  }

  /** The account or the Strava app changed: ask again whether the token may list activities. */
  forgetAccount(): void {
    this.listPermission.forget();
  }

  /** Removes an item that has nothing on Strava yet; returns false for one that has. */
  remove(id: string): boolean {
    const item = this.deps.journal.get(id);
    if (!item || item.uploadId || item.uploadStartedAt || this.inFlight.has(id)) return false;
    this.deps.journal.remove(id);
    this.index.delete(id);
    this.emit([], [id]);
    return true;
  }

  /**
   * Works the queue until every item is done or failed (or, with
   * `stopOnSlowProcessing`, only waits on Strava's slow processing), or `signal` aborts.
   */
  async run(
    options: { signal?: AbortSignal; stopOnSlowProcessing?: boolean } = {},
  ): Promise<RunSummary> {
    const { signal } = options;
    const tasks = new Set<Promise<void>>();
    const start = (ids: string[], work: () => Promise<void>) => {
      for (const id of ids) this.inFlight.add(id);
      let stalled = false;
      const task = work()
        // A step records its own failures; what reaches here (a journal that cannot be
        // written, a full disk) must not stop the app, nor be retried in a tight loop.
        .catch((error: unknown) => {
          stalled = true;
          this.deps.logger.warn('pipeline: a step stopped unexpectedly', { error: String(error) });
        })
        .finally(() => {
          const now = this.deps.clock.now();
          for (const id of ids) {
            this.inFlight.delete(id);
            // Saved while in flight, or not at all: file it again under what it waits for now.
            const item = this.deps.journal.get(id);
            if (item) this.index.update(stalled ? { ...item, notBefore: now + 60_000 } : item, now);
          }
          tasks.delete(task);
          this.nudge();
        });
      tasks.add(task);
    };
    while (!signal?.aborted) {
      const { concurrency } = this; // read each round: Settings may change it while the queue runs
      const now = this.deps.clock.now();
      this.index.promote(now);
      if (this.index.pending === 0 && tasks.size === 0) break;
      const onlySlow = this.index.pending === this.index.waitingOnSlowProcessing;
      if (options.stopOnSlowProcessing && tasks.size === 0 && onlySlow) break;
      if (this.index.hasDueProcessing() && !this.inFlight.has(roundKey) && tasks.size < concurrency)
        await this.startProcessingRound(now, start);
      while (tasks.size < concurrency) if (!this.startNextStep(now, start)) break;
      const wake = new Promise<void>((resolve) => (this.nudge = resolve));
      // Due items that could not start wait for a running task to finish (the nudge), not for a timer.
      const next = this.index.nextWake();
      const untilNext = next === undefined ? 60_000 : Math.max(0, next - this.deps.clock.now());
      // Nothing in flight: the moment to make the saves that did not sync durable.
      if (tasks.size === 0) this.deps.journal.flush();
      await waitOrWake(wake, Math.min(untilNext, 60_000), signal, this.deps.wait, tasks.size === 0);
    }
    await Promise.allSettled([...tasks]);
    this.deps.journal.flush();
    return {
      done: this.index.count('done'),
      failed: this.index.count('failed'),
      stillProcessing: this.index.count('processing'),
    };
  }

  /**
   * Starts the earliest ready step; false when none is ready. A step Strava's
   * known budget would refuse is not sent: the item waits for the window instead.
   */
  private startNextStep(now: number, start: (ids: string[], work: () => Promise<void>) => void) {
    for (let id = this.index.takeStep(); id !== undefined; id = this.index.takeStep()) {
      const item = this.deps.journal.get(id);
      // An item saved while its step runs is filed again when the step ends.
      if (!item || this.inFlight.has(id)) continue;
      if (stepOf(item) === 'uploading') {
        const verdict = this.deps.strava.rateLimits.check('upload', now);
        if (!verdict.ok) {
          this.save(waitForRateLimit(item, verdict.until, now), false);
          continue;
        }
      }
      start([id], () => this.advance(item));
      return true;
    }
    return false;
  }

  /**
   * Starts one round of checks of the uploads Strava is processing: with a read
   * scope, one list read covers every upload in processing, due or not, at most once
   * per list gap; without, each due upload is polled.
   */
  private async startProcessingRound(
    now: number,
    start: (ids: string[], work: () => Promise<void>) => void,
  ): Promise<void> {
    const verdict = this.deps.strava.rateLimits.check('read', now);
    const listed = await this.listPermission.get();
    const nextListAt = listed
      ? this.lastListAt +
        listGap(
          this.deps.strava.rateLimits.snapshot(now).read,
          now,
          this.deps.options.pollStartMs,
          this.learner.firstWait(),
        )
      : 0;
    const holdUntil = !verdict.ok ? verdict.until : now < nextListAt ? nextListAt : undefined;
    if (holdUntil !== undefined) {
      for (const id of this.index.takeProcessing({ all: false })) {
        const item = this.deps.journal.get(id);
        if (!item || this.inFlight.has(id)) continue;
        this.save(
          verdict.ok ? { ...item, notBefore: holdUntil } : waitForRateLimit(item, holdUntil, now),
          false,
        );
      }
      return;
    }
    const ids = this.index.takeProcessing({ all: listed }).filter((id) => !this.inFlight.has(id));
    const round = ids.flatMap((id) => this.deps.journal.get(id) ?? []);
    if (listed) this.lastListAt = now;
    start([roundKey, ...ids], () =>
      processingStep(round, listed, {
        deps: this.deps,
        learner: this.learner,
        // What a check finds is asked again after a crash: one read, never a second upload.
        save: (item) => this.save(item, false),
      }),
    );
  }

  /** Runs one step of one item and journals the result. */
  private advance(item: QueueItem): Promise<void> {
    return runStep(item, {
      deps: this.deps,
      firstWait: () => this.learner.firstWait(),
      save: (i, durable) => this.save(i, durable),
      progress: (sent, total) => this.progress(item.id, sent, total),
    });
  }

  private progress(id: string, sent: number, total: number): void {
    const item = this.deps.journal.get(id);
    if (!item) return;
    // Progress is shown, not journaled: it is worthless after a restart.
    Object.assign(item, { bytesSent: sent, bytesTotal: total });
    this.emit([item], []);
  }

  /** Journals the item (`durable`: on disk before this returns), files it in the index and tells listeners. */
  private save(item: QueueItem, durable = true): QueueItem {
    const now = this.deps.clock.now();
    const stamped = { ...item, updatedAt: now };
    this.deps.journal.save(stamped, { durable });
    this.index.update(stamped, now);
    this.emit([stamped], []);
    return stamped;
  }

  private emit(changed: QueueItem[], removed: string[]): void {
    for (const listener of this.listeners) listener(changed, removed);
  }
}
