import type { Logger } from '../core/ports';

/** The part of Electron's powerMonitor this needs. */
export interface PowerEvents {
  on(event: 'resume', listener: () => void): unknown;
}

/**
 * Wakes the queue when the computer resumes from sleep. Timers stop while it is
 * suspended, so a wait for a rate-limit window or a retry would otherwise run on
 * for as long as the computer slept; waking makes the scheduler read the clock again.
 */
export function wakeQueueOnResume(
  power: PowerEvents,
  queue: { wake(): void },
  logger: Logger,
): void {
  power.on('resume', () => {
    logger.info('The computer woke from sleep: the queue looks at the clock again.');
    queue.wake();
  });
}
