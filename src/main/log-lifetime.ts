import type { FileLogger } from '../core/log/file-logger';

/** The part of Electron's app that flushing the log at quit needs. */
export interface QuittingApp {
  on(event: 'will-quit', listener: (event: { preventDefault(): void }) => void): unknown;
  quit(): void;
}

/**
 * Holds Electron's quit until the app's log is written out. The log's file is
 * written asynchronously, and a quit ends the process without waiting for it, so
 * the last lines before a quit (the ones support most often needs) were lost.
 */
export function flushLogBeforeQuit(app: QuittingApp, logger: FileLogger): void {
  let flushed = false;
  app.on('will-quit', (event) => {
    if (flushed) return;
    event.preventDefault();
    void logger.close().finally(() => {
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
  logger: FileLogger,
  rest: () => Promise<void>,
): Promise<void> {
  try {
    await rest();
  } catch (error) {
    await logger.close();
    throw error;
  }
}
