import type { MessagePort } from 'node:worker_threads';
import type { SequencePreview } from '../../shared/ipc-contract';

/** What the pool asks a preview worker: check this folder. */
export interface PreviewTask {
  id: number;
  folder: string;
  /** Only whether the folder is marked done (the review's scan), not the whole check. */
  doneOnly?: boolean;
}

/** What a preview worker answers for one task. */
export interface PreviewAnswer {
  id: number;
  preview: SequencePreview;
}

/** Whether a message from the pool is a task (anything else is ignored). */
export function isPreviewTask(message: unknown): message is PreviewTask {
  if (typeof message !== 'object' || message === null) return false;
  const { id, folder } = message as Record<string, unknown>;
  return typeof id === 'number' && typeof folder === 'string';
}

/** What a preview worker says once it is loaded and listening. */
export const previewWorkerReady = { ready: true } as const;

/** Whether a message from a worker says it is loaded. */
export function isReadyMessage(message: unknown): boolean {
  return typeof message === 'object' && message !== null && 'ready' in message;
}

/** Whether a message from a worker answers a task. */
export function isPreviewAnswer(message: unknown): message is PreviewAnswer {
  if (typeof message !== 'object' || message === null) return false;
  const { id, preview } = message as Record<string, unknown>;
  return typeof id === 'number' && typeof preview === 'object' && preview !== null;
}

/** Runs in a worker thread: says it is ready, then answers every task on `port` with `preview` of its folder. */
export function servePreviewTasks(
  port: Pick<MessagePort, 'on' | 'postMessage'>,
  preview: (folder: string) => Promise<SequencePreview>,
  doneOnly: (folder: string) => Promise<SequencePreview> = preview,
): void {
  port.on('message', (message: unknown) => {
    if (!isPreviewTask(message)) return;
    void (message.doneOnly === true ? doneOnly : preview)(message.folder).then((answer) =>
      port.postMessage({ id: message.id, preview: answer } satisfies PreviewAnswer),
    );
  });
  port.postMessage(previewWorkerReady);
}
