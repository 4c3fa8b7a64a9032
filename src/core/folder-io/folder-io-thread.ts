import type { Worker } from 'node:worker_threads';
import { UploadError } from '../errors/upload-error';
import { startModuleWorker } from '../app/module-worker';
import type { GzippedTrack } from '../sequence/gpx/gzip-file';
import type { MarkerTarget } from '../sequence/marker/marker-writer';
import type { SequenceInfo } from '../sequence/folder/sequence-info';
import type { CheckedFolder, FolderIo } from './folder-io';
import { folderIoAnswerSchema, thrownFor, type FolderIoRequest } from './folder-io-protocol';

/** The worker next to this module: `.ts` when running from source, `.js` once built. */
const workerFile = import.meta.url.endsWith('.ts')
  ? './folder-io-worker.ts'
  : './folder-io-worker.js';
/** Where the folder worker's module is by default (the app passes the built one explicitly). */
export const defaultFolderIoWorkerUrl = new URL(workerFile, import.meta.url);

export interface FolderIoThreadOptions {
  /** The worker's module: the built `folder-io-worker.js`, or the `.ts` source under tsx. */
  workerUrl?: URL;
  /** A call not answered in this long stops the worker (a hung network disk) and fails, retryably. */
  timeoutMs?: number;
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

/**
 * The pipeline's folder work in one worker thread (folder-io-worker.ts), started
 * with the first call. A worker that stops or hangs fails the calls it had with a
 * retryable error, and the next call starts a fresh one, so a damaged folder or a
 * dead disk costs its own items a retry and nothing else.
 */
export class FolderIoThread implements FolderIo {
  private readonly workerUrl: URL;
  private readonly timeoutMs: number;
  private worker: Worker | undefined;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private closed = false;

  constructor(options: FolderIoThreadOptions = {}) {
    this.workerUrl = options.workerUrl ?? defaultFolderIoWorkerUrl;
    this.timeoutMs = options.timeoutMs ?? 120_000;
  }

  /** {@inheritDoc FolderIo.readAndCheck} */
  readAndCheck(folder: string): Promise<CheckedFolder> {
    return this.call({ op: 'readAndCheck', args: [folder] }) as Promise<CheckedFolder>;
  }

  /** {@inheritDoc FolderIo.readFolder} */
  readFolder(folder: string): Promise<SequenceInfo> {
    return this.call({ op: 'readFolder', args: [folder] }) as Promise<SequenceInfo>;
  }

  /** {@inheritDoc FolderIo.gzipTrack} */
  async gzipTrack(
    source: string,
    workingCopy: string,
    inMemoryBytes: number,
  ): Promise<GzippedTrack> {
    const track = (await this.call({
      op: 'gzipTrack',
      args: [source, workingCopy, inMemoryBytes],
    })) as GzippedTrack | { bytes: number; inMemory: Uint8Array };
    if (track.inMemory === undefined) return track;
    // A Buffer arrives as a plain Uint8Array: wrap it again, without a copy.
    const bytes = track.inMemory;
    return {
      bytes: track.bytes,
      inMemory: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    };
  }

  /** {@inheritDoc FolderIo.markPending} */
  async markPending(target: MarkerTarget, uploadId: string): Promise<void> {
    await this.call({ op: 'markPending', args: [pick(target), uploadId] });
  }

  /** {@inheritDoc FolderIo.markSent} */
  async markSent(
    target: MarkerTarget,
    upload: { uploadId: string; activityId: string },
  ): Promise<void> {
    await this.call({ op: 'markSent', args: [pick(target), upload] });
  }

  /** Stops the worker; calls still waiting fail, and later ones are refused. */
  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = undefined;
    this.failAll('The app is closing.');
    await worker?.terminate();
  }

  private call(request: DistributiveOmit<FolderIoRequest, 'id'>): Promise<unknown> {
    if (this.closed) return Promise.reject(stopped('The app is closing.'));
    const worker = this.worker ?? this.start();
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.lost(worker, `it did not answer within ${Math.round(this.timeoutMs / 1000)} s`);
        void worker.terminate();
      }, this.timeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      // A busy worker keeps a CLI process alive until it answers; an idle one does not.
      worker.ref();
      worker.postMessage({ ...request, id });
    });
  }

  private start(): Worker {
    // A small young generation: the worker's garbage is a folder's worth at a time, and
    // the default semi-spaces would add tens of MB to the app's memory for nothing.
    const worker = startModuleWorker(this.workerUrl, {
      resourceLimits: { maxYoungGenerationSizeMb: 4 },
    });
    worker.unref();
    worker.on('message', (message: unknown) => this.answer(message));
    worker.on('error', (error) => this.lost(worker, error.message));
    worker.on('exit', (code) => this.lost(worker, `exit code ${code}`));
    this.worker = worker;
    return worker;
  }

  private answer(message: unknown): void {
    const parsed = folderIoAnswerSchema.safeParse(message);
    if (!parsed.success) return;
    const answer = parsed.data;
    const waiting = this.pending.get(answer.id);
    if (!waiting) return;
    this.pending.delete(answer.id);
    clearTimeout(waiting.timer);
    if (this.pending.size === 0) this.worker?.unref();
    if (answer.ok) waiting.resolve(answer.value);
    else waiting.reject(thrownFor(answer));
  }

  /** The worker stopped or hung: what it had fails, retryably; the next call starts another. */
  private lost(worker: Worker, why: string): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.failAll(`The folder worker stopped (${why}).`);
  }

  private failAll(why: string): void {
    const waiting = [...this.pending.values()];
    this.pending.clear();
    for (const { reject, timer } of waiting) {
      clearTimeout(timer);
      reject(stopped(why));
    }
  }
}

/** Omit over each member of a union. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** Only what a marker needs crosses (a SequenceInfo may be passed as a target). */
function pick(target: MarkerTarget): MarkerTarget {
  const { folder, name, kind, jsonPath } = target;
  return { folder, name, kind, ...(jsonPath === undefined ? {} : { jsonPath }) };
}

/** The error of a call its worker could not answer: trying again starts a fresh worker. */
function stopped(why: string): UploadError {
  return new UploadError({
    kind: 'invalid-folder',
    message: `${why} The sequence folder could not be read or written; it is tried again.`,
    retryable: true,
  });
}
