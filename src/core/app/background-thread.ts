import { readlinkSync } from 'node:fs';
import { setPriority } from 'node:os';

/**
 * The nice value worker threads run at: below the main thread, so the UI side is
 * served first, but not so low that another busy program starves the checks (at 10
 * they got a tenth of a busy neighbour's share on a loaded machine; 5 gets a third).
 */
const backgroundNice = 5;

/**
 * Lowers the calling thread's scheduling priority, where the OS allows it per thread
 * (Linux: a thread id is a valid target of setpriority). Elsewhere it does nothing:
 * on Windows and macOS the call would lower the whole app. Never throws.
 */
export function runInBackground(): void {
  if (process.platform !== 'linux') return;
  try {
    const threadId = Number(readlinkSync('/proc/thread-self').split('/').pop());
    if (Number.isInteger(threadId) && threadId > 0) setPriority(threadId, backgroundNice);
  } catch {
    // Without /proc, or not allowed: the thread keeps its priority, which is only slower for the UI.
  }
}
