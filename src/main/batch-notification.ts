/** What a notification needs from Electron's Notification class. */
export interface NotificationLike {
  on(event: 'click', listener: () => void): unknown;
  show(): void;
}

/** The narrow slice of Electron the batch notification uses, so tests can pass fakes. */
export interface BatchNotificationPort {
  isSupported(): boolean;
  create(options: { title: string; body: string }): NotificationLike;
  /** Shows and focuses the main window, then opens the Queue. */
  openQueue(): void;
  /** The user's setting; false turns the notification off. */
  enabled(): boolean;
}

/** The words of the notification for a finished batch. */
export function batchNotificationText(summary: { done: number; failed: number }): {
  title: string;
  body: string;
} {
  const { done, failed } = summary;
  return {
    title: 'MTP Strava Uploader',
    body: failed
      ? `${done} uploaded, ${failed} need attention.`
      : `${done} sequence${done === 1 ? '' : 's'} uploaded.`,
  };
}

/** Shows the OS notification when a batch ends; clicking it brings the Queue forward. */
export function notifyBatchFinished(
  port: BatchNotificationPort,
  summary: { done: number; failed: number },
): void {
  if (summary.done + summary.failed === 0 || !port.enabled() || !port.isSupported()) return;
  const notification = port.create(batchNotificationText(summary));
  notification.on('click', () => port.openQueue());
  notification.show();
}
