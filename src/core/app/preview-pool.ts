import { availableParallelism } from 'node:os';
import { basename } from 'node:path';
import type { Worker } from 'node:worker_threads';
import type { SequencePreview } from '../../shared/ipc-contract';
import { startModuleWorker } from './module-worker';
import { isPreviewAnswer, isReadyMessage, type PreviewTask } from './preview-worker-protocol';

/** How a pool is set up; every field has a default. */
export interface PreviewPoolOptions {
  /** Worker threads, 1 or 2 (default: 2 where there are two cores or more). */
  size?: number;
  /** The worker's module: the built `preview-worker.js`, or the `.ts` source under tsx. */
  workerUrl?: URL;
  /** A folder whose check takes longer than this stops its worker and gets a problem. */
  timeoutMs?: number;
  /** An idle worker is stopped after this long (a new drop starts it again). */
  idleMs?: number;
}

interface Task {
  id: number;
  folder: string;
  resolve: (preview: SequencePreview) => void;
  /** Only whether it is marked done (PreviewTask.doneOnly). */
  doneOnly?: boolean;
  /** Workers that stopped while checking this folder. */
  crashes: number;
}

interface Slot {
  worker: Worker;
  /** Loaded and listening: a task's time limit runs from here, not from a slow start. */
  ready: boolean;
  task: Task | undefined;
  timer: NodeJS.Timeout | undefined;
}

/** How long a worker may take to load before its first folder's own time limit starts. */
const startGraceMs = 30_000;

/** The worker next to this module: `.ts` when running from source, `.js` once built. */
const workerFile = import.meta.url.endsWith('.ts') ? './preview-worker.ts' : './preview-worker.js';
/** Where the preview worker's module is by default (the app passes the built one explicitly). */
export const defaultPreviewWorkerUrl = new URL(workerFile, import.meta.url);

/**
 * Checks sequence folders in 1–2 worker threads, so a drop of thousands never blocks
 * the caller's event loop. Each worker checks one folder at a time, which tells
 * exactly which folder a crash or a hang belongs to: that folder is tried once more
 * in a fresh worker, then answered with a problem of its own, and the others go on.
 * Workers start with the first folder and stop when idle.
 */
export class PreviewPool {
  private readonly size: number;
  private readonly workerUrl: URL;
  private readonly timeoutMs: number;
  private readonly idleMs: number;
  private readonly slots: Slot[] = [];
  private queue: Task[] = [];
  private head = 0;
  private nextId = 1;
  private idleTimer: NodeJS.Timeout | undefined;
  private closed = false;

  constructor(options: PreviewPoolOptions = {}) {
    this.size = Math.min(2, Math.max(1, options.size ?? availableParallelism()));
    this.workerUrl = options.workerUrl ?? defaultPreviewWorkerUrl;
    this.timeoutMs = options.timeoutMs ?? 60_000;
    this.idleMs = options.idleMs ?? 10_000;
  }

  /** Checks one folder; never rejects: a folder that cannot be checked carries its problem. */
  preview(folder: string): Promise<SequencePreview> {
    if (this.closed) return Promise.resolve(problemPreview(folder, 'The app is closing.'));
    return new Promise((resolve) => {
      this.queue.push({ id: this.nextId++, folder, resolve, crashes: 0 });
      this.dispatch();
    });
  }

  /**
   * Whether a folder is marked done (`upload_strava.json` TRUE, `destination.strava`),
   * read in a worker: a sequence JSON can be megabytes. False when it cannot be read.
   */
  isDone(folder: string): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    return new Promise((resolve) => {
      const done = (preview: SequencePreview) => resolve(preview.alreadyOnStrava);
      this.queue.push({ id: this.nextId++, folder, resolve: done, doneOnly: true, crashes: 0 });
      this.dispatch();
    });
  }

  /**
   * Starts the workers ahead of the folders (they take a few hundred ms to load);
   * they stop again after `idleMs` if none come.
   */
  warm(): void {
    if (this.closed) return;
    while (this.spawn()) {
      // Every slot filled.
    }
    this.dispatch();
  }

  /** How many worker threads are running now. */
  get workers(): number {
    return this.slots.length;
  }

  /** How many folders wait for a worker or are being checked. */
  get pending(): number {
    return this.queue.length - this.head + this.slots.filter((s) => s.task).length;
  }

  /** Stops every worker; folders not checked yet are answered with a problem. */
  async close(): Promise<void> {
    this.closed = true;
    if (this.idleTimer) clearTimeout(this.idleTimer);
    for (const task of this.queue.slice(this.head))
      task.resolve(problemPreview(task.folder, 'The app is closing.'));
    this.queue = [];
    this.head = 0;
    const slots = this.slots.splice(0);
    for (const slot of slots) {
      if (slot.timer) clearTimeout(slot.timer);
      slot.task?.resolve(problemPreview(slot.task.folder, 'The app is closing.'));
      slot.task = undefined;
    }
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }

  private dispatch(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = undefined;
    while (this.head < this.queue.length) {
      const slot = this.slots.find((s) => !s.task) ?? this.spawn();
      if (!slot) break;
      const task = this.queue[this.head++] as Task;
      this.assign(slot, task);
    }
    // Reading from the head keeps each take O(1); drop the used part now and then.
    if (this.head > 1024 && this.head * 2 > this.queue.length) {
      this.queue = this.queue.slice(this.head);
      this.head = 0;
    }
    if (this.pending === 0 && this.slots.length > 0) {
      this.idleTimer = setTimeout(() => void this.stopIdle(), this.idleMs);
      this.idleTimer.unref();
    }
  }

  private spawn(): Slot | undefined {
    if (this.slots.length >= this.size) return undefined;
    const worker = startModuleWorker(this.workerUrl);
    // Idle until given a folder: a worker started ahead of time keeps no process alive.
    worker.unref();
    const slot: Slot = { worker, ready: false, task: undefined, timer: undefined };
    worker.on('message', (message: unknown) => {
      if (isReadyMessage(message)) {
        slot.ready = true;
        if (slot.task) this.startClock(slot);
        return;
      }
      if (!isPreviewAnswer(message) || message.id !== slot.task?.id) return;
      this.finish(slot, message.preview);
    });
    worker.on('error', (error) => this.lost(slot, error.message));
    worker.on('exit', (code) => this.lost(slot, `it stopped (exit code ${code})`));
    this.slots.push(slot);
    return slot;
  }

  private assign(slot: Slot, task: Task): void {
    slot.task = task;
    // A busy worker keeps a CLI process alive until it answers; an idle one does not.
    slot.worker.ref();
    this.startClock(slot);
    slot.worker.postMessage({
      id: task.id,
      folder: task.folder,
      ...(task.doneOnly ? { doneOnly: true } : {}),
    } satisfies PreviewTask);
  }

  private startClock(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = setTimeout(
      () => {
        this.lost(slot, `it took longer than ${Math.round(this.timeoutMs / 1000)} s`, true);
        void slot.worker.terminate();
      },
      this.timeoutMs + (slot.ready ? 0 : startGraceMs),
    );
  }

  private finish(slot: Slot, preview: SequencePreview): void {
    const task = slot.task;
    if (slot.timer) clearTimeout(slot.timer);
    slot.task = undefined;
    slot.timer = undefined;
    slot.worker.unref();
    task?.resolve(preview);
    this.dispatch();
  }

  /** A worker stopped or hung: its folder is tried once more, then answered with a problem. */
  private lost(slot: Slot, why: string, hung = false): void {
    const index = this.slots.indexOf(slot);
    if (index < 0) return;
    this.slots.splice(index, 1);
    if (slot.timer) clearTimeout(slot.timer);
    const task = slot.task;
    slot.task = undefined;
    if (task) {
      task.crashes += 1;
      if (!hung && task.crashes < 2 && !this.closed) {
        // Tried next, before the rest of the queue.
        this.queue.splice(this.head, 0, task);
      } else {
        task.resolve(
          problemPreview(
            task.folder,
            `Checking "${basename(task.folder)}" stopped the folder checker (${why}). The folder may be damaged or too large to check.`,
          ),
        );
      }
    }
    if (!this.closed) this.dispatch();
  }

  private async stopIdle(): Promise<void> {
    if (this.pending > 0) return;
    const slots = this.slots.splice(0);
    await Promise.all(slots.map((slot) => slot.worker.terminate()));
  }
}

/** A preview for a folder that could not be checked at all. */
function problemPreview(folder: string, message: string): SequencePreview {
  return {
    folder,
    name: basename(folder),
    warnings: [],
    alreadyOnStrava: false,
    problem: { kind: 'invalid-folder', message, retryable: true },
  };
}
