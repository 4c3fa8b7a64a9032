import { watch } from 'chokidar';
import type { Stats } from 'node:fs';
import { access, constants, readdir, stat } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { sequenceFilesSignature, sequenceIsDone } from '../sequence/folder/sequence-files';

/** Whether a watch is on, and whether its folder can be read right now. */
export type WatchState = 'off' | 'watching' | 'unavailable';

/** One folder the watch queued, for the Queue to say where an item came from. */
export interface WatchQueued {
  folder: string;
  at: number;
}

/** What the watch is doing, in a form a screen or a terminal can show. */
export interface WatchStatus {
  folder?: string;
  state: WatchState;
  /** A sentence for the user: the folder is gone or unreadable, or back again. */
  notice?: string;
  /** What this watch queued since it started, oldest first. */
  queued: WatchQueued[];
}

/** What the watch needs from the app or the CLI. */
export interface FolderWatchDeps {
  /** Queues complete sequence folders (the pipeline's add). */
  queue(folders: string[]): void;
  /** Whether the journal has an item for this folder already: each folder is queued once, across restarts. */
  known(folder: string): boolean;
  /** How long the JSON and GPX sizes must stay the same before a folder counts as complete (5 s). */
  stableMs?: number;
  /** How often the folder's health and the waiting folders are checked (1 s). */
  checkMs?: number;
  /** How often the whole folder is listed again, for changes the file events missed (30 s). */
  rescanMs?: number;
  /** Where the file events come from (chokidar; a stand-in in tests). */
  events?: (root: string, touched: (event: string, path: string) => void) => FolderEvents;
  now?: () => number;
}

/** File events under a watched folder: `ready` once its first listing is done. */
export interface FolderEvents {
  ready: Promise<void>;
  close(): Promise<void>;
}

const defaultStableMs = 5_000;
const defaultCheckMs = 1_000;
const defaultRescanMs = 30_000;

/**
 * Watches one folder of sequence folders (like ~/MTP/sequences) and queues each new
 * sequence folder once it is complete: its JSON and GPX exist and their sizes have
 * not changed for `stableMs`. Folders already on Strava or in the journal are skipped.
 * chokidar says which folders changed; a timer checks that the watched folder is
 * still there and readable, so one that disappears gives a notice, and watching
 * resumes (with a fresh look at everything) when it comes back.
 */
export class FolderWatchService {
  private folder: string | undefined;
  private watcher: FolderEvents | undefined;
  private timer: ReturnType<typeof setInterval> | undefined;
  private state: WatchState = 'off';
  private notice: string | undefined;
  private ticking = false;
  /** When the folder was last listed whole; undefined: list it at the next check. */
  private lastScan: number | undefined;
  /** Changed folders not yet complete: their last signature and since when it has held. */
  private readonly pending = new Map<string, { signature?: string; since: number }>();
  /** Folders decided once (queued, done, or known): a later change is not a new sequence. */
  private readonly settled = new Set<string>();
  private readonly queuedList: WatchQueued[] = [];
  private readonly listeners = new Set<(status: WatchStatus) => void>();

  constructor(private readonly deps: FolderWatchDeps) {}

  /** Watches `path` from now on (undefined: stops watching). */
  async setFolder(path: string | undefined): Promise<void> {
    await this.stop();
    if (path === undefined) {
      this.emit();
      return;
    }
    this.folder = resolve(path);
    this.state = 'watching';
    this.timer = setInterval(() => void this.tick(), this.deps.checkMs ?? defaultCheckMs);
    await this.tick();
  }

  /** What the watch is doing now. */
  status(): WatchStatus {
    return {
      ...(this.folder ? { folder: this.folder } : {}),
      state: this.state,
      ...(this.notice ? { notice: this.notice } : {}),
      queued: [...this.queuedList],
    };
  }

  /** Hears every change of status (a folder queued, a notice); returns the unsubscribe. */
  subscribe(listener: (status: WatchStatus) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Stops watching; what was queued stays queued. */
  async close(): Promise<void> {
    await this.stop();
    this.emit();
  }

  private async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    await this.closeWatcher();
    this.folder = undefined;
    this.state = 'off';
    this.notice = undefined;
    this.pending.clear();
    this.settled.clear();
  }

  private now(): number {
    return this.deps.now?.() ?? Date.now();
  }

  private async tick(): Promise<void> {
    const folder = this.folder;
    if (this.ticking || folder === undefined) return;
    this.ticking = true;
    try {
      const problem = await unavailable(folder);
      if (folder !== this.folder) return;
      if (problem) {
        if (this.state !== 'unavailable' || this.notice !== problem) {
          this.state = 'unavailable';
          this.notice = problem;
          await this.closeWatcher();
          this.emit();
        }
        return;
      }
      if (!this.watcher) {
        const wasUnavailable = this.state === 'unavailable';
        await this.startWatcher(folder);
        if (folder !== this.folder) return;
        this.state = 'watching';
        this.notice = wasUnavailable ? `${folder} is back: watching it again.` : undefined;
        this.emit();
      }
      const rescanMs = this.deps.rescanMs ?? defaultRescanMs;
      if (this.lastScan === undefined || this.now() - this.lastScan >= rescanMs)
        await this.rescan(folder);
      await this.settle();
    } finally {
      this.ticking = false;
    }
  }

  /** Starts the file events and waits for their first listing; then lists the folder once more. */
  private async startWatcher(root: string): Promise<void> {
    const events = (this.deps.events ?? chokidarEvents)(root, (event, path) =>
      this.touched(root, event, path),
    );
    let closed!: () => void;
    const closing = new Promise<void>((resolve) => (closed = resolve));
    this.watcher = {
      ready: events.ready,
      close: async () => {
        closed();
        await events.close();
      },
    };
    await Promise.race([events.ready, closing]);
    // chokidar lists a folder before it watches it: one made in between is only found
    // by looking again. The next looks come every rescanMs, for events a busy disk drops.
    this.lastScan = undefined;
  }

  /** Lists the watched folder and takes every folder not yet decided as changed. */
  private async rescan(root: string): Promise<void> {
    this.lastScan = this.now();
    const entries = await readdir(root, { withFileTypes: true }).catch(() => []);
    for (const entry of entries) {
      const folder = join(root, entry.name);
      if (entry.isDirectory() && !this.pending.has(folder)) this.touched(root, 'addDir', folder);
    }
  }

  private async closeWatcher(): Promise<void> {
    const watcher = this.watcher;
    this.watcher = undefined;
    await watcher?.close().catch(() => undefined);
  }

  private touched(root: string, event: string, path: string): void {
    const rel = relative(root, path);
    if (rel === '' || rel.startsWith('..')) return;
    const segments = rel.split(sep);
    // A file directly in the watched folder is no sequence folder.
    if (segments.length === 1 && event !== 'addDir') return;
    const folder = join(root, segments[0] ?? '');
    if (this.settled.has(folder)) return;
    const seen = this.pending.get(folder);
    this.pending.set(folder, { ...seen, since: this.now() });
  }

  /** Queues the waiting folders whose JSON and GPX have held still for `stableMs`. */
  private async settle(): Promise<void> {
    const stableMs = this.deps.stableMs ?? defaultStableMs;
    for (const [folder, seen] of [...this.pending]) {
      const signature = await sequenceFilesSignature(folder);
      const now = this.now();
      if (signature === undefined) {
        const gone = !(await stat(folder).catch(() => undefined))?.isDirectory();
        if (gone) this.pending.delete(folder);
        else this.pending.set(folder, { since: now });
        continue;
      }
      if (signature !== seen.signature) {
        this.pending.set(folder, { signature, since: now });
        continue;
      }
      if (now - seen.since < stableMs) continue;
      this.pending.delete(folder);
      this.settled.add(folder);
      if (this.deps.known(folder) || (await sequenceIsDone(folder))) continue;
      if (!this.folder) return;
      this.deps.queue([folder]);
      this.queuedList.push({ folder, at: now });
      this.emit();
    }
  }

  private emit(): void {
    const status = this.status();
    for (const listener of this.listeners) listener(status);
  }
}

/** chokidar's events, depth 1: the sequence folders and their own files, not their photo folders. */
function chokidarEvents(
  root: string,
  touched: (event: string, path: string) => void,
): FolderEvents {
  const watcher = watch(root, {
    depth: 1,
    ignored: (path: string, stats?: Stats) => ignoredBelowSequence(root, path, stats),
  });
  watcher.on('all', touched);
  // A subfolder that cannot be read is the reader's to explain; the health check watches the root.
  watcher.on('error', () => undefined);
  const ready = new Promise<void>((resolve) => watcher.once('ready', resolve));
  return { ready, close: () => watcher.close().catch(() => undefined) };
}

/** Inside a sequence folder only its JSON and GPX files matter; photo folders are not watched. */
function ignoredBelowSequence(root: string, path: string, stats?: Stats): boolean {
  const segments = relative(root, path).split(sep);
  if (segments.length < 2 || stats === undefined) return false;
  if (segments.length > 2) return true;
  return stats.isDirectory() || (stats.isFile() && !/\.(json|gpx)$/i.test(path));
}

/** Why the watched folder cannot be watched now, in words; undefined when it can. */
async function unavailable(folder: string): Promise<string | undefined> {
  const resume = 'Watching resumes when it is back; nothing already queued is lost.';
  try {
    if (!(await stat(folder)).isDirectory()) return `${folder} is not a folder. ${resume}`;
    await access(folder, constants.R_OK | constants.X_OK);
    return undefined;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EACCES' || code === 'EPERM')
      return `The watched folder ${folder} cannot be read (permission denied). ${resume}`;
    return `The watched folder ${folder} is not there (moved, deleted, or on a drive that is not connected). ${resume}`;
  }
}
