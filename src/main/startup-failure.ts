import { isUploadError } from '../core/errors/upload-error';

/** The parts of Electron's `app` and `dialog` a failed start needs. */
export interface StartupFailureHost {
  app: { releaseSingleInstanceLock(): void; exit(code?: number): void };
  dialog: { showErrorBox(title: string, content: string): void };
  /** Appends one line to the app's log; may itself fail (the folder may be the problem). */
  log(line: string): void;
  /** Where that log is, for the message. */
  logPath: string;
}

/**
 * Runs the app's start, and when it fails says so instead of leaving a process
 * with no window that holds the single-instance lock (so every later launch would
 * quit in silence): a native dialog with a human message, the details and the
 * stack in the log only, the lock released, then exit.
 */
export async function startOrExplain(
  start: () => Promise<void>,
  host: StartupFailureHost,
): Promise<void> {
  try {
    await start();
  } catch (error) {
    try {
      host.log(
        JSON.stringify({ time: new Date().toISOString(), level: 'error', ...logged(error) }),
      );
    } catch {
      // The log may be what failed (a read-only user-data folder): the dialog still shows.
    }
    host.dialog.showErrorBox(
      'MTP Strava Uploader could not start',
      startupMessage(error, host.logPath),
    );
    host.app.releaseSingleInstanceLock();
    host.app.exit(1);
  }
}

/** What the user reads: a typed error's own message, or a plain sentence for a bug. */
export function startupMessage(error: unknown, logPath: string): string {
  if (isUploadError(error)) return error.message;
  return `Something unexpected went wrong while starting. The details are in the app's log: ${logPath}`;
}

function logged(error: unknown): Record<string, unknown> {
  if (isUploadError(error)) {
    return { message: 'start failed', error: error.toJSON(), stack: error.stack };
  }
  return {
    message: 'start failed',
    error: error instanceof Error ? error.message : String(error),
    stack: error instanceof Error ? error.stack : undefined,
  };
}
