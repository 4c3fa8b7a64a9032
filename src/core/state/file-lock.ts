import { closeSync, openSync, readFileSync, unlinkSync, writeSync } from 'node:fs';

/** Locks held by this process, so a second open in the same process is not mistaken for stale. */
const heldHere = new Set<string>();

/** True when a process with this id is running (signal 0 only checks). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(path: string): boolean {
  try {
    const fd = openSync(path, 'wx');
    try {
      writeSync(fd, String(process.pid));
    } finally {
      closeSync(fd);
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

function holder(path: string): number | undefined {
  try {
    const pid = Number(readFileSync(path, 'utf8').trim());
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** A lock taken, or not; `release` is a no-op for one not taken. */
export interface FileLock {
  readonly held: boolean;
  release(): void;
}

/**
 * A lock file holding the owner's process id, so that only one process rewrites a
 * file others may be appending to (e.g. `mtp-strava status` while an upload runs).
 * A lock left by a process that died (SIGKILL, a crash) is taken over. Two processes
 * taking over the same stale lock in the same instant could both win; this guards
 * against the everyday case, not against that race.
 */
export function acquireFileLock(path: string): FileLock {
  const taken = (): FileLock => {
    heldHere.add(path);
    let released = false;
    return {
      held: true,
      release: () => {
        if (released) return;
        released = true;
        heldHere.delete(path);
        if (holder(path) === process.pid) unlinkSync(path);
      },
    };
  };
  const notTaken: FileLock = { held: false, release: () => undefined };
  if (heldHere.has(path)) return notTaken;
  if (tryCreate(path)) return taken();
  const pid = holder(path);
  if (pid !== undefined && pid !== process.pid && alive(pid)) return notTaken;
  try {
    unlinkSync(path);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  return tryCreate(path) ? taken() : notTaken;
}
