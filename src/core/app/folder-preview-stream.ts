import {
  previewBatchMax,
  type FolderPreviewsEvent,
  type SequencePreview,
} from '../../shared/ipc-contract';
import { UploadError } from '../errors/upload-error';
import { expandSequenceFolders } from '../pipeline/expand-inputs';

/** What the stream needs of a pool: one folder in, its preview out (never a rejection). */
export interface FolderChecker {
  preview(folder: string): Promise<SequencePreview>;
  /** Gets ready for folders soon to come (starts the workers). */
  warm?(): void;
}

/** How often, at most, a request's previews are pushed after its first one. */
const batchEveryMs = 100;

interface Request {
  id: string;
  ready: SequencePreview[];
  /** Folders found and sent to be checked, not answered yet. */
  checking: number;
  /** Dropped paths not yet looked into (each stands for one folder at least). */
  unexpanded: number;
  sentFirst: boolean;
  timer: NodeJS.Timeout | undefined;
}

/**
 * Checks dropped folders for the renderer and streams their previews as they are
 * made: the first one at once, then batches at most every 100 ms (and at most
 * `previewBatchMax` per event), each with how many folders are still being checked,
 * and a last event with `done: true`. A folder of sequences stands for its
 * subfolders, as in the queue; a folder dropped twice in one request is checked once.
 */
export class FolderPreviewStream {
  private readonly running = new Map<string, Request>();
  private readonly listeners = new Set<(event: FolderPreviewsEvent) => void>();

  constructor(private readonly checker: FolderChecker) {}

  /** Calls `listener` with every batch of every request; returns the unsubscribe function. */
  subscribe(listener: (event: FolderPreviewsEvent) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Folders are about to come (a drag entered the window, the folder picker opened). */
  prepare(): void {
    this.checker.warm?.();
  }

  /** Starts checking `paths`; the previews follow as events named by `requestId`. */
  start(requestId: string, paths: string[]): void {
    if (this.running.has(requestId))
      throw new UploadError({
        kind: 'invalid-input',
        message: 'These folders are already being checked.',
        retryable: false,
      });
    const request: Request = {
      id: requestId,
      ready: [],
      checking: 0,
      unexpanded: paths.length,
      sentFirst: false,
      timer: undefined,
    };
    this.running.set(requestId, request);
    void this.expand(request, paths);
  }

  private async expand(request: Request, paths: string[]): Promise<void> {
    const seen = new Set<string>();
    // One path at a time, so the first folder is being checked before the last is looked into.
    for (const path of paths) {
      const folders = await expandSequenceFolders([path]).catch(() => [path]);
      request.unexpanded -= 1;
      for (const folder of folders) {
        if (seen.has(folder)) continue;
        seen.add(folder);
        request.checking += 1;
        void this.checker.preview(folder).then((preview) => {
          request.checking -= 1;
          request.ready.push(preview);
          this.soon(request);
        });
      }
    }
    this.soon(request);
  }

  private soon(request: Request): void {
    const finished = request.unexpanded === 0 && request.checking === 0;
    if (!request.sentFirst || finished || request.ready.length >= previewBatchMax) {
      this.flush(request);
      return;
    }
    request.timer ??= setTimeout(() => this.flush(request), batchEveryMs);
  }

  private flush(request: Request): void {
    if (request.timer) clearTimeout(request.timer);
    request.timer = undefined;
    const remaining = request.unexpanded + request.checking;
    const done = remaining === 0;
    if (request.ready.length === 0 && !done) return;
    request.sentFirst = true;
    const ready = request.ready;
    request.ready = [];
    for (let start = 0; start < ready.length || (start === 0 && done); start += previewBatchMax) {
      const previews = ready.slice(start, start + previewBatchMax);
      const last = start + previewBatchMax >= ready.length;
      this.emit({ requestId: request.id, previews, remaining, done: done && last });
    }
    if (done) this.running.delete(request.id);
  }

  private emit(event: FolderPreviewsEvent): void {
    for (const listener of this.listeners) {
      try {
        listener(event);
      } catch {
        // One broken receiver (a closed window) must not stop the others.
      }
    }
  }
}
