import { createHash } from 'node:crypto';
import { basename, resolve } from 'node:path';
import type { UploadOutcome } from '../strava/upload-status';
import type { RequestKind } from '../strava/rate-limit-tracker';
import { nextQuarterHour } from '../strava/rate-limit-windows';
import { applyFailure } from './item-failure';
import type { PipelineDeps } from './pipeline-deps';
import type { QueueItem, Step } from './queue-item';
import { sleep } from './sleep';
import { readStep } from './step-read';
import { processingFailed, uploadStep } from './step-upload';
import { syncStep } from './step-sync';
import { confirmByList, nextCheck, pollUpload } from './upload-confirmer';

/** How a run ended: counts per outcome. */
export interface RunSummary {
  done: number;
  failed: number;
  /** Uploaded, but Strava is still processing them after the polling bound. */
  stillProcessing: number;
}

const settled = (item: QueueItem) => item.stage === 'done' || item.stage === 'failed';
const stepOf = (item: QueueItem): Step =>
  item.stage === 'queued' || item.stage === 'done' || item.stage === 'failed'
    ? 'reading'
    : item.stage;
const costOf: Partial<Record<Step, RequestKind>> = { uploading: 'upload', processing: 'read' };

/**
 * The upload queue: one state machine per sequence
 * (queued → reading → uploading → processing → syncing → done | failed),
 * journaled before and after every network step, run by a scheduler that shares
 * Strava's rate-limit budget between items.
 */
export class Pipeline {
  private readonly inFlight = new Set<string>();
  private readonly listeners = new Set<(items: QueueItem[]) => void>();
  private nudge: () => void = () => undefined;
  private lastListAt = 0;
  private canListCache: boolean | undefined;

  constructor(private readonly deps: PipelineDeps) {}

  /** Every item, oldest first. */
  items(): QueueItem[] {
    return this.deps.journal.all();
  }

  /** Calls `listener` with the queue whenever it changes; returns the unsubscribe function. */
  subscribe(listener: (items: QueueItem[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Queues folders; a folder already queued keeps its item (and its progress). */
  add(folders: string[], options: { createMtpw: boolean }): QueueItem[] {
    const now = this.deps.clock.now();
    const added = folders.map((folder) => {
      const absolute = resolve(folder);
      const id = createHash('sha256').update(absolute).digest('hex').slice(0, 16);
      const existing = this.deps.journal.get(id);
      if (existing) return existing;
      return this.save({
        id,
        folder: absolute,
        name: basename(absolute),
        stage: 'queued',
        attempts: 0,
        createMtpw: options.createMtpw,
        mtpwSynced: false,
        polls: 0,
        bytesSent: 0,
        bytesTotal: 0,
        addedAt: now,
        updatedAt: now,
      });
    });
    this.nudge();
    return added;
  }

  /** The user's Retry: failed items (one, or all) resume from the step that failed. */
  retry(id?: string): QueueItem[] {
    const targets = this.items().filter(
      (i) => i.stage === 'failed' && (id === undefined || i.id === id),
    );
    const retried = targets.map((item) => {
      const next: QueueItem = {
        ...item,
        stage: item.failedStep ?? 'reading',
        attempts: 0,
        polls: 0,
        updatedAt: this.deps.clock.now(),
      };
      if (next.stage === 'processing') next.processingSince = this.deps.clock.now();
      delete next.slowProcessing;
      for (const key of ['error', 'failedStep', 'notBefore', 'waitingFor'] as const)
        delete next[key];
      return this.save(next);
    });
    this.nudge();
    return retried;
  }

  /** Removes an item that has nothing on Strava yet; returns false for one that has. */
  remove(id: string): boolean {
    const item = this.deps.journal.get(id);
    if (!item || item.uploadId || item.uploadStartedAt || this.inFlight.has(id)) return false;
    this.deps.journal.remove(id);
    this.emit();
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
    const start = (key: string, work: () => Promise<void>) => {
      this.inFlight.add(key);
      const task = work().finally(() => {
        this.inFlight.delete(key);
        tasks.delete(task);
        this.nudge();
      });
      tasks.add(task);
    };
    while (!signal?.aborted) {
      const now = this.deps.clock.now();
      const pending = this.items().filter((i) => !settled(i));
      if (pending.length === 0 && tasks.size === 0) break;
      if (
        options.stopOnSlowProcessing &&
        tasks.size === 0 &&
        pending.every((i) => this.isSlowProcessing(i, now))
      )
        break;
      const due = pending.filter(
        (i) => !this.inFlight.has(i.id) && (i.notBefore ?? 0) <= now && this.budgetAllows(i, now),
      );
      const dueProcessing = due.filter((i) => i.stage === 'processing');
      if (
        dueProcessing.length > 0 &&
        !this.inFlight.has('confirm') &&
        tasks.size < this.deps.options.concurrency
      ) {
        const nextListAt = (await this.canList()) ? this.lastListAt + this.listGap(now) : 0;
        if (now >= nextListAt) {
          // One list read covers every upload in processing, due or not.
          const round = pending.filter((i) => i.stage === 'processing' && !this.inFlight.has(i.id));
          round.forEach((i) => this.inFlight.add(i.id));
          start('confirm', () =>
            this.confirmRound(round, now).finally(() =>
              round.forEach((i) => this.inFlight.delete(i.id)),
            ),
          );
        } else {
          for (const item of dueProcessing) this.save({ ...item, notBefore: nextListAt });
        }
      }
      for (const item of due.filter((i) => i.stage !== 'processing')) {
        if (tasks.size >= this.deps.options.concurrency) break;
        start(item.id, () => this.advance(item));
      }
      const wake = new Promise<void>((resolve) => (this.nudge = resolve));
      // Due items that could not start wait for a running task to finish (the nudge), not for a timer.
      const waits = this.items()
        .filter((i) => !settled(i) && !this.inFlight.has(i.id) && (i.notBefore ?? 0) > now)
        .map((i) => i.notBefore ?? now);
      const untilNext = waits.length
        ? Math.max(0, Math.min(...waits) - this.deps.clock.now())
        : 60_000;
      const timer = new AbortController();
      const wait = this.deps.wait ?? sleep;
      await Promise.race([
        wake,
        wait(
          Math.min(untilNext, 60_000),
          AbortSignal.any([timer.signal, ...(signal ? [signal] : [])]),
          tasks.size === 0,
        ),
      ]);
      timer.abort();
    }
    await Promise.allSettled([...tasks]);
    const items = this.items();
    return {
      done: items.filter((i) => i.stage === 'done').length,
      failed: items.filter((i) => i.stage === 'failed').length,
      stillProcessing: items.filter((i) => i.stage === 'processing').length,
    };
  }

  private isSlowProcessing(item: QueueItem, now: number): boolean {
    return (
      item.stage === 'processing' && item.slowProcessing === true && (item.notBefore ?? 0) > now
    );
  }

  /** Never starts a Strava step the known budget would refuse; says when it will go on. */
  private budgetAllows(item: QueueItem, now: number): boolean {
    const kind = costOf[stepOf(item)];
    if (!kind) return true;
    const verdict = this.deps.strava.rateLimits.check(kind, now);
    if (verdict.ok) return true;
    this.save({
      ...item,
      notBefore: verdict.until,
      waitingFor: `Waiting for Strava's rate limit; going on at ${new Date(verdict.until).toLocaleTimeString()}`,
    });
    return false;
  }

  /** Runs one step of one item and journals the result. */
  private async advance(item: QueueItem): Promise<void> {
    const step = stepOf(item);
    try {
      let next: QueueItem;
      if (step === 'reading') next = await readStep(this.save({ ...item, stage: 'reading' }));
      else if (step === 'uploading')
        next = await uploadStep(
          item,
          this.deps,
          (i) => this.save(i),
          (sent, total) => this.progress(item.id, sent, total),
        );
      else next = await syncStep(item, this.deps);
      this.save(this.stepped(item, next));
    } catch (error) {
      this.save(
        applyFailure(
          this.deps.journal.get(item.id) ?? item,
          step,
          error,
          this.deps.clock.now(),
          this.deps.options.retry,
        ),
      );
    }
  }

  /**
   * Spaces list reads so they fit the read budget left in this window (reads are
   * the scarce budget: 100 against 200 overall, and they count toward overall too),
   * keeping a few for single polls. The first reads of a window go at once, so a
   * small batch is confirmed as soon as Strava is done.
   */
  private listGap(now: number): number {
    const { read } = this.deps.strava.rateLimits.snapshot(now);
    const burst = 8;
    if (read.used15 < burst) return this.deps.options.pollStartMs;
    const left = read.limit15 - read.used15 - 10;
    const windowLeft = nextQuarterHour(now) - now;
    return Math.max(this.deps.options.pollStartMs, left > 0 ? windowLeft / left : windowLeft);
  }

  /** One read confirms every listed upload; the due rest are polled one by one after a grace period. */
  private async confirmRound(items: QueueItem[], startedAt: number): Promise<void> {
    let found = new Map<string, string>();
    const listed = await this.canList();
    if (listed) {
      this.lastListAt = startedAt;
      try {
        found = await confirmByList(items, this.deps);
      } catch (error) {
        this.deps.logger.warn('pipeline: listing activities failed; polling instead', {
          error: String(error),
        });
      }
    }
    for (const item of items) {
      const activityId = item.uploadId ? found.get(item.uploadId) : undefined;
      if (activityId) {
        this.save(
          this.stepped(item, { ...item, stage: 'syncing', activityId, activitySource: 'uploaded' }),
        );
        continue;
      }
      const now = this.deps.clock.now();
      if ((item.notBefore ?? 0) > now) continue;
      if (listed && now - (item.processingSince ?? now) < this.deps.options.listGraceMs) {
        this.save({ ...item, ...nextCheck(item, this.deps) });
        continue;
      }
      if (!this.deps.strava.rateLimits.check('read', now).ok) continue;
      try {
        this.save(this.afterPoll(item, await pollUpload(item, this.deps)));
      } catch (error) {
        this.save(
          applyFailure(item, 'processing', error, this.deps.clock.now(), this.deps.options.retry),
        );
      }
    }
  }

  /** Whether the token may list activities; asked of the keychain once per pipeline. */
  private async canList(): Promise<boolean> {
    if (this.canListCache === undefined) {
      const account = await this.deps.strava.session.account();
      this.canListCache = Boolean(
        account?.scopes.some((s) => s === 'activity:read' || s === 'activity:read_all'),
      );
    }
    return this.canListCache;
  }

  private afterPoll(item: QueueItem, outcome: UploadOutcome): QueueItem {
    switch (outcome.state) {
      case 'ready':
        return this.stepped(item, {
          ...item,
          stage: 'syncing',
          activityId: outcome.activityId,
          activitySource: 'uploaded',
        });
      case 'duplicate':
        return this.stepped(item, {
          ...item,
          stage: 'syncing',
          activityId: outcome.activityId,
          activitySource: 'duplicate',
        });
      case 'error':
        return applyFailure(
          item,
          'processing',
          processingFailed(item.name, outcome.message),
          this.deps.clock.now(),
          this.deps.options.retry,
        );
      case 'deleted': {
        // The user deleted the activity on Strava: a Retry uploads it afresh.
        const failed = applyFailure(
          item,
          'uploading',
          processingFailed(
            item.name,
            'the activity was deleted on Strava. Retry uploads it again.',
          ),
          this.deps.clock.now(),
          this.deps.options.retry,
        );
        delete failed.uploadId;
        delete failed.uploadStartedAt;
        return failed;
      }
      default:
        return { ...item, ...nextCheck(item, this.deps) };
    }
  }

  /** A finished step resets the per-step retry count and waiting note. */
  private stepped(before: QueueItem, next: QueueItem): QueueItem {
    const out: QueueItem = {
      ...next,
      attempts: next.stage === before.stage ? next.attempts : 0,
      updatedAt: this.deps.clock.now(),
    };
    if (next.stage !== before.stage) {
      delete out.error;
      if (next.stage !== 'processing') {
        delete out.notBefore;
        delete out.waitingFor;
      }
    }
    return out;
  }

  private progress(id: string, sent: number, total: number): void {
    const item = this.deps.journal.get(id);
    if (!item) return;
    // Progress is shown, not journaled: it is worthless after a restart.
    Object.assign(item, { bytesSent: sent, bytesTotal: total });
    this.emit();
  }

  private save(item: QueueItem): QueueItem {
    const stamped = { ...item, updatedAt: this.deps.clock.now() };
    this.deps.journal.save(stamped);
    this.emit();
    return stamped;
  }

  private emit(): void {
    const items = this.items();
    for (const listener of this.listeners) listener(items);
  }
}
