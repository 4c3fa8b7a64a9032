import { resolve } from 'node:path';
import type { WatchStatusView } from '../../shared/ipc-contract';
import type { Journal } from '../pipeline/journal';
import type { Logger } from '../ports';
import type { AppSettings } from './app-settings';
import { FolderWatchService, type WatchStatus } from './folder-watch-service';
import type { QueueService } from './queue-service';

/** The watch as the Queue shows it: which folder, whether it can be read, how many it queued. */
export function watchStatusView(status: WatchStatus): WatchStatusView {
  return {
    ...(status.folder ? { folder: status.folder } : {}),
    state: status.state,
    ...(status.notice ? { notice: status.notice } : {}),
    queued: status.queued.length,
  };
}

/**
 * Keeps the app's folder watch on the folder Settings names (none: no watch), and
 * queues each complete new sequence folder it finds. A folder the journal knows,
 * as an item or a part of one, is never queued again, across restarts too.
 */
export function followWatchedFolder(deps: {
  settings: AppSettings;
  queue: QueueService;
  journal: Journal;
  logger: Logger;
  /** How long a new folder's files must keep their sizes (5 s; tests pass less). */
  stableMs?: number;
}): FolderWatchService {
  const watch = new FolderWatchService({
    queue: (folders) =>
      void deps.queue
        .add(folders, false)
        .catch((error: unknown) =>
          deps.logger.warn('watch: a new folder could not be queued', { error: String(error) }),
        ),
    known: (folder) => {
      const absolute = resolve(folder);
      return deps.journal
        .all()
        .some((i) => i.folder === absolute || (i.parts ?? []).some((p) => p.folder === absolute));
    },
    ...(deps.stableMs !== undefined ? { stableMs: deps.stableMs } : {}),
  });
  let current: string | null | undefined;
  // Only a change of the folder restarts the watch, not every other setting saved.
  const follow = async () => {
    const next = deps.settings.user().watchedFolder;
    if (next === current) return;
    current = next;
    await watch.setFolder(next ?? undefined);
  };
  deps.settings.onChange(follow);
  void follow();
  return watch;
}
