import { contextBridge, ipcRenderer, webUtils, type IpcRendererEvent } from 'electron';
import {
  ipcContract,
  queueChangedChannel,
  type MtpApi,
  type QueueSnapshot,
} from '../shared/ipc-contract';

/**
 * Exposes exactly the IPC contract as `window.mtp`: one named function per channel,
 * the queue subscription and the dropped-folder path. Never ipcRenderer itself.
 */
const api: Record<string, unknown> = {};
for (const channel of Object.keys(ipcContract)) {
  api[channel] = (request: unknown) => ipcRenderer.invoke(channel, request);
}
api.onQueueChanged = (listener: (snapshot: QueueSnapshot) => void) => {
  const handler = (_event: IpcRendererEvent, snapshot: QueueSnapshot) => listener(snapshot);
  ipcRenderer.on(queueChangedChannel, handler);
  return () => ipcRenderer.removeListener(queueChangedChannel, handler);
};
api.pathForFile = (file: File) => webUtils.getPathForFile(file);

// The loop above builds one function per channel of the contract, which is MtpApi's shape.
const mtp = api as unknown as MtpApi;
contextBridge.exposeInMainWorld('mtp', mtp);
