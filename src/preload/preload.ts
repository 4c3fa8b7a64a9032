import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import { ipcContract, ipcEvents, type EventName, type MtpApi } from '../shared/ipc-contract';

/**
 * Exposes exactly the IPC contract as `window.mtp`: one named function per channel,
 * a subscription to the contract's pushed events and the dropped-folder path. Never
 * ipcRenderer itself. Payloads pass through as they came; the renderer parses them.
 */
const api: Record<string, unknown> = {};
for (const channel of Object.keys(ipcContract)) {
  api[channel] = (request: unknown) => ipcRenderer.invoke(channel, request);
}
api.on = (name: EventName, listener: (payload: unknown) => void) => {
  // The page may only listen to the contract's events, never to any other channel.
  if (typeof name !== 'string' || !Object.hasOwn(ipcEvents, name))
    throw new Error('Unknown event.');
  const handler = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(name, handler);
  return () => ipcRenderer.removeListener(name, handler);
};
api.pathForFile = (file: File) => webUtils.getPathForFile(file);

// The loop above builds one function per channel of the contract, which is MtpApi's shape.
const mtp = api as unknown as MtpApi;
contextBridge.exposeInMainWorld('mtp', mtp);
