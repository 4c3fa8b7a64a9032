import type { FileLogger } from '../core/log/file-logger';

/** The part of Electron's app that flushing the log at quit needs. */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/** How long a quit or a failed start waits for the log: a disk that hangs must not keep the app open. */
const closeWithinMs = 2000;

/** Closes the log, or gives up waiting after `withinMs`; never rejects. */
async function closeWithin(logger: Pick<FileLogger, 'close'>, withinMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const bound = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, withinMs);
  });
  await Promise.race([logger.close().catch(() => undefined), bound]);
  clearTimeout(timer);
}

/**
 * Holds Electron's quit until the app's log is written out. The log's file is
 * written asynchronously, and a quit ends the process without waiting for it, so
 * the last lines before a quit (the ones support most often needs) were lost. The
 * quit goes on with app.quit, never app.exit, so an update that installs at quit
 * still sees it.
 */
export function flushLogBeforeQuit(
  app: QuittingApp,
  logger: Pick<FileLogger, 'close'>,
  withinMs = closeWithinMs,
): void {
  let flushed = false;
  app.on('will-quit', (event) => {
    if (flushed) return;
    event.preventDefault();
    void closeWithin(logger, withinMs).then(() => {
      flushed = true;
      app.quit();
    });
  });
}

/**
 * Runs the rest of a start; when it fails, closes the log before the error goes on
 * to be explained, since the app then exits at once and would drop what the log
 * had not written yet.
 */
export async function closeLogIfStartFails(
  logger: Pick<FileLogger, 'close'>,
  rest: () => Promise<void>,
  withinMs = closeWithinMs,
): Promise<void> {
  try {
    await rest();
  } catch (error) {
    await closeWithin(logger, withinMs);
    throw error;
  }
}
