import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { dropGrantChannel, dropGrantResponseSchema } from '../shared/drop-grant';
import { ipcContract, ipcEvents, type IpcEvent, type IpcResult } from '../shared/ipc-contract';
import { filterIpcResponse } from '../shared/ipc-response-filter';
import { isTrustedSender } from './trusted-sender';

/** What the registry needs of the app: one entry point per call, and the pushed events. */
export interface IpcApp {
  handle(channel: string, request: unknown): Promise<IpcResult<unknown>>;
  onEvent(listener: (event: IpcEvent) => void): () => void;
}

const untrusted: IpcResult<never> = {
  ok: false,
  error: {
    kind: 'invalid-input',
    message: 'This request did not come from the app.',
    retryable: false,
  },
};

/**
 * Registers a handler for every channel of the contract, and nothing else: each
 * checks the sender frame first, then lets the app validate and answer, and parses the
 * answer with the channel's response schema on its way out. This is the
 * only file that may touch ipcMain (a lint rule says so).
 */
export function registerIpcHandlers(
  app: IpcApp,
  appPageUrl: () => string,
  onMismatch?: (why: string) => void,
): () => void {
  const channels = Object.keys(ipcContract);
  for (const channel of channels) {
    ipcMain.handle(channel, (event: IpcMainInvokeEvent, request: unknown) =>
      isTrustedSender(event.senderFrame, appPageUrl())
        ? // Every answer leaves as its schema says, unknown fields (a token) stripped.
          app.handle(channel, request).then((r) => filterIpcResponse(channel, r, onMismatch))
        : Promise.resolve(untrusted),
    );
  }
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}

/** What the drop grant needs of the app: the grant of a real drop's paths. */
export interface DropGrantApp {
  grantDropped(request: unknown): Promise<IpcResult<{ paths: string[] }>>;
}

/**
 * Registers the preload's own channel for a real drop (`dropGrantChannel`), behind
 * the same sender check. The page cannot send on it: it is no function of
 * `window.mtp` but the preload's `grantDropped`, which sends only paths that
 * `webUtils.getPathForFile` found for Files the user dropped.
 */
export function registerDropGrant(app: DropGrantApp, appPageUrl: () => string): () => void {
  ipcMain.handle(dropGrantChannel, async (event: IpcMainInvokeEvent, request: unknown) => {
    if (!isTrustedSender(event.senderFrame, appPageUrl())) return untrusted;
    const result = await app.grantDropped(request);
    return result.ok ? { ok: true, value: dropGrantResponseSchema.parse(result.value) } : result;
  });
  return () => ipcMain.removeHandler(dropGrantChannel);
}

/** Pushes the app's events (queue deltas, folder previews) to the app window, each on its own channel. */
export function forwardAppEvents(app: IpcApp, target: () => WebContents | undefined): () => void {
  return app.onEvent((event) => {
    // Only the contract's events leave main, whatever the app hands over.
    if (!Object.hasOwn(ipcEvents, event.name)) return;
    const contents = target();
    if (contents && !contents.isDestroyed()) contents.send(event.name, event.payload);
  });
}
